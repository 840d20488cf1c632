// The workbook around the sheet: its parts, sheet list, shared strings and styles, via exceljs.
import { Readable } from "node:stream";
import type * as ExcelTypes from "exceljs";
import { ExcelJS } from "./exceljs.js";
import { ToolError } from "../errors.js";
import { MAX_PART_XML_BYTES } from "./limits.js";
import { damaged, openZipEntry, readZipDirectory } from "./zip.js";
import type { ZipEntry } from "./zip.js";

/** exceljs's streaming reader, driven part by part (its own `parse()` unzips front to back). */
export interface ExceljsReader {
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string; Type: string }[];
  model?: { sheets?: ({ name?: string; rId?: string; state?: string } | undefined)[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelTypes.Row> }>;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

export interface OpenWorkbook {
  file: string;
  parts: Map<string, ZipEntry>;
  reader: ExceljsReader;
  sheets: SheetEntry[];
  date1904: boolean;
}

const OFFICE_DOCUMENT = "xl/workbook.xml";

/** Read everything but the sheets: relationships, sheet list, 1904 flag, styles, shared strings. */
export async function openWorkbook(file: string): Promise<OpenWorkbook> {
  const parts = await readZipDirectory(file);
  if (!parts.has(OFFICE_DOCUMENT)) throw notExcel(file, parts);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore", // a hyperlink cell's value is already its shown text
    styles: "cache", // number formats tell dates and scientific numbers apart
    entries: "ignore",
  }) as unknown as ExceljsReader;
  const part = (name: string): Promise<Readable> => openPart(file, parts, name);
  try {
    await reader._parseRels(await part("xl/_rels/workbook.xml.rels"));
    const workbookXml = await readWhole(await part(OFFICE_DOCUMENT));
    await reader._parseWorkbook(Readable.from([workbookXml]));
    const rels = reader.workbookRels ?? [];
    const target = (type: string): string | undefined => {
      const rel = rels.find((candidate) => candidate.Type.endsWith(`/${type}`));
      return rel === undefined ? undefined : resolveTarget(rel.Target);
    };
    const styles = target("styles");
    if (styles !== undefined && parts.has(styles)) await reader._parseStyles(await part(styles));
    const sharedStrings = target("sharedStrings");
    reader.sharedStrings = [];
    if (sharedStrings !== undefined && parts.has(sharedStrings)) {
      for await (const _ of reader._parseSharedStrings(await part(sharedStrings)));
    }
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml.toString("utf8"));
    // exceljs reads only date1904="1"; LibreOffice writes "true"
    reader.properties = { ...reader.properties, model: { ...reader.properties?.model, date1904 } };
    const sheets = (reader.model?.sheets ?? []).flatMap((sheet): SheetEntry[] => {
      const rel = rels.find((candidate) => candidate.Id === sheet?.rId);
      if (sheet?.name === undefined || rel === undefined || !rel.Type.endsWith("/worksheet")) return [];
      const hidden = sheet.state === "hidden" || sheet.state === "veryHidden";
      return [{ name: sheet.name.normalize("NFC"), hidden, part: resolveTarget(rel.Target) }];
    });
    return { file, parts, reader, sheets, date1904 };
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw damaged(file, `its workbook cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Stream one part of the workbook, inflated within the limits. */
export async function openPart(file: string, parts: Map<string, ZipEntry>, name: string, maxBytes = MAX_PART_XML_BYTES): Promise<Readable> {
  const entry = parts.get(name);
  if (entry === undefined) throw damaged(file, `it has no ${name}`);
  return openZipEntry(file, entry, maxBytes, name);
}

// Relationship targets are relative to xl/ unless absolute.
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}


// A zip that is not an Excel workbook: say what it probably is.
function notExcel(file: string, parts: Map<string, ZipEntry>): ToolError {
  if (parts.has("mimetype") && parts.has("content.xml")) {
    return new ToolError("E_FILE_FORMAT", `${file} is an OpenDocument spreadsheet (.ods), not an Excel .xlsx file`, {
      hint: "Open it and save it as .xlsx or .csv",
    });
  }
  if ([...parts.keys()].some((name) => name.startsWith("Index/"))) {
    return new ToolError("E_FILE_FORMAT", `${file} is an Apple Numbers file, not an Excel .xlsx file`, {
      hint: "In Numbers choose File → Export To → Excel (.xlsx) or CSV",
    });
  }
  return new ToolError("E_FILE_FORMAT", `${file} is a zip file but not an Excel workbook (no xl/workbook.xml inside)`, {
    hint: "Save it from the spreadsheet program as .xlsx or .csv",
  });
}
