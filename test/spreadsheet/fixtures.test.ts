import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import { collect } from "./helpers.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const text = (value: string) => ({ kind: "text", text: value });

describe("files written by other spreadsheet software", () => {
  it("reads LibreOffice's XLSX cell for cell as hand-checked", async () => {
    const source = await openSheet(fixture("libreoffice-vietnamese.xlsx"));
    expect(source.sheetName).toBe("libreoffice-vietnamese");
    const rows = await collect(source);
    expect(rows).toEqual([
      { row: 1, cells: [text("Mã khách hàng"), text("Tên khách hàng"), text("Số điện thoại"), text("Số lượng"), text("Ghi chú")] },
      { row: 2, cells: [text("00123"), text("Nguyễn Thị Hồng Nhung"), text("0912345678"), { kind: "number", value: 42 }, text("Phường Bến Nghé")] },
      { row: 3, cells: [text(" KH002"), text("Công ty TNHH Đại Phước"), text("+84 933 456 789"), { kind: "number", value: 1234.5 }, text("=1+1")] },
    ]);
  });

  it("reads the CSV it came from to the same text", async () => {
    const rows = await collect(await openSheet(fixture("libreoffice-vietnamese.csv")));
    expect(rows.map((row) => row.cells.map((cell) => (cell?.kind === "text" ? cell.text : undefined)))).toEqual([
      ["Mã khách hàng", "Tên khách hàng", "Số điện thoại", "Số lượng", "Ghi chú"],
      ["00123", "Nguyễn Thị Hồng Nhung", "0912345678", "42", "Phường Bến Nghé"],
      [" KH002", "Công ty TNHH Đại Phước", "+84 933 456 789", "1234.5", "=1+1"],
    ]);
  });
});
