// Open any supported spreadsheet: the reader is chosen by extension and checked against the bytes.
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { ToolError } from "../errors.js";
import { HEAD_BYTES } from "./limits.js";
import { readCsv } from "./read-csv.js";
import type { ReadOptions, SheetSource } from "./types.js";

const DELIMITED = new Set([".csv", ".tsv", ".txt"]);
const SAVE_AS = "Open it in the spreadsheet program and save it as .xlsx (Excel Workbook) or .csv (CSV UTF-8)";

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
      throw formatError(`${file} is a zip file (probably an Excel .xlsx workbook), not ${extension} text`, "If it is an Excel workbook, rename it to .xlsx");
    }
    if (magic === "ole") throw formatError(`${file} is an Excel 97-2003 (.xls) workbook, not ${extension} text`, SAVE_AS);
    // a .tsv is tab-separated by name: a single column of "Nguyễn, Văn" must not be split at commas
    return readCsv(file, head, extension === ".tsv" && options.delimiter === undefined ? { ...options, delimiter: "\t" } : options);
  }
  if (extension === ".xlsx") {
    // loaded only for a workbook: the XLSX reader (saxes) is not needed by a CSV run
    if (magic === "zip") return (await import("./read-xlsx.js")).readXlsx(file, options);
    if (magic === "ole") {
      throw formatError(`${file} is not an Excel .xlsx file: it is an Excel 97-2003 (.xls) workbook or a password-protected one`, `Remove any password, then ${lower(SAVE_AS)}`);
    }
    if (magic === "text") throw formatError(`${file} is not an Excel .xlsx file (it looks like CSV text): rename it to .csv`, "Rename the file to .csv and run again");
    throw formatError(`${file} is not an Excel .xlsx file (its first bytes are not a zip)`, SAVE_AS);
  }
  if (extension === ".xls" && magic === "zip") {
    throw formatError(`${file} is named .xls but is an .xlsx workbook inside`, "Rename it to .xlsx and run again");
  }
  const kind = UNSUPPORTED[extension];
  if (kind !== undefined) throw formatError(`${file} is ${kind}, which finan-bulk does not read`, SAVE_AS);
  throw formatError(`${file}: unsupported file type "${extension || "(no extension)"}"`, "Use an .xlsx, .csv, .tsv or .txt file");
}

const UNSUPPORTED: Record<string, string> = {
  ".xls": "an Excel 97-2003 workbook (.xls)",
  ".xlsm": "a macro-enabled Excel workbook (.xlsm)",
  ".xlsb": "a binary Excel workbook (.xlsb)",
  ".ods": "an OpenDocument spreadsheet (.ods)",
  ".numbers": "an Apple Numbers file",
};

async function readHead(file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    if (size === 0) throw new ToolError("E_FILE_EMPTY", `${file} is empty (0 bytes)`, { hint: "Check that the right file was given and that it was saved" });
    const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new ToolError("E_FILE_NOT_FOUND", `${file} does not exist`, { cause: error, hint: "Check the path and the file name" });
    }
    const why = code === "EISDIR" ? "it is a folder" : code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
    throw new ToolError("E_FILE_UNREADABLE", `${file} cannot be read: ${why}`, { cause: error, hint: "Give a readable file" });
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

function formatError(message: string, hint: string): ToolError {
  return new ToolError("E_FILE_FORMAT", message, { hint });
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
