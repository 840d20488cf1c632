import { text } from "node:stream/consumers";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import type { Cell } from "../../src/spreadsheet/types.js";
import { openZipEntry, readZipDirectory } from "../../src/spreadsheet/zip.js";
import { harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

const TRICKY: CustomerPayload = {
  general_info: {
    name: "Công ty TNHH \"Ánh Dương\"\nChi nhánh Hà Nội",
    customer_code: "007",
    type: "company",
    phone_code: "+84",
    phone: "0933456789",
    tax_id: "0312345678",
    custom_tag: "=1+1",
    contact_persons: [{ name: "Trần Thị Đào", phone_number: "+84 933 456 789" }],
  },
  address: { zip_code: "00700", address: "-5 Lê Lợi" },
  bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "0123456789012345" }],
};

let h: Harness;
let file: string;

beforeAll(async () => {
  h = await harness();
  h.seed([TRICKY, ...Array.from({ length: 300 }, (_, i) => ({ general_info: { name: `Khách ${i}`, customer_code: `K${i}`, type: "personal" as const, phone: `0${i}` } }))]);
  expect((await h.run(["export", "all.xlsx", "--rate", "0", "--concurrency", "8"])).code).toBe(0);
  file = join(h.dir, "all.xlsx");
});

afterAll(async () => {
  await h.close();
});

async function readAll(path: string): Promise<{ header: string[]; rows: (Cell | undefined)[][] }> {
  const source = await openSheet(path);
  const rows: (Cell | undefined)[][] = [];
  for await (const row of source.rows) rows.push(row.cells);
  const [header = [], ...data] = rows;
  return { header: header.map((cell) => (cell?.kind === "text" ? cell.text : "")), rows: data };
}

describe("export to XLSX", () => {
  it("reads back through our reader with every value unchanged, as text", async () => {
    const { header, rows } = await readAll(file);
    expect(rows).toHaveLength(301);
    const first = rows[0] ?? [];
    const value = (name: string) => first[header.indexOf(name)];
    expect(value("Customer code")).toEqual({ kind: "text", text: "007" });
    expect(value("Name")).toEqual({ kind: "text", text: "Công ty TNHH \"Ánh Dương\"\nChi nhánh Hà Nội" });
    expect(value("Tax ID")).toEqual({ kind: "text", text: "0312345678" });
    // No apostrophe in XLSX: a text cell is never evaluated.
    expect(value("Tag")).toEqual({ kind: "text", text: "=1+1" });
    expect(value("Street address")).toEqual({ kind: "text", text: "-5 Lê Lợi" });
    expect(value("Zip code")).toEqual({ kind: "text", text: "00700" });
    expect(value("Contact 1 phone")).toEqual({ kind: "text", text: "+84 933 456 789" });
    expect(value("Bank 1 account number")).toEqual({ kind: "text", text: "0123456789012345" });
    const kinds = new Set(rows.flat().filter((cell) => cell !== undefined).map((cell) => cell.kind));
    expect([...kinds]).toEqual(["text"]);
  });

  it("types every cell as text, with a bold frozen header and an autofilter", async () => {
    const parts = await readZipDirectory(file);
    const entry = parts.get("xl/worksheets/sheet1.xml");
    if (!entry) throw new Error("no sheet1.xml");
    const xml = await text(await openZipEntry(file, entry, 64 * 1024 ** 2, "sheet"));
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+1"\/>/);
    expect(xml).not.toContain("<f>");
    // every cell with a value is a string cell (t="str" or an inline string), never a number
    const cells = xml.match(/<c [^>]*>/g) ?? [];
    expect(cells.length).toBeGreaterThan(300);
    for (const cell of cells) expect(cell).toMatch(/ t="(str|inlineStr|s)"/);
    // column widths are set from the content
    expect(xml).toMatch(/<col [^>]*width="\d+/);
    const styles = await text(await openZipEntry(file, parts.get("xl/styles.xml") ?? entry, 16 * 1024 ** 2, "styles"));
    const headerStyle = Number(/<c r="A1" s="(\d+)"/.exec(xml)?.[1]);
    const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1]?.match(/<xf [^>]*>/g) ?? [];
    const fontId = Number(/fontId="(\d+)"/.exec(xfs[headerStyle] ?? "")?.[1]);
    const fonts = /<fonts[^>]*>(.*?)<\/fonts>/s.exec(styles)?.[1]?.match(/<font>.*?<\/font>|<font\/>/gs) ?? [];
    expect(fonts[fontId]).toContain("<b/>");
  });

  it("reads back through our streaming reader 50 times in a row without a failure", async () => {
    for (let attempt = 1; attempt <= 50; attempt += 1) {
      const { rows } = await readAll(file);
      expect(rows, `read ${attempt}`).toHaveLength(301);
    }
  });

  it("reads back at once after each of several fresh exports", async () => {
    // The exceljs race bites on a file read right after it was written: write, read, repeat.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const name = `again-${attempt}.xlsx`;
      expect((await h.run(["export", name, "--rate", "0", "--concurrency", "8"])).code).toBe(0);
      expect((await readAll(join(h.dir, name))).rows).toHaveLength(301);
    }
  });
});
