import { readFile, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { render } from "../../src/i18n/text.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import type { Cell, SheetRow } from "../../src/spreadsheet/types.js";
import { buildZip, collect, readParts, rezip, tempDir } from "./helpers.js";

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

// Every value shape a customer sheet can hold, one per column of row 1.
function fillShapes(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.values = [
    "Nguyễn Thị Hồng",
    { formula: "2*21", result: 42 },
    { formula: "A9-A9", result: 0 },
    { formula: 'A1&""', result: "KH001" },
    { formula: "NA()", result: { error: "#N/A" } },
    { formula: "SUM(Z1:Z9)" },
    { richText: [{ text: "Công ty " }, { font: { bold: true }, text: "Hòa Bình" }] },
    { text: "trang web", hyperlink: "https://finan.one" },
    { error: "#REF!" },
    day(2024, 2, 29),
    true,
    84912345678,
    123456789012,
    "00123",
    { formula: "1=1", result: true },
    { formula: 'A1&"&lt;"', result: "a &lt; b" },
    101234567,
  ] as ExcelJS.CellValue[];
  row.getCell(13).numFmt = "0.00E+00";
  row.getCell(17).numFmt = "0000000000";
  row.getCell(10).numFmt = "dd/mm/yyyy";
}

const SHAPES: (Cell | undefined)[] = [
  { kind: "text", text: "Nguyễn Thị Hồng" },
  { kind: "number", value: 42 },
  { kind: "number", value: 0 },
  { kind: "text", text: "KH001" },
  { kind: "error", error: "#N/A" },
  { kind: "formula-without-value", formula: "SUM(Z1:Z9)" },
  { kind: "text", text: "Công ty Hòa Bình" },
  { kind: "text", text: "trang web" },
  { kind: "error", error: "#REF!" },
  { kind: "date", value: day(2024, 2, 29) },
  { kind: "boolean", value: true },
  { kind: "number", value: 84912345678 },
  { kind: "number", value: 123456789012, scientific: true },
  { kind: "text", text: "00123" },
  { kind: "boolean", value: true },
  { kind: "text", text: "a &lt; b" },
  { kind: "text", text: "0101234567" },
];

async function readRows(file: string, sheet?: string): Promise<{ sheetName?: string; rows: SheetRow[] }> {
  const source = await openSheet(file, sheet === undefined ? {} : { sheet });
  return { sheetName: source.sheetName, rows: await collect(source) };
}

async function failure(file: string, sheet?: string): Promise<ToolError> {
  const error: unknown = await readRows(file, sheet).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  expect((error as ToolError).message).toContain(file);
  return error as ToolError;
}

/** A workbook written by exceljs's in-memory Workbook (like most generators), with hidden sheets first. */
async function writeWorkbook(file: string, date1904 = false): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  workbook.addWorksheet("Secret", { state: "hidden" }).getCell("A1").value = "hidden";
  workbook.addWorksheet("Lookup", { state: "veryHidden" }).getCell("A1").value = "very hidden";
  const data = workbook.addWorksheet("Khách hàng");
  fillShapes(data);
  data.getCell("A3").value = "after a blank row";
  data.getCell("A5").value = "merged";
  data.mergeCells("A5:C5");
  data.getCell("A7").value = { formula: "ROW()", result: 7, shareType: "shared", ref: "A7:A9" } as ExcelJS.CellValue; // types omit shareType
  data.getCell("A8").value = { sharedFormula: "A7", result: 8 };
  data.getCell("A9").value = { sharedFormula: "A7", result: 0 };
  data.getCell("B7").value = { formula: "DATE(2024,1,31)", result: day(2024, 1, 31) };
  data.getCell("B7").numFmt = "yyyy-mm-dd";
  workbook.addWorksheet("Notes").getCell("A1").value = "second visible";
  await workbook.xlsx.writeFile(file);
}

describe("readXlsx", () => {
  it("reads the first visible sheet, every cell shape, with Excel's row numbers", async () => {
    const file = join(await tempDir(), "customers.xlsx");
    await writeWorkbook(file);
    const { sheetName, rows } = await readRows(file);
    expect(sheetName).toBe("Khách hàng");
    expect(rows.map((row) => row.row)).toEqual([1, 3, 5, 7, 8, 9]);
    expect(rows[0]?.cells).toEqual(SHAPES);
    expect(rows[0]?.line).toBeUndefined();
    expect(rows[2]?.cells).toEqual([{ kind: "text", text: "merged" }]);
    expect(rows.slice(3).map((row) => row.cells)).toEqual([
      [{ kind: "number", value: 7 }, { kind: "date", value: day(2024, 1, 31) }],
      [{ kind: "number", value: 8 }],
      [{ kind: "number", value: 0 }],
    ]);
  });

  it.each([
    ["by its exact name", "Notes", "Notes"],
    ["ignoring case", "KHÁCH HÀNG", "Khách hàng"],
    ["even when hidden", "Secret", "Secret"],
  ])("reads --sheet %s", async (_name, wanted, expected) => {
    const file = join(await tempDir(), "customers.xlsx");
    await writeWorkbook(file);
    const { sheetName, rows } = await readRows(file, wanted);
    expect(sheetName).toBe(expected);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("lists the sheets when --sheet names none of them", async () => {
    const file = join(await tempDir(), "customers.xlsx");
    await writeWorkbook(file);
    const error = await failure(file, "Customers");
    expect(error.code).toBe("E_SHEET_NOT_FOUND");
    expect(error.message).toContain('no sheet named "Customers"');
    expect(error.message).toContain("Secret (hidden), Lookup (hidden), Khách hàng, Notes");
  });

  it("labels the hidden sheets in the language a message is shown in", async () => {
    const file = join(await tempDir(), "customers.xlsx");
    await writeWorkbook(file);
    const source = await openSheet(file);
    const labels = (lang: "en" | "vi") => (source.sheetLabels ?? []).map((label) => (typeof label === "string" ? label : render(lang, label)));
    expect(labels("vi")).toEqual(["Secret (đang ẩn)", "Lookup (đang ẩn)", "Khách hàng", "Notes"]);
    expect(labels("en")).toEqual(source.sheetNames);
  });

  it("says so when every sheet is hidden", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Only", { state: "hidden" }).getCell("A1").value = "x";
    const file = join(await tempDir(), "hidden.xlsx");
    await workbook.xlsx.writeFile(file);
    const error = await failure(file);
    expect(error.code).toBe("E_SHEET_NOT_FOUND");
    expect(error.message).toContain("no visible sheet");
    expect(error.hint).toContain("--sheet");
  });

  it.each([
    ["written with date1904=1", (xml: string) => xml],
    ["written with date1904=true (LibreOffice)", (xml: string) => xml.replace('date1904="1"', 'date1904="true"')],
  ])("reads dates of the 1904 date system, %s", async (_name, edit) => {
    const folder = await tempDir();
    await writeWorkbook(join(folder, "mac.xlsx"), true);
    const file = join(folder, "edited.xlsx");
    await rezip(join(folder, "mac.xlsx"), file, (part) =>
      part.name === "xl/workbook.xml" ? { ...part, data: Buffer.from(edit(part.data.toString("utf8"))) } : part,
    );
    expect((await readFile(file)).length).toBeGreaterThan(0);
    const { rows } = await readRows(file);
    expect(rows[0]?.cells[9]).toEqual({ kind: "date", value: day(2024, 2, 29) });
    expect(rows[3]?.cells[1]).toEqual({ kind: "date", value: day(2024, 1, 31) });
  });

  it("follows relationship targets written as absolute paths", async () => {
    const folder = await tempDir();
    await writeWorkbook(join(folder, "relative.xlsx"));
    const file = join(folder, "absolute.xlsx");
    await rezip(join(folder, "relative.xlsx"), file, (part) =>
      part.name === "xl/_rels/workbook.xml.rels" ? { ...part, data: Buffer.from(part.data.toString("utf8").replace(/Target="(?!\/)/g, 'Target="/xl/')) } : part,
    );
    const { sheetName, rows } = await readRows(file);
    expect(sheetName).toBe("Khách hàng");
    expect(rows[0]?.cells).toEqual(SHAPES);
  });

  it("reads a workbook written by exceljs's streaming writer, with and without shared strings", async () => {
    for (const useSharedStrings of [true, false]) {
      const file = join(await tempDir(), "streamed.xlsx");
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings });
      const sheet = workbook.addWorksheet("Data");
      fillShapes(sheet);
      sheet.getRow(1).commit();
      sheet.getRow(4).values = ["row four"];
      sheet.getRow(4).commit();
      sheet.commit();
      await workbook.commit();
      const { rows } = await readRows(file);
      expect(rows.map((row) => row.row)).toEqual([1, 4]);
      expect(rows[0]?.cells).toEqual(SHAPES);
    }
  });
});

describe("readXlsx on damaged and hostile files", () => {
  async function workbookFile(): Promise<string> {
    const file = join(await tempDir(), "customers.xlsx");
    await writeWorkbook(file);
    return file;
  }

  it("calls a truncated file damaged, at once", async () => {
    const file = await workbookFile();
    await truncate(file, Math.floor((await stat(file)).size / 2));
    const error = await failure(file);
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain("is damaged");
    expect(error.hint).toContain("save it again");
  });

  it("calls a file with corrupted sheet bytes damaged instead of reading garbage", async () => {
    const file = await workbookFile();
    const target = join(await tempDir(), "corrupt.xlsx");
    await rezip(file, target, (part) => part);
    const bytes = await readFile(target);
    const sheet = bytes.indexOf(Buffer.from("xl/worksheets/sheet3.xml")) + 40; // inside its compressed data
    for (let i = sheet; i < sheet + 24; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    await writeFile(target, bytes);
    const error = await failure(target);
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain("damaged");
  });

  async function withSheet(sheetXml: Buffer, declaredSize?: number): Promise<string> {
    const target = join(await tempDir(), "forged.xlsx");
    await rezip(await workbookFile(), target, (part) =>
      part.name === "xl/worksheets/sheet3.xml" ? { name: part.name, data: sheetXml, declaredSize } : part,
    );
    return target;
  }

  const sheetXml = (body: string): Buffer =>
    Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`);
  const bomb = (mebibytes: number): Buffer =>
    Buffer.concat([sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>'), Buffer.alloc(mebibytes * 1024 ** 2, 0x41), sheetXml("</t></is></c></row>")]);

  it("stops a zip bomb before inflating it", async () => {
    const file = await withSheet(bomb(24));
    const error = await failure(file);
    expect(error.code).toBe("E_FILE_TOO_LARGE");
    expect(error.message).toContain("zip bomb");
  });

  it("stops a part that inflates past the size its header declares", async () => {
    const file = await withSheet(bomb(8), 4096);
    const error = await failure(file);
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain("more than the size it declares");
  });

  it.each([
    ["a cell beyond column XFD", '<row r="1"><c r="XFE1"><v>1</v></c></row>', /beyond column XFD/],
    ["a row beyond Excel's last", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', /rows beyond 1,048,576/],
  ])("refuses %s as too large", async (_name, body, message) => {
    const error = await failure(await withSheet(sheetXml(body)));
    expect(error.code).toBe("E_FILE_TOO_LARGE");
    expect(error.message).toMatch(message);
  });

  it.each([
    ["a plain one", '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row><row r="2"><c r="A2"><c r="B2" t="s"><v>0</v></c><v>7</v></c></row>', "A2"],
    ["a formula's", '<row r="1"><c r="A1"><f>1+1</f><c r="B1"><v>2</v></c><v>2</v></c></row>', "A1"],
  ])("calls a sheet with a cell inside a cell (%s) damaged, naming the outer cell, instead of losing its value", async (_name, body, outer) => {
    const error = await failure(await withSheet(sheetXml(body)));
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain(`is damaged: sheet "Khách hàng" cannot be read (cell ${outer} holds another cell inside it`);
  });

  it("reads a zip whose parts carry no compression", async () => {
    const source = await workbookFile();
    const target = join(await tempDir(), "stored.xlsx");
    await writeFile(target, buildZip((await readParts(source)).map((part) => ({ ...part, store: true }))));
    expect((await readRows(target)).rows[0]?.cells).toEqual(SHAPES);
  });
});
