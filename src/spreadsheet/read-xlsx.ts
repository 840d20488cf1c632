// XLSX as SheetRows: the first visible sheet (or --sheet), streamed row by row with our own reader.
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { MAX_SHEET_XML_BYTES } from "./limits.js";
import { problemOf } from "./part-error.js";
import type { ReadOptions, SheetRow, SheetSource } from "./types.js";
import { sheetRows } from "./xlsx-sheet.js";
import { openPart, openWorkbook } from "./xlsx-workbook.js";
import type { OpenWorkbook, SheetEntry } from "./xlsx-workbook.js";
import { damaged } from "./zip.js";

/** Open an .xlsx: the sheet is chosen (and a wrong --sheet refused) here; rows stream when iterated. */
export async function readXlsx(file: string, options: ReadOptions = {}): Promise<SheetSource> {
  const workbook = await openWorkbook(file);
  const sheet = chooseSheet(workbook, options.sheet);
  return { file, format: "xlsx", sheetName: sheet.name, sheetNames: workbook.sheets.map(label), sheetLabels: workbook.sheets.map(labelSaid), rows: xlsxRows(workbook, sheet) };
}

/** A sheet as SheetSource.sheetNames lists it. */
const label = (sheet: SheetEntry): string => (sheet.hidden ? `${sheet.name} (hidden)` : sheet.name);

/** A sheet as messages name it, "(hidden)" in the run's language. */
const labelSaid = (sheet: SheetEntry): Message | string => (sheet.hidden ? msg("sheet.hidden", { name: sheet.name }) : sheet.name);

/** "a, b, c" in either language (a list param would add "and"); halves nest, so a long list nests shallowly. */
function commaList(items: readonly (Message | string)[]): Message | string | undefined {
  if (items.length <= 1) return items[0];
  const half = Math.ceil(items.length / 2);
  return msg("sheet.list", { first: commaList(items.slice(0, half)) ?? "", rest: commaList(items.slice(half)) ?? "" });
}

function chooseSheet({ file, sheets }: OpenWorkbook, wanted: string | undefined): SheetEntry {
  const names = commaList(sheets.map(labelSaid));
  if (wanted === undefined) {
    const visible = sheets.find((sheet) => !sheet.hidden);
    if (visible !== undefined) return visible;
    throw new ToolError("E_SHEET_NOT_FOUND", names === undefined ? msg("sheet.noVisibleSheet", { file }) : msg("sheet.noVisibleSheetOf", { file, names }), {
      hint: names === undefined ? msg("sheet.saveWithSheet") : msg("sheet.chooseSheet"),
    });
  }
  const key = (name: string): string => name.normalize("NFC").toLocaleLowerCase("vi");
  const found = sheets.find((sheet) => key(sheet.name) === key(wanted));
  if (found !== undefined) return found;
  throw new ToolError("E_SHEET_NOT_FOUND", msg("sheet.notFound", { file, sheet: wanted, names: names ?? msg("sheet.none") }), {
    hint: msg("sheet.notFoundHint"),
  });
}

async function* xlsxRows(workbook: OpenWorkbook, sheet: SheetEntry): AsyncGenerator<SheetRow> {
  const { file, parts, date1904, numberFormats, sharedStrings } = workbook;
  try {
    yield* sheetRows(() => openPart(file, parts, sheet.part, MAX_SHEET_XML_BYTES), { file, sheet: sheet.name, date1904, numberFormats, sharedStrings });
  } catch (error) {
    throw readError(error, file, sheet.name);
  }
}

function readError(error: unknown, file: string, sheet: string): unknown {
  if (error instanceof ToolError && error.code === "E_INTERNAL" && !error.message.startsWith(file)) {
    return new ToolError("E_INTERNAL", msg("sheet.inSheet", { file, sheet, text: error.said }), { cause: error.cause, hint: error.hintSaid });
  }
  if (error instanceof ToolError) return error;
  return damaged(file, msg("sheet.sheetUnreadable", { sheet, problem: problemOf(error) }));
}
