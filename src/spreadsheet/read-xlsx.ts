// XLSX as SheetRows: the first visible sheet (or --sheet), streamed row by row through exceljs.
import type * as ExcelTypes from "exceljs";
import { ExcelJS } from "./exceljs.js";
import { ToolError } from "../errors.js";
import { normaliseExcelValue } from "./cells.js";
import { MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS, MAX_SHEET_XML_BYTES } from "./limits.js";
import type { Cell, ReadOptions, SheetRow, SheetSource } from "./types.js";
import { openPart, openWorkbook } from "./xlsx-workbook.js";
import type { OpenWorkbook, SheetEntry } from "./xlsx-workbook.js";
import { damaged } from "./zip.js";

/** Open an .xlsx: the sheet is chosen (and a wrong --sheet refused) here; rows stream when iterated. */
export async function readXlsx(file: string, options: ReadOptions = {}): Promise<SheetSource> {
  const workbook = await openWorkbook(file);
  const sheet = chooseSheet(workbook, options.sheet);
  return { file, format: "xlsx", sheetName: sheet.name, sheetNames: workbook.sheets.map(label), rows: xlsxRows(workbook, sheet) };
}

/** A sheet as messages name it. */
const label = (sheet: SheetEntry): string => (sheet.hidden ? `${sheet.name} (hidden)` : sheet.name);

function chooseSheet({ file, sheets }: OpenWorkbook, wanted: string | undefined): SheetEntry {
  const names = sheets.map(label).join(", ");
  if (wanted === undefined) {
    const visible = sheets.find((sheet) => !sheet.hidden);
    if (visible !== undefined) return visible;
    throw new ToolError("E_SHEET_NOT_FOUND", `${file} has no visible sheet${names ? ` (sheets: ${names})` : ""}`, {
      hint: names ? "Choose one with --sheet NAME" : "Save the workbook with at least one sheet of data",
    });
  }
  const key = (name: string): string => name.normalize("NFC").toLocaleLowerCase("vi");
  const found = sheets.find((sheet) => key(sheet.name) === key(wanted));
  if (found !== undefined) return found;
  throw new ToolError("E_SHEET_NOT_FOUND", `${file} has no sheet named "${wanted}"; its sheets are: ${names || "none"}`, {
    hint: "Pass one of those names to --sheet (quote names with spaces)",
  });
}

async function* xlsxRows(workbook: OpenWorkbook, sheet: SheetEntry): AsyncGenerator<SheetRow> {
  const { file, parts, reader, date1904 } = workbook;
  const xml = await openPart(file, parts, sheet.part, MAX_SHEET_XML_BYTES);
  const sheetNo = /(\d+)\.xml$/.exec(sheet.part)?.[1] ?? "1";
  const generated = reader._parseWorksheet(xml, sheetNo).next();
  if (generated.done === true) throw damaged(file, `its sheet "${sheet.name}" cannot be read`);
  try {
    for await (const row of generated.value.value) {
      if (!Number.isInteger(row.number) || row.number < 1) throw damaged(file, `a row of sheet "${sheet.name}" has no row number`);
      if (row.number > MAX_EXCEL_ROWS) throw tooManyRows(file, sheet.name);
      const converted = toSheetRow(row, date1904);
      if (converted !== undefined) yield converted;
    }
  } catch (error) {
    throw readError(error, file, sheet.name);
  } finally {
    xml.destroy();
  }
}

/** One exceljs row as a SheetRow; undefined when every cell is blank. */
function toSheetRow(row: ExcelTypes.Row, date1904: boolean): SheetRow | undefined {
  // eachCell goes left to right over the filled cells: gaps become undefined as they are passed
  const cells: (Cell | undefined)[] = [];
  row.eachCell((cell, column) => {
    try {
      const value = rawValue(cell, date1904);
      // most cells are text: no number format (a style lookup) needed for those
      const normalised = typeof value === "string" ? normaliseExcelValue(value) : normaliseExcelValue(value, { numFmt: cell.numFmt });
      if (normalised === undefined) return;
      while (cells.length < column - 1) cells.push(undefined);
      cells.push(normalised);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ToolError("E_INTERNAL", `cell ${cell.address}: ${message}`, { cause: error, hint: error instanceof ToolError ? error.hint : undefined });
    }
  });
  if (cells.length === 0) return undefined;
  return { row: row.number, cells };
}

// exceljs's formula getter drops a falsy result (0, false, ""), and never dates a formula result.
function rawValue(cell: ExcelTypes.Cell, date1904: boolean): unknown {
  const value: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.model : cell.value;
  if (typeof value !== "object" || value === null || !("formula" in value || "sharedFormula" in value)) return value;
  const { formula, sharedFormula, result } = value as { formula?: string; sharedFormula?: string; result?: unknown };
  const dated = typeof result === "number" && Number.isFinite(result) && isDateFormat(cell.numFmt) ? excelDate(result, date1904) : result;
  return { formula: formula ?? "", sharedFormula, result: dated };
}

// As exceljs decides for plain cells: a format with y m d h s outside quotes and [brackets] is a date.
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function readError(error: unknown, file: string, sheet: string): unknown {
  if (error instanceof ToolError && error.code === "E_INTERNAL" && !error.message.startsWith(file)) {
    return new ToolError("E_INTERNAL", `${file}: sheet "${sheet}", ${error.message}`, { cause: error.cause, hint: error.hint });
  }
  if (error instanceof ToolError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/out of bounds/i.test(message)) {
    return new ToolError("E_FILE_TOO_LARGE", `${file}: sheet "${sheet}" has cells beyond column XFD, Excel's last (${MAX_EXCEL_COLUMNS.toLocaleString("en")} columns)`, {
      cause: error,
      hint: "This was not written by a spreadsheet program: check that the right file was given",
    });
  }
  return damaged(file, `sheet "${sheet}" cannot be read (${message})`);
}

function tooManyRows(file: string, sheet: string): ToolError {
  return new ToolError("E_FILE_TOO_LARGE", `${file}: sheet "${sheet}" has rows beyond ${MAX_EXCEL_ROWS.toLocaleString("en")}, Excel's last row`, {
    hint: "This was not written by a spreadsheet program: check that the right file was given",
  });
}
