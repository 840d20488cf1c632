// Rows to a streamed .xlsx: every cell text (never evaluated), bold frozen header, autofilter, widths.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type * as ExcelTypes from "exceljs";
import { ExcelJS } from "./exceljs.js";
import { isExcelError } from "./cells.js";
import { withLineFeeds } from "./lines.js";
import { escapeGuardApostrophe } from "./formula-guard.js";
import { encodeXlsxText } from "./xlsx-text.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { Cell, CellMark, WriteOptions } from "./types.js";
import type { StreamSheetWriter } from "./write-csv.js";
import { MAX_EXCEL_CELL_CHARS, MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS } from "./limits.js";

/** Rows buffered before the first commit, to size the columns from real content. */
const WIDTH_SAMPLE_ROWS = 200;
const MAX_WIDTH = 60;
const MIN_WIDTH = 8;
// Each note is buffered in memory until the sheet is zipped: past this many, cells are only coloured.
const MAX_NOTES = 10_000;
const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const; // Excel's light red / light yellow
const TEXT = "@";
const NOTHING = Buffer.alloc(0);

type Row = { values: (string | undefined)[]; marks: CellMark[] | undefined; cells: readonly (Cell | undefined)[] | undefined };

/** exceljs's streaming WorkbookWriter with shared strings off, so memory stays flat. */
/** Before a file is opened: a header wider than an Excel sheet can never be written. */
export function checkExcelWidth(file: string, columns: number): void {
  if (columns > MAX_EXCEL_COLUMNS) throw overExcelLimit(file, msg("sheet.limit.columns", { columns, max: MAX_EXCEL_COLUMNS }));
}

export function createXlsxWriter(output: Writable, options: WriteOptions, file: Message | string = msg("sheet.theWorkbook")): StreamSheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(options.sheetName ?? "Sheet1"), { views: [{ state: "frozen", ySplit: 1 }] });
  const width = options.columns.length;
  let pending: Row[] | undefined = [];
  let notes = 0;
  let written = 0;
  let rows = 0;
  // checked as rows arrive, before any is committed: exceljs would write what Excel then calls damaged
  const checkRow = (values: (string | undefined)[], sheetRow: number): void => {
    if (sheetRow > MAX_EXCEL_ROWS) throw overExcelLimit(file, msg("sheet.limit.rows", { max: MAX_EXCEL_ROWS }));
    if (values.length > MAX_EXCEL_COLUMNS) throw overExcelLimit(file, msg("sheet.limit.rowCells", { row: String(sheetRow), cells: values.length, max: MAX_EXCEL_COLUMNS }));
    const long = values.findIndex((value) => value !== undefined && value.length > MAX_EXCEL_CELL_CHARS);
    if (long >= 0) {
      const column = options.columns[long] ?? msg("sheet.columnNumber", { number: String(long + 1) });
      throw overExcelLimit(file, msg("sheet.limit.cellChars", { row: String(sheetRow), column, chars: values[long]!.length, max: MAX_EXCEL_CELL_CHARS }));
    }
  };

  const commitRow = (values: (string | undefined)[], marks: CellMark[] | undefined, cells?: readonly (Cell | undefined)[], header = false): void => {
    const row = sheet.addRow([]);
    values.forEach((value, index) => {
      const typed = cells?.[index];
      // an error we know only as "a formula error" (exceljs lost its code) has no value to write back
      if (typed !== undefined && typed.kind !== "text" && !(typed.kind === "error" && !isExcelError(typed.error))) {
        writeTyped(row.getCell(index + 1), typed);
        return;
      }
      if (value === undefined || value === "") return;
      const cell = row.getCell(index + 1);
      // a line break as Excel writes one: LF in a wrapped cell (a CR would show as _x000D_ elsewhere)
      const text = header ? withLineFeeds(value) : escapeGuardApostrophe(withLineFeeds(value));
      cell.value = encodeXlsxText(text);
      cell.numFmt = TEXT;
      if (header) cell.font = { bold: true };
      if (text.includes("\n")) cell.alignment = { wrapText: true, vertical: "top" };
    });
    for (const mark of marks ?? []) {
      const cell = row.getCell(mark.column + 1);
      if (typeof cell.value === "string" || cell.value === null) cell.numFmt = TEXT; // a date written back keeps its date format
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[mark.severity] } };
      if (notes < MAX_NOTES && mark.note !== "") {
        cell.note = mark.note;
        notes++;
      }
    }
    row.commit();
  };

  // Column widths must be in place before the first row is committed: size them from the sample.
  const start = (): void => {
    const rows = pending ?? [];
    pending = undefined;
    sheet.columns = columnWidths([options.columns, ...rows.map((row) => row.values)], width).map((columnWidth) => ({
      width: columnWidth,
      style: { numFmt: TEXT }, // values typed later into the sheet stay text (leading zeros)
    }));
    if (width > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    for (const [column, values] of Object.entries(options.dropdowns ?? {})) addDropdown(sheet, Number(column), values);
    commitRow(options.columns, undefined, undefined, true);
    for (const row of rows) commitRow(row.values, row.marks, row.cells);
  };

  return {
    async write(values, marks, cells) {
      checkRow(values, (rows += 1) + 1);
      if (pending !== undefined) {
        pending.push({ values, marks, cells });
        if (pending.length >= WIDTH_SAMPLE_ROWS) start();
        return;
      }
      commitRow(values, marks, cells);
      // rows reach the zip synchronously: let it drain so memory stays flat
      if (++written % 500 === 0) await yieldToEventLoop();
      const entry = zipEntryOf(sheet);
      // an empty write adds nothing yet answers as any write does: false while the entry is over its high-water mark
      if (entry !== undefined && !entry.write(NOTHING)) await once(entry, "drain");
      if (output.writableNeedDrain) await once(output, "drain");
    },
    async close() {
      if (pending !== undefined) start();
      sheet.commit();
      for (const extra of options.extraSheets ?? []) {
        // a table's first row is its header: bold and frozen, as on the data sheet
        const extraSheet = workbook.addWorksheet(sheetName(extra.name), extra.header === true ? { views: [{ state: "frozen", ySplit: 1 }] } : {});
        extraSheet.columns = columnWidths(extra.rows, Math.max(0, ...extra.rows.map((row) => row.length))).map((w) => ({ width: w }));
        extra.rows.forEach((values, index) => {
          const added = extraSheet.addRow(values.map(encodeXlsxText));
          if (extra.header === true && index === 0) added.font = { bold: true };
          added.commit();
        });
        extraSheet.commit();
      }
      await workbook.commit();
    },
    destroy() {
      output.destroy();
    },
  };
}

/**
 * A workbook's number, date, error or formula cell, written back as it was read: text would
 * lose what made it wrong (a 16-digit number's lost digits, a date in a text column), and the
 * report, re-read as it stands, would pass rows the input failed.
 */
function writeTyped(cell: ExcelTypes.Cell, typed: Exclude<Cell, { kind: "text" }>): void {
  switch (typed.kind) {
    case "number":
      cell.value = typed.value;
      if (typed.scientific === true) cell.numFmt = "0.00E+00";
      return;
    case "boolean":
      cell.value = typed.value;
      return;
    case "date":
      cell.value = typed.value;
      cell.numFmt = "yyyy-mm-dd";
      return;
    case "error":
      cell.value = { error: typed.error } as ExcelTypes.CellErrorValue;
      return;
    case "formula-without-value":
      cell.value = { formula: typed.formula } as ExcelTypes.CellFormulaValue;
      return;
  }
}

/** Characters of the longest line per column, within bounds. */
function columnWidths(rows: (string | undefined)[][], width: number): number[] {
  const widths = new Array<number>(width).fill(MIN_WIDTH);
  for (const row of rows) {
    row.forEach((value, index) => {
      if (value === undefined || index >= width) return;
      const longest = Math.max(...value.split(/\r\n|\r|\n/).map((line) => line.length));
      widths[index] = Math.min(MAX_WIDTH, Math.max(widths[index] ?? MIN_WIDTH, longest + 2));
    });
  }
  return widths;
}

function addDropdown(sheet: ExcelTypes.Worksheet, columnIndex: number, values: string[]): void {
  const list = `"${values.map((value) => value.replace(/"/g, '""')).join(",")}"`;
  if (list.length > 257 || values.some((value) => value.includes(","))) {
    throw new ToolError("E_INTERNAL", msg("sheet.dropdownTooLong", { list }));
  }
  const letter = columnLetter(columnIndex);
  // the streaming worksheet has dataValidations, though exceljs's types leave it out
  const { dataValidations } = sheet as unknown as { dataValidations: { add(range: string, rule: ExcelTypes.DataValidation): void } };
  dataValidations.add(`${letter}2:${letter}1048576`, {
    type: "list",
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    errorStyle: "warning",
  });
}

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// Excel sheet names: at most 31 characters, none of : \ / ? * [ ]
function sheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31);
  return cleaned === "" ? "Sheet1" : cleaned;
}

/**
 * The zip entry a streamed sheet writes into. exceljs's StreamBuf ignores that entry's
 * back-pressure (lib/utils/stream-buf.js writes without checking), so rows that arrive faster
 * than the deflate pile up in memory unless we wait for it ourselves (100,000 customers: 130 MB
 * of sheet XML). exceljs has no public way to the entry, so this reads the StreamBuf's `pipes`;
 * the entry is archiver's readable-stream 2 PassThrough, which has no `writableNeedDrain`: only
 * write()'s answer and 'drain', the stream contract every version keeps, are used on it.
 */
function zipEntryOf(sheet: ExcelTypes.Worksheet): Writable | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const entry = pipes?.[0] as Partial<Writable> | undefined;
  return entry && typeof entry.once === "function" && typeof entry.write === "function" ? (entry as Writable) : undefined;
}

/** A workbook that Excel could not open: say what is over, and that CSV has no such limit. */
function overExcelLimit(file: Message | string, what: Message): ToolError {
  return new ToolError("E_FILE_TOO_LARGE", msg("sheet.overExcelLimit", { file, problem: what }), { hint: msg("sheet.overExcelLimitHint") });
}
