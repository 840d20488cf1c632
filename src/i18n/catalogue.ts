// Every sentence the tool says, in English and Vietnamese: one area's entries a file, merged here.
import { accounting } from "./catalogue/accounting.js";
import { actions } from "./catalogue/actions.js";
import { api } from "./catalogue/api.js";
import { cli } from "./catalogue/cli.js";
import { common } from "./catalogue/common.js";
import { config } from "./catalogue/config.js";
import { customers } from "./catalogue/customers.js";
import { damage } from "./catalogue/damage.js";
import { demo } from "./catalogue/demo.js";
import { exportArea } from "./catalogue/export.js";
import { files } from "./catalogue/files.js";
import { output } from "./catalogue/output.js";
import { importArea } from "./catalogue/import.js";
import { report } from "./catalogue/report.js";
import { rules } from "./catalogue/rules.js";
import { sandbox } from "./catalogue/sandbox.js";
import { sheet } from "./catalogue/sheet.js";
import { sources } from "./catalogue/sources.js";
import { status } from "./catalogue/status.js";
import { template } from "./catalogue/template.js";
import { undo } from "./catalogue/undo.js";

/** One line an area, alphabetical; each key starts with its area's name (the catalogue test checks it). */
export const AREAS = {
  accounting,
  actions,
  api,
  cli,
  common,
  config,
  customers,
  damage,
  demo,
  export: exportArea,
  files,
  import: importArea,
  output,
  report,
  rules,
  sandbox,
  sheet,
  sources,
  status,
  template,
  undo,
} as const;

type Areas = typeof AREAS;
type Merged<U> = (U extends unknown ? (whole: U) => void : never) extends (whole: infer I) => void ? I : never;
export type Catalogue = Merged<Areas[keyof Areas]>;

/** Areas merged; a key defined in two areas is a defect the catalogue test finds. */
export const CATALOGUE: Catalogue = Object.assign({}, ...Object.values(AREAS)) as Catalogue;
