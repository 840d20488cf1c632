// One worksheet's XML as SheetRows, cell types, number formats and dates as Excel shows them.
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { normaliseExcelValue } from "./cells.js";
import { MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS } from "./limits.js";
import { PartError, problemOf } from "./part-error.js";
import type { StringStore } from "./string-store.js";
import type { Cell, SheetRow } from "./types.js";
import { scanOrParse } from "./xml-events.js";
import type { PartBytes, XmlReader } from "./xml-events.js";
import { AS_USUAL } from "./xml-scan.js";
import { PlainCell, digits } from "./xlsx-plain-cell.js";
import { referenceColumn } from "./xlsx-reference.js";

export interface SheetContext {
  file: string;
  sheet: string;
  date1904: boolean;
  numberFormats: readonly (string | undefined)[];
  sharedStrings: StringStore;
}

/** The cell being read: its attributes, and the text of its <v>, <f> and <is><t> so far. */
interface OpenCell {
  ref: string | undefined;
  column: number;
  type: string | undefined;
  style: number;
  value: string | undefined;
  formula: string | undefined;
}

type Capture = "none" | "value" | "formula";

/** Non-blank rows in file order; blank cells and rows are skipped, row numbers kept. */
export function sheetRows(part: PartBytes, context: SheetContext): AsyncGenerator<SheetRow> {
  return scanOrParse(part, (reader, bytes) => rowsOf(reader, bytes, context));
}

async function* rowsOf(reader: XmlReader, xml: AsyncIterable<Buffer | string>, context: SheetContext): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: (Cell | undefined)[] = [];
  let inRow = false;
  // hidden by a filter or by hand: --mode delete leaves such rows alone
  let hidden = false;
  let lastColumn = 0;
  let cell: OpenCell | undefined;
  let capture: Capture = "none";
  let inInline = false;
  let inPhonetic = false;
  const plain = new PlainCell();
  const events = reader(xml, {
    // the usual cell straight from its bytes; any other, and any the plain way cannot type, as events
    element(b, start) {
      // inside a cell or a text being captured the events keep their state (a <c> there is not a cell)
      if (!inRow || cell !== undefined || capture !== "none") return AS_USUAL;
      const end = plain.read(b, start);
      if (end < 0) return end;
      const value = plainValue(plain, b, context);
      if (value === AS_USUAL) return AS_USUAL;
      const column = plain.column === 0 ? lastColumn + 1 : plain.column;
      lastColumn = column;
      place(cells, column, value);
      return end;
    },
    open(name, attributes) {
      switch (name) {
        case "row":
          rowNumber = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new PartError(msg("sheet.noRowNumber", { ref: attributes.r ?? "" }));
          if (rowNumber > MAX_EXCEL_ROWS) throw tooManyRows(context);
          inRow = true;
          hidden = attributes.hidden === "1" || attributes.hidden === "true";
          lastColumn = 0;
          cells = [];
          break;
        case "c": {
          if (!inRow) break;
          // nothing a spreadsheet writes: the outer cell's value would be lost, or read as the inner's
          if (cell !== undefined) throw new PartError(msg("sheet.cellInCell", { cell: where(cell) }));
          const ref = attributes.r;
          // a cell without a reference follows the one before it, blank or not
          const column = ref === undefined ? lastColumn + 1 : columnOf(ref, context);
          lastColumn = column;
          cell = { ref, column, type: attributes.t, style: attributes.s === undefined ? 0 : Number(attributes.s), value: undefined, formula: undefined };
          break;
        }
        case "v":
          if (cell === undefined) break;
          cell.value = "";
          capture = "value";
          break;
        case "f":
          if (cell === undefined) break;
          cell.formula = "";
          capture = "formula";
          break;
        case "is":
          if (cell === undefined) break;
          cell.value = "";
          inInline = true;
          break;
        case "t":
          if (inInline && !inPhonetic) capture = "value";
          break;
        case "rPh":
          inPhonetic = true;
          break;
      }
    },
    text(text) {
      if (capture === "none" || cell === undefined) return;
      if (capture === "value") cell.value += text;
      else cell.formula += text;
    },
    close(name) {
      switch (name) {
        case "v":
        case "f":
        case "t":
          capture = "none";
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "c":
          if (cell !== undefined) place(cells, cell.column, toCell(cell, context));
          cell = undefined;
          break;
        case "row":
          if (cells.length > 0) ready.push(hidden ? { row: rowNumber, cells, hidden } : { row: rowNumber, cells });
          inRow = false;
          break;
      }
    },
  });
  for await (const _ of events) {
    if (ready.length > 0) yield* ready.splice(0);
  }
}

/** Put a cell at its column (1-based); the gaps passed become blanks. */
function place(cells: (Cell | undefined)[], column: number, value: Cell | undefined): void {
  if (value === undefined) return;
  while (cells.length < column - 1) cells.push(undefined);
  cells[column - 1] = value;
}

/** A plain cell's value as toCell makes it; AS_USUAL where that would fail, so the events say where and why. */
function plainValue(plain: PlainCell, b: Buffer, context: SheetContext): Cell | undefined | typeof AS_USUAL {
  const { valueStart, valueEnd } = plain;
  if (valueStart === -1) return undefined;
  try {
    if (plain.type === "s") {
      const found = context.sharedStrings.get(digits(b, valueStart, valueEnd));
      return found === undefined ? AS_USUAL : normaliseExcelValue(found);
    }
    const value = b.toString("latin1", valueStart, valueEnd);
    return toCell({ ref: undefined, column: plain.column, type: plain.type, style: plain.style, value, formula: undefined }, context);
  } catch {
    return AS_USUAL;
  }
}

function toCell(cell: OpenCell, context: SheetContext): Cell | undefined {
  const numFmt = context.numberFormats[cell.style];
  const value = typedValue(cell, numFmt, context);
  // a formula without <v> has no computed value; its cached value otherwise, typed as a plain cell's
  const raw = cell.formula === undefined ? value : { formula: cell.formula, result: value };
  try {
    // most cells are text: no number format needed for those
    return typeof raw === "string" ? normaliseExcelValue(raw) : normaliseExcelValue(raw, { numFmt });
  } catch (error) {
    const text = error instanceof ToolError ? error.said : problemOf(error);
    throw new ToolError("E_INTERNAL", msg("sheet.atCell", { cell: where(cell), text }), { cause: error, hint: error instanceof ToolError ? error.hintSaid : undefined });
  }
}

function typedValue(cell: OpenCell, numFmt: string | undefined, context: SheetContext): unknown {
  const text = cell.value;
  if (text === undefined) return undefined;
  switch (cell.type) {
    case "s": {
      if (text.trim() === "") return undefined; // an empty <v/>: nothing stored
      const found = context.sharedStrings.get(Number(text));
      if (found === undefined) throw new PartError(msg("sheet.missingSharedString", { cell: where(cell), index: text }));
      return found;
    }
    case "inlineStr":
    case "str":
      return text;
    case "e":
      return { error: text };
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "d":
      return isoDate(text.trim());
    default: {
      // NaN (an empty <v></v>) reads as a blank, or for a formula (openpyxl) as no computed value
      const number = Number.parseFloat(text);
      return Number.isFinite(number) && isDateFormat(numFmt) ? excelDate(number, context.date1904) : number;
    }
  }
}

const where = (cell: OpenCell): Message | string => cell.ref ?? msg("sheet.inColumn", { column: String(cell.column) });

// t="d" holds ISO 8601; without a zone it is the wall-clock time Excel shows, read as UTC like serials.
function isoDate(text: string): Date {
  if (!text.includes("T")) return new Date(`${text}T00:00:00Z`);
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

// A workbook has a handful of formats and up to millions of number cells: each format is judged once.
const dateFormats = new Map<string, boolean>();

// As Excel (and exceljs) decide: a format with y m d h s outside quotes and [brackets] is a date.
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  let isDate = dateFormats.get(numFmt);
  if (isDate === undefined) {
    isDate = /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
    dateFormats.set(numFmt, isDate);
  }
  return isDate;
}

/**
 * A serial day number as the date Excel shows. The 1900 system counts 29 Feb 1900, which never was
 * (Lotus 1-2-3's bug, kept by Excel): serials before it are a day later than plain arithmetic, and
 * serial 60 itself is no date.
 */
function excelDate(serial: number, date1904: boolean): Date {
  if (!date1904 && serial >= 60 && serial < 61) return new Date(Number.NaN);
  const days = date1904 ? serial + 1462 : serial < 60 && serial >= 1 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** A cell reference's column (A → 1); XFE and past are refused as no spreadsheet writes them. */
function columnOf(ref: string, context: SheetContext): number {
  const column = referenceColumn(ref);
  if (column === -1) throw tooManyColumns(context);
  if (column === 0) throw new PartError(msg("sheet.noColumn", { ref }));
  return column;
}

const NOT_FROM_A_SPREADSHEET = msg("sheet.notFromASpreadsheet");

function tooManyColumns({ file, sheet }: SheetContext): ToolError {
  return new ToolError("E_FILE_TOO_LARGE", msg("sheet.tooManyColumns", { file, sheet, columns: MAX_EXCEL_COLUMNS }), {
    hint: NOT_FROM_A_SPREADSHEET,
  });
}

function tooManyRows({ file, sheet }: SheetContext): ToolError {
  return new ToolError("E_FILE_TOO_LARGE", msg("sheet.tooManyRows", { file, sheet, rows: MAX_EXCEL_ROWS }), {
    hint: NOT_FROM_A_SPREADSHEET,
  });
}
