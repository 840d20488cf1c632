import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import { decodeXlsxText, encodeXlsxText } from "../../src/spreadsheet/xlsx-text.js";
import { tempDir } from "./helpers.js";

const cases = [
  ["a CRLF line break", "Kiốt 7\r\nChợ Bến Thành"],
  ["a lone CR", "dòng 1\rdòng 2"],
  ["LF and tab", "a\nb\tc"],
  ["a control character", "mã\u0001lạ"],
  ["text that looks like an escape", "_x000D_ and _x005F_"],
  ["two escape-like runs sharing an underscore", "_x0041_x0042_"],
  ["escape-like text closed by an escaped character", "SKU_x0041\u0001"],
  ["plain Vietnamese", "Nguyễn Thị Hồng"],
] as const;

describe("encodeXlsxText / decodeXlsxText", () => {
  it.each(cases)("round-trips %s", (_name, text) => {
    expect(decodeXlsxText(encodeXlsxText(text))).toBe(text);
  });

  it("writes a CR the way Excel does", () => {
    expect(encodeXlsxText("a\r\nb")).toBe("a_x000D_\nb");
  });

  it("reads Excel's escapes", () => {
    expect(decodeXlsxText("a_x000D_\nb_x005F_x0041_")).toBe("a\r\nb_x0041_");
  });

  it("reads LibreOffice's _x005F_x000D_ before a line feed (its save of our older _x000D_) as the CR it was", () => {
    expect(decodeXlsxText("12 Lê Lợi_x005F_x000D_\nPhường")).toBe("12 Lê Lợi\r\nPhường");
    expect(decodeXlsxText("_x005F_x000D_ typed")).toBe("_x000D_ typed");
  });

  // Line breaks are written as Excel writes them (LF, in a wrapped cell): CRLF and CR read back as LF.
  it.each(cases)("keeps %s through our XLSX writer and reader", async (_name, text) => {
    const file = join(await tempDir(), "t.xlsx");
    const writer = await createSheetWriter(file, { columns: ["Địa chỉ"] });
    await writer.write([text]);
    await writer.close();
    const rows = [];
    for await (const row of (await openSheet(file)).rows) rows.push(row);
    expect(rows[1]?.cells[0]).toEqual({ kind: "text", text: text.normalize("NFC").replace(/\r\n?/g, "\n") });
  });
});
