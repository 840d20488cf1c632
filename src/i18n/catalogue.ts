// Every sentence the tool says, in English and Vietnamese: one area's entries a file, merged here.
import { common } from "./catalogue/common.js";
import { customers } from "./catalogue/customers.js";
import { report } from "./catalogue/report.js";
import { status } from "./catalogue/status.js";
import { template } from "./catalogue/template.js";

/** Areas are merged with spread: a key defined in two areas is a defect the catalogue test finds. */
export const AREAS = { common, customers, report, status, template } as const;

export const CATALOGUE = { ...common, ...customers, ...report, ...status, ...template };
export type Catalogue = typeof CATALOGUE;
