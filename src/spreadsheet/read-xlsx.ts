// XLSX as SheetRows: the first visible sheet (or --sheet), streamed row by row with our own reader.
import { ToolError } from "../errors.js";
import { MAX_SHEET_XML_BYTES } from "./limits.js";
import type { ReadOptions, SheetRow, SheetSource } from "./types.js";
import { sheetRows } from "./xlsx-sheet.js";
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
  const { file, parts, date1904, numberFormats, sharedStrings } = workbook;
  const xml = await openPart(file, parts, sheet.part, MAX_SHEET_XML_BYTES);
  try {
    yield* sheetRows(xml, { file, sheet: sheet.name, date1904, numberFormats, sharedStrings });
  } catch (error) {
    throw readError(error, file, sheet.name);
  } finally {
    xml.destroy();
  }
}

function readError(error: unknown, file: string, sheet: string): unknown {
  if (error instanceof ToolError && error.code === "E_INTERNAL" && !error.message.startsWith(file)) {
    return new ToolError("E_INTERNAL", `${file}: sheet "${sheet}", ${error.message}`, { cause: error.cause, hint: error.hint });
  }
  if (error instanceof ToolError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return damaged(file, `sheet "${sheet}" cannot be read (${message})`);
}
