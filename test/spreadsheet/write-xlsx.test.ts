import { join } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import type { CellMark } from "../../src/spreadsheet/types.js";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import { createXlsxWriter } from "../../src/spreadsheet/write-xlsx.js";
import { collect, readParts, tempDir, texts } from "./helpers.js";

const COLUMNS = ["Mã khách hàng", "Loại khách hàng", "Số tài khoản", "Ghi chú"];
const ROWS = [
  ["00123", "Cá nhân", "012345678901234567", "=1+1"],
  ["KH002", "Công ty", "+84 933 456 789", "a &lt; b &amp; c, <tag> \"quoted\""],
  ["KH003", "", "1.5E+10", "x".repeat(200)],
];

// exceljs's in-memory reader expands a column-wide dropdown cell by cell (seconds): only when asked.
async function writeReport(file: string, marks: CellMark[][] = [], withDropdown = false): Promise<void> {
  const writer = await createSheetWriter(file, {
    columns: COLUMNS,
    sheetName: "Kết quả",
    dropdowns: withDropdown ? { 1: ["Cá nhân", "Công ty"] } : undefined,
    extraSheets: [{ name: "Hướng dẫn", rows: [["Cột", "Ý nghĩa"], ["Mã khách hàng", "bắt buộc"]] }],
  });
  for (const [index, row] of ROWS.entries()) await writer.write(row, marks[index]);
  await writer.close();
}

describe("XLSX writer", () => {
  it("round-trips every value as text: leading zeros, long digits, formulas never evaluated", async () => {
    const file = join(await tempDir(), "report.xlsx");
    await writeReport(file, [], true);
    const source = await openSheet(file);
    expect(source.sheetName).toBe("Kết quả");
    const rows = await collect(source);
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(rows.flatMap((row) => row.cells).every((cell) => cell === undefined || cell.kind === "text")).toBe(true);
    expect(texts(rows)).toEqual([COLUMNS, ...ROWS.map((row) => row.map((value) => (value === "" ? undefined : value)))]);
    const sheetXml = (await readParts(file)).find((part) => part.name === "xl/worksheets/sheet1.xml")?.data.toString("utf8") ?? "";
    expect(sheetXml).not.toContain("<f>");
    expect(sheetXml).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning" sqref="B2:B1048576"><formula1>&quot;Cá nhân,Công ty&quot;<\/formula1>/);
  });

  it("formats for people: bold frozen header, autofilter, text columns, widths, extra sheets", async () => {
    const file = join(await tempDir(), "report.xlsx");
    await writeReport(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Kết quả", "Hướng dẫn"]);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:D1");
    expect(sheet.getCell("A2").numFmt).toBe("@");
    expect(sheet.getColumn(1).numFmt).toBe("@");
    expect(sheet.getColumn(1).width).toBe("Mã khách hàng".length + 2);
    expect(sheet.getColumn(3).width).toBe("012345678901234567".length + 2);
    expect(sheet.getColumn(4).width).toBe(60);
    expect((workbook.worksheets[1] as ExcelJS.Worksheet).getCell("B2").value).toBe("bắt buộc");
  });

  it("colours marked cells and attaches the message as a note", async () => {
    const file = join(await tempDir(), "report.xlsx");
    await writeReport(file, [
      [{ column: 2, severity: "error", note: "Số tài khoản bị mất chữ số" }],
      [{ column: 0, severity: "warning", note: "thêm số 0 đầu" }, { column: 3, severity: "error", note: "sai" }],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const fill = (address: string) => (sheet.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("C2")).toBe("FFFFC7CE");
    expect(fill("A3")).toBe("FFFFEB9C");
    expect(fill("D3")).toBe("FFFFC7CE");
    expect(fill("A2")).toBeUndefined();
    const note = (address: string) => JSON.stringify(sheet.getCell(address).note);
    expect(note("C2")).toContain("Số tài khoản bị mất chữ số");
    expect(note("A3")).toContain("thêm số 0 đầu");
  });

  it("sizes columns from the first rows yet streams the rest (rows past the sample keep their marks)", async () => {
    const file = join(await tempDir(), "big.xlsx");
    const writer = await createSheetWriter(file, { columns: ["Mã", "Tên"] });
    for (let i = 0; i < 1000; i++) await writer.write([`KH${i}`, `Khách ${i}`], i === 999 ? [{ column: 1, severity: "error", note: "last" }] : undefined);
    await writer.close();
    const rows = await collect(await openSheet(file));
    expect(rows).toHaveLength(1001);
    expect(rows.at(-1)).toEqual({ row: 1001, cells: [{ kind: "text", text: "KH999" }, { kind: "text", text: "Khách 999" }] });
  });

  it("writes a file the streaming reader reads 50 times in a row", async () => {
    const file = join(await tempDir(), "again.xlsx");
    const writer = await createSheetWriter(file, { columns: COLUMNS });
    for (let i = 0; i < 300; i++) await writer.write([`KH${i}`, "Cá nhân", `0${i}`, `Phường Bến Nghé ${i}`]);
    await writer.close();
    for (let round = 0; round < 50; round++) {
      const rows = await collect(await openSheet(file));
      expect(rows).toHaveLength(301);
      expect(rows[300]?.cells[3]).toEqual({ kind: "text", text: "Phường Bến Nghé 299" });
    }
  });

  it("compresses rows as they arrive, not all at the end: a big export's sheet never piles up in memory", async () => {
    let received = 0;
    const output = new Writable({ write: (chunk: Buffer, _encoding, done) => ((received += chunk.length), done()) });
    const columns = Array.from({ length: 30 }, (_, index) => `Cột ${index + 1}`);
    const writer = createXlsxWriter(output, { columns });
    // distinct Vietnamese text per cell, about 1.5 KB of sheet XML a row, as an export's rows are
    for (let row = 1; row <= 2_000; row++) await writer.write(columns.map((_, column) => `Nguyễn Thị Ánh ${row * 31 + column}`));
    const beforeClose = received;
    await writer.close();
    // without back-pressure the rows waited uncompressed in exceljs's zip entry and reached the file only at close
    expect(beforeClose).toBeGreaterThan(0.75 * received);
  });
});
