// An XLSX report must fit an Excel sheet: checked before the first request, so every result sent can be written.
import { extname } from "node:path";
import { ToolError } from "../errors.js";
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
  const refuse = (what: string): never => {
    throw new ToolError("E_REPORT", `The report ${report} cannot be an Excel workbook: ${what}. Nothing was sent.`, {
      hint: `Write the report as CSV, which has no such limit: finan-bulk import ${input} --report ${report.replace(/\.xlsx$/i, ".csv")}`,
    });
  };
  return {
    measure(row) {
      if (longCell) return;
      const column = row.cells.findIndex((cell) => cell?.kind === "text" && cell.text.length > MAX_EXCEL_CELL_CHARS);
      const cell = row.cells[column];
      if (cell?.kind === "text") longCell = { row: row.row, column: column + 1, length: cell.text.length };
    },
    check(columns, rows) {
      const count = (n: number) => n.toLocaleString("en-US");
      if (columns > MAX_EXCEL_COLUMNS) refuse(`it would have ${count(columns)} columns (the input's and the result columns), and an Excel sheet holds ${count(MAX_EXCEL_COLUMNS)}`);
      if (rows + 1 > MAX_EXCEL_ROWS) refuse(`it would have ${count(rows + 1)} rows with its header, and an Excel sheet holds ${count(MAX_EXCEL_ROWS)}`);
      if (longCell) refuse(`row ${longCell.row} of ${input}, column ${longCell.column}, holds ${count(longCell.length)} characters, and an Excel cell holds ${count(MAX_EXCEL_CELL_CHARS)}`);
    },
  };
}
