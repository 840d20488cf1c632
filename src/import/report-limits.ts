// An XLSX report must fit an Excel sheet: checked before the first request, so every result sent can be written.
import { extname } from "node:path";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { MAX_EXCEL_CELL_CHARS, MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS } from "../spreadsheet/limits.js";
import type { SheetRow } from "../spreadsheet/types.js";

export interface ReportFit {
  /** sees each data row of the input as it is counted */
  measure(row: SheetRow): void;
  /** throws when the report would be wider, longer or hold a longer cell than Excel allows */
  check(columns: number, rows: number): void;
}

/** For an .xlsx report: what to measure and check; undefined for CSV, which has no such limits. */
export function reportFit(report: string, input: string): ReportFit | undefined {
  if (extname(report).toLowerCase() !== ".xlsx") return undefined;
  let longCell: { row: number; column: number; length: number } | undefined;
  const refuse = (reason: Message): never => {
    throw new ToolError("E_REPORT", msg("import.report.tooBigForExcel", { report, reason }), { hint: msg("import.report.tooBigForExcelHint", { input, csv: report.replace(/\.xlsx$/i, ".csv") }) });
  };
  return {
    measure(row) {
      if (longCell) return;
      const column = row.cells.findIndex((cell) => cell?.kind === "text" && cell.text.length > MAX_EXCEL_CELL_CHARS);
      const cell = row.cells[column];
      if (cell?.kind === "text") longCell = { row: row.row, column: column + 1, length: cell.text.length };
    },
    check(columns, rows) {
      if (columns > MAX_EXCEL_COLUMNS) refuse(msg("import.report.tooManyColumns", { columns, max: MAX_EXCEL_COLUMNS }));
      if (rows + 1 > MAX_EXCEL_ROWS) refuse(msg("import.report.tooManyRows", { rows: rows + 1, max: MAX_EXCEL_ROWS }));
      // the row and column as the file numbers them, ungrouped
      if (longCell) refuse(msg("import.report.cellTooLong", { row: String(longCell.row), input, column: String(longCell.column), length: longCell.length, max: MAX_EXCEL_CELL_CHARS }));
    },
  };
}
