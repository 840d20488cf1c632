import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import { StringStore } from "../../src/spreadsheet/string-store.js";
import { sheetRows } from "../../src/spreadsheet/xlsx-sheet.js";
import type { SheetRow } from "../../src/spreadsheet/types.js";
import { tempDir } from "./helpers.js";

// A multi-byte character split between two inflated chunks must not become U+FFFD (exceljs#2063,
// which finan-bulk once patched exceljs for): our reader decodes UTF-8 across chunks, unpatched.
describe("Vietnamese text split across zip and XML chunks", () => {
  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("reads back 10,000 unique Vietnamese rows (%s) without a replacement character", async (_name, useSharedStrings) => {
    const file = join(await tempDir(), "vietnamese.xlsx");
    const text = (index: number) => `Nguyễn Thị Hồng Nhung ${index}, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh — Đặng Ứng Ưng Ỷ`;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
    const sheet = workbook.addWorksheet("Khách hàng");
    for (let index = 0; index < 10_000; index++) sheet.addRow([`KH${index}`, text(index)]).commit();
    sheet.commit();
    await workbook.commit();

    let count = 0;
    const broken: string[] = [];
    for await (const row of (await openSheet(file)).rows) {
      const cell = row.cells[1];
      const value = cell?.kind === "text" ? cell.text : "";
      if (value !== text(row.row - 1)) broken.push(value);
      count++;
    }
    expect(count).toBe(10_000);
    expect(broken.slice(0, 3)).toEqual([]);
  });

  it("reads every cell intact when the sheet XML arrives one byte at a time", async () => {
    const xml = Buffer.from(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
        '<c r="A1" t="inlineStr"><is><t>Đặng Ứng</t><r><t xml:space="preserve"> Ưng Ỷ 🌸</t></r></is></c>' +
        '<c r="B1" t="str"><f>"Hồ"&amp;"Chí"</f><v>HồChí</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    );
    const strings = new StringStore();
    strings.add("Phường Bến Nghé");
    async function* bytes(): AsyncGenerator<Buffer> {
      for (let at = 0; at < xml.length; at++) yield xml.subarray(at, at + 1);
    }
    const rows: SheetRow[] = [];
    for await (const row of sheetRows(bytes, { file: "x.xlsx", sheet: "S", date1904: false, numberFormats: [], sharedStrings: strings })) rows.push(row);
    expect(rows).toEqual([{ row: 1, cells: [{ kind: "text", text: "Đặng Ứng Ưng Ỷ 🌸" }, { kind: "text", text: "HồChí" }, { kind: "text", text: "Phường Bến Nghé" }] }]);
  });
});

describe("StringStore", () => {
  it("gives back each of 100,000 strings of any script exactly, and nothing past the last", () => {
    const store = new StringStore();
    const text = (index: number) => (index % 3 === 0 ? "" : `${index % 2 ? "Nguyễn Thị" : "KH"}-${index}${"🌸".repeat(index % 5)}`);
    for (let index = 0; index < 100_000; index++) store.add(text(index));
    expect(store.count).toBe(100_000);
    const wrong = [];
    for (let index = 0; index < 100_000; index++) if (store.get(index) !== text(index)) wrong.push(index);
    expect(wrong).toEqual([]);
    expect([store.get(100_000), store.get(-1), store.get(1.5)]).toEqual([undefined, undefined, undefined]);
  });

  it("builds a string from runs given as text and as UTF-8 bytes", () => {
    const store = new StringStore();
    store.add("KH1");
    store.append("Công ty ");
    const bytes = Buffer.from("<t>Hòa Bình</t>");
    store.appendBytes(bytes, 3, bytes.length - 4);
    store.end();
    expect([store.count, store.get(0), store.get(1)]).toEqual([2, "KH1", "Công ty Hòa Bình"]);
  });

  it("holds 10 MB of strings in their bytes and at most a MiB besides, a rich text built across slabs whole", () => {
    const store = new StringStore();
    let bytes = 0;
    for (let index = 0; index < 100_000; index++) {
      const run = `Công ty TNHH Thương mại ${index} `.repeat(3);
      // every string of three runs, so many end in a slab other than the one they began in
      for (let part = 0; part < 3; part++) store.append(run);
      store.end();
      bytes += Buffer.byteLength(run) * 3;
    }
    expect(bytes).toBeGreaterThan(10_000_000);
    expect(store.capacity).toBeLessThanOrEqual(bytes + 1024 * 1024);
    const wrong = [];
    for (let index = 0; index < 100_000; index++) if (store.get(index) !== `Công ty TNHH Thương mại ${index} `.repeat(9)) wrong.push(index);
    expect(wrong).toEqual([]);
  });
});
