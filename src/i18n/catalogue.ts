// Every sentence the tool says, in English and Vietnamese: one area's entries a file, merged here.
import { cli } from "./catalogue/cli.js";
import { common } from "./catalogue/common.js";
import { output } from "./catalogue/output.js";
import { report } from "./catalogue/report.js";
import { sandbox } from "./catalogue/sandbox.js";
import { status } from "./catalogue/status.js";

/** Areas are merged with spread: a key defined in two areas is a defect the catalogue test finds. */
export const AREAS = { cli, common, output, report, sandbox, status } as const;

export const CATALOGUE = { ...cli, ...common, ...output, ...report, ...sandbox, ...status };
export type Catalogue = typeof CATALOGUE;
