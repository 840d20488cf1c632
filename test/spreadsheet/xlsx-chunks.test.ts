import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import { tempDir } from "./helpers.js";

// patches/exceljs+4.4.0.patch: parse-sax decoded each inflated chunk on its own, so a multi-byte
// character split between two chunks became U+FFFD (exceljs#2063/#2316). Without the patch this fails.
describe("exceljs chunk-boundary patch", () => {
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
});
