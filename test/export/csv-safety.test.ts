import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellToText } from "../../src/customers/cell-text.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { personal } from "../helpers/sandbox.js";
import { harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

// [what, value on the server, the cell exactly as the CSV holds it]
const CELLS: [string, string, string][] = [
  ["a HYPERLINK formula", '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ["a sum", "=1+1", "'=1+1"],
  ["a phone with +84", "+84 933 456 789", "'+84 933 456 789"],
  ["a negative-looking code", "-5", "'-5"],
  ["an @ function", "@SUM(A1)", "'@SUM(A1)"],
  ["a leading tab", "\t=1+1", "'\t=1+1"],
  ["a leading CR", "\r=1+1", `"'\r=1+1"`],
  ["an apostrophe already before =", "'=1+1", "''=1+1"],
  ["an apostrophe before a letter", "'quoted", "'quoted"],
  ["a phone with a leading zero", "0933456789", "0933456789"],
  ["quotes, a comma and a line break", 'Công ty "Ánh Dương", chi nhánh\nHà Nội', `"Công ty ""Ánh Dương"", chi nhánh\nHà Nội"`],
  // A spreadsheet that trims cells on import would run it; the apostrophe also keeps the spaces.
  ["leading spaces before =", "  =1+1", "'  =1+1"],
];

const code = (row: number) => `T${String(row).padStart(2, "0")}`;

let h: Harness;
let withBom: string;
let withoutBom: Buffer;

beforeAll(async () => {
  h = await harness();
  // T01…T12: the export sorts by code, so these stay in the table's order
  h.seed(CELLS.map(([, value], index) => personal(code(index + 1), { custom_tag: value })));
  const columns = ["--columns", "Customer code,Tag", "--rate", "0"];
  expect((await h.run(["export", "safe.csv", ...columns])).code).toBe(0);
  expect((await h.run(["export", "nobom.csv", "--no-bom", ...columns])).code).toBe(0);
  withBom = await readFile(join(h.dir, "safe.csv"), "utf8");
  withoutBom = await readFile(join(h.dir, "nobom.csv"));
});

afterAll(async () => {
  await h.close();
});

describe("export to CSV", () => {
  it.each(CELLS.map(([what, value, raw], index) => [what, index + 1, value, raw] as const))(
    "neutralises %s so no spreadsheet runs it (row T%i)",
    (_what, row, _value, raw) => {
      expect(withBom).toContain(`\r\n${code(row)},${raw}\r\n`);
    },
  );

  it.each(CELLS.map(([what, value], index) => [what, index + 1, value] as const))(
    "gives %s back unchanged to our own importer (row T%i)",
    async (_what, row, value) => {
      const source = await openSheet(join(h.dir, "safe.csv"));
      for await (const sheetRow of source.rows) {
        if (sheetRow.row !== row + 1) continue;
        expect(cellToText(sheetRow.cells[1], "general_info.custom_tag")).toEqual({ value });
        return;
      }
      throw new Error(`row T${row} not found`);
    },
  );

  it("starts with a UTF-8 BOM by default and without one with --no-bom", () => {
    expect(withBom.startsWith("\uFEFFCustomer code,Tag\r\n")).toBe(true);
    expect(withoutBom.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(withoutBom.toString("utf8").startsWith("Customer code,Tag\r\n")).toBe(true);
  });
});
