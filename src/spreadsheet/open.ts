// Open any supported spreadsheet: the reader is chosen by extension and checked against the bytes.
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { ToolError } from "../errors.js";
import { fileProblem } from "../file-errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { HEAD_BYTES } from "./limits.js";
import { readCsv } from "./read-csv.js";
import type { ReadOptions, SheetSource } from "./types.js";

const DELIMITED = new Set([".csv", ".tsv", ".txt"]);
const SAVE_AS = msg("sheet.saveAs");

type Magic = "zip" | "ole" | "text" | "binary";

/**
 * Open a .csv/.tsv/.txt or .xlsx file as a SheetSource. Missing, empty, mislabelled and unsupported
 * files (.xls, .ods, .numbers) stop here with a ToolError naming the file and what to do.
 */
export async function openSheet(file: string, options: ReadOptions = {}): Promise<SheetSource> {
  const head = await readHead(file);
  const extension = extname(file).toLowerCase();
  const magic = sniff(head);
  if (DELIMITED.has(extension)) {
    if (magic === "zip") {
      throw formatError(msg("sheet.zipNotText", { file, extension }), msg("sheet.renameToXlsxIfExcel"));
    }
    if (magic === "ole") throw formatError(msg("sheet.xlsNotText", { file, extension }), SAVE_AS);
    // a .tsv is tab-separated by name: a single column of "Nguyễn, Văn" must not be split at commas
    return readCsv(file, head, extension === ".tsv" && options.delimiter === undefined ? { ...options, delimiter: "\t" } : options);
  }
  if (extension === ".xlsx") {
    // loaded only for a workbook: the XLSX reader (saxes) is not needed by a CSV run
    if (magic === "zip") return (await import("./read-xlsx.js")).readXlsx(file, options);
    if (magic === "ole") {
      throw formatError(msg("sheet.oleNotXlsx", { file }), msg("sheet.removePasswordThenSaveAs"));
    }
    if (magic === "text") throw formatError(msg("sheet.csvNamedXlsx", { file }), msg("sheet.renameToCsv"));
    throw formatError(msg("sheet.notZipXlsx", { file }), SAVE_AS);
  }
  if (extension === ".xls" && magic === "zip") {
    throw formatError(msg("sheet.xlsxNamedXls", { file }), msg("sheet.renameToXlsx"));
  }
  const kind = UNSUPPORTED[extension];
  if (kind !== undefined) throw formatError(msg("sheet.unsupportedKind", { file, kind }), SAVE_AS);
  throw formatError(msg("sheet.unsupportedType", { file, extension: extension || msg("sheet.noExtension") }), msg("sheet.useSupportedType"));
}

const UNSUPPORTED: Record<string, Message> = {
  ".xls": msg("sheet.kind.xls"),
  ".xlsm": msg("sheet.kind.xlsm"),
  ".xlsb": msg("sheet.kind.xlsb"),
  ".ods": msg("sheet.kind.ods"),
  ".numbers": msg("sheet.kind.numbers"),
};

async function readHead(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    if (size === 0) throw new ToolError("E_FILE_EMPTY", msg("files.empty", { file }), { hint: msg("files.emptyHint") });
    const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new ToolError("E_FILE_NOT_FOUND", msg("files.notFound", { file }), { cause: error, hint: msg("files.notFoundHint") });
    }
    throw new ToolError("E_FILE_UNREADABLE", msg("files.unreadable", { file, problem: fileProblem(error) }), { cause: error, hint: msg("files.unreadableHint") });
  } finally {
    await handle?.close();
  }
}

function sniff(head: Uint8Array): Magic {
  const starts = (bytes: number[]): boolean => bytes.every((byte, index) => head[index] === byte);
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (starts([0xff, 0xfe]) || starts([0xfe, 0xff]) || starts([0xef, 0xbb, 0xbf])) return "text";
  return head.subarray(0, 1024).includes(0) ? "binary" : "text";
}

function formatError(message: Message, hint: Message): ToolError {
  return new ToolError("E_FILE_FORMAT", message, { hint });
}
