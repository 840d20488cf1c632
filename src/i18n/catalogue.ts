// Every sentence the tool says, in English and Vietnamese: one area's entries a file, merged here.
import { common } from "./catalogue/common.js";
import { importArea } from "./catalogue/import.js";
import { report } from "./catalogue/report.js";
import { status } from "./catalogue/status.js";
import { undo } from "./catalogue/undo.js";

/** Areas are merged with spread: a key defined in two areas is a defect the catalogue test finds. */
export const AREAS = { common, import: importArea, report, status, undo } as const;

export const CATALOGUE = { ...common, ...importArea, ...report, ...status, ...undo };
export type Catalogue = typeof CATALOGUE;
