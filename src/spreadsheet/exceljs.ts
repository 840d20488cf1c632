// The one place exceljs is loaded: for writing only (templates, reports, exports); workbooks are read by xlsx-sheet.ts.
import { createRequire } from "node:module";
import type * as ExcelTypes from "exceljs";

const require = createRequire(import.meta.url);

export const ExcelJS = require("exceljs") as typeof ExcelTypes;
