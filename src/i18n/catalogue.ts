// Every sentence the tool says, in English and Vietnamese: one area's entries a file, merged here.
import { api } from "./catalogue/api.js";
import { common } from "./catalogue/common.js";
import { config } from "./catalogue/config.js";
import { exportArea } from "./catalogue/export.js";
import { report } from "./catalogue/report.js";
import { status } from "./catalogue/status.js";

/** Areas are merged with spread: a key defined in two areas is a defect the catalogue test finds. */
export const AREAS = { api, common, config, export: exportArea, report, status } as const;

export const CATALOGUE = { ...api, ...common, ...config, ...exportArea, ...report, ...status };
export type Catalogue = typeof CATALOGUE;
