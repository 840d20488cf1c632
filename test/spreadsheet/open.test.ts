import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import type { ErrorCode } from "../../src/errors.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { buildZip, tempDir, tempFile } from "./helpers.js";

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
const ODS = buildZip([
  { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), store: true },
  { name: "content.xml", data: Buffer.from("<office:document-content/>") },
]);
const NUMBERS = buildZip([{ name: "Index/Document.iwa", data: Buffer.from([1, 2, 3]) }]);

async function openError(file: string): Promise<ToolError> {
  const error: unknown = await openSheet(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  expect((error as ToolError).message).toContain(file);
  return error as ToolError;
}

describe("openSheet", () => {
  it("says a missing file does not exist", async () => {
    const error = await openError(join(await tempDir(), "khach-hang.xlsx"));
    expect(error.code).toBe("E_FILE_NOT_FOUND");
  });

  it("says a 0-byte file is empty", async () => {
    const error = await openError(await tempFile("empty.csv", ""));
    expect(error.code).toBe("E_FILE_EMPTY");
  });

  it("says a folder cannot be read", async () => {
    const folder = join(await tempDir(), "folder.csv");
    await mkdir(folder);
    expect((await openError(folder)).code).toBe("E_FILE_UNREADABLE");
  });

  it.each<[string, string, Uint8Array, ErrorCode, RegExp]>([
    ["CSV text renamed .xlsx", "list.xlsx", Buffer.from("Mã,Tên\nKH1,An\n"), "E_FILE_FORMAT", /is not an Excel \.xlsx file \(it looks like CSV text\): rename it to \.csv/],
    ["an old .xls workbook", "list.xls", OLE, "E_FILE_FORMAT", /Excel 97-2003 workbook/],
    ["an .xls renamed .xlsx (or a password-protected .xlsx)", "list.xlsx", OLE, "E_FILE_FORMAT", /\(\.xls\) workbook or a password-protected one/],
    ["an .xlsx renamed .csv", "list.csv", ODS, "E_FILE_FORMAT", /zip file \(probably an Excel \.xlsx workbook\)/],
    ["an .xls renamed .csv", "list.csv", OLE, "E_FILE_FORMAT", /Excel 97-2003 \(\.xls\) workbook, not \.csv text/],
    ["an .xlsx renamed .xls", "list.xls", ODS, "E_FILE_FORMAT", /named \.xls but is an \.xlsx workbook/],
    ["an OpenDocument file", "list.ods", ODS, "E_FILE_FORMAT", /OpenDocument spreadsheet/],
    ["an OpenDocument file renamed .xlsx", "list.xlsx", ODS, "E_FILE_FORMAT", /OpenDocument spreadsheet \(\.ods\), not an Excel \.xlsx/],
    ["an Apple Numbers file", "list.numbers", NUMBERS, "E_FILE_FORMAT", /Apple Numbers file/],
    ["an Apple Numbers file renamed .xlsx", "list.xlsx", NUMBERS, "E_FILE_FORMAT", /Apple Numbers file/],
    ["a binary file named .xlsx", "list.xlsx", Buffer.from([0, 1, 2, 3, 0, 0, 9]), "E_FILE_FORMAT", /first bytes are not a zip/],
    ["an unknown extension", "list.pdf", Buffer.from("%PDF-1.7"), "E_FILE_FORMAT", /unsupported file type "\.pdf"/],
  ])("refuses %s clearly", async (_name, fileName, bytes, code, message) => {
    const error = await openError(await tempFile(fileName, bytes));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it.each(["list.xls", "list.ods", "list.numbers"])("tells the user to save %s as .xlsx or .csv", async (fileName) => {
    const error = await openError(await tempFile(fileName, fileName.endsWith(".xls") ? OLE : ODS));
    expect(error.hint).toMatch(/save it as \.xlsx .* or \.csv/);
  });

  it.each([".csv", ".tsv", ".txt", ".CSV"])("reads %s files as delimited text", async (extension) => {
    const source = await openSheet(await tempFile(`list${extension}`, "a\tb\n1\t2\n"));
    expect(source.format).toBe("csv");
    expect(source.delimiter).toBe("\t");
  });
});
