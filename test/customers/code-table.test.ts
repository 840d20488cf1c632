// The compact code table: what a Map<string, number> would answer, through growth, collisions, deletes and any text.
import { describe, expect, it } from "vitest";
import { CodeTable } from "../../src/customers/code-table.js";

describe("CodeTable", () => {
  it("answers every key set, through many growths, as a Map would", () => {
    const table = new CodeTable();
    const expected = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `KH${(i * 7919) % 100_000}`;
      table.set(key, i);
      expected.set(key, i);
    }
    expect(table.size).toBe(expected.size);
    for (const [key, value] of expected) expect(table.get(key)).toBe(value);
    expect(table.get("KH100000")).toBeUndefined();
  });

  it("tells apart keys that differ only in case, spaces, length or one character past Latin-1", () => {
    const table = new CodeTable();
    const keys = ["KH001", "kh001", "KH001 ", "KH00", "KH0010", "", "Khách-1", "Kh\u1EA1ch-1", "Kh\u00E0ch-1", "KH\u0000"];
    keys.forEach((key, value) => table.set(key, value));
    keys.forEach((key, value) => expect(table.get(key)).toBe(value));
    expect(table.get("KH001\u0000")).toBeUndefined();
  });

  it("keeps colliding keys apart: every key in a table of one probe chain still finds its own value", () => {
    // 600 keys in a table of 1024 to 2048 slots: many share a start slot and walk past each other
    const table = new CodeTable();
    for (let i = 0; i < 600; i++) table.set(`C${i}`, i * 2);
    for (let i = 0; i < 600; i++) expect(table.get(`C${i}`)).toBe(i * 2);
  });

  it("replaces a key's value, forgets a deleted key, and takes it back when set again", () => {
    const table = new CodeTable();
    table.set("KH1", 1);
    table.set("KH1", 2);
    expect(table.get("KH1")).toBe(2);
    table.delete("KH1");
    table.delete("KH1");
    table.delete("KH9");
    expect(table.get("KH1")).toBeUndefined();
    expect(table.size).toBe(0);
    table.set("KH1", 3);
    expect(table.get("KH1")).toBe(3);
    expect(table.size).toBe(1);
  });

  it("stores text in its arena and gives it back, wide characters and long text (every byte of the length) included", () => {
    const table = new CodeTable();
    // a lower-case UUID is packed in 16 bytes; others (upper case, one digit short) as they are
    const texts = ["3f2b8c1e-0d4a-4f6e-9b7a-2c5d8e1f0a3b", "3F2B8C1E-0D4A-4F6E-9B7A-2C5D8E1F0A3B", "3f2b8c1e-0d4a-4f6e-9b7a-2c5d8e1f0a3", "ffffffff-0000-4f6e-9b7a-000000000000", "", "Nguy\u1EC5n V\u0103n A", "x".repeat(1_100_000), "after the long one", "\u1EC5".repeat(5_000), "y".repeat(4_200_000)];
    const places = texts.map((text) => table.store(text));
    texts.forEach((text, i) => {
      expect(table.textAt(places[i]!)).toBe(text);
      expect(table.holds(places[i]!, text)).toBe(true);
      expect(table.holds(places[i]!, `${text}!`)).toBe(false);
    });
    expect(table.holds(places[0]!, "3f2b8c1e-0d4a-4f6e-9b7a-2c5d8e1f0a3c")).toBe(false);
  });

  it("getOrSet answers a held key's value and sets a new or deleted one, through growths, as get then set would", () => {
    const table = new CodeTable();
    for (let i = 0; i < 5_000; i++) expect(table.getOrSet(`KH${i % 3_000}`, i)).toBe(i < 3_000 ? undefined : i - 3_000);
    expect(table.size).toBe(3_000);
    table.delete("KH7");
    expect(table.getOrSet("KH7", 99)).toBeUndefined();
    expect(table.getOrSet("KH7", 100)).toBe(99);
    expect(table.size).toBe(3_000);
  });

  it("maps 50,000 codes to ids kept in its arena (more than one page of it)", () => {
    const table = new CodeTable();
    const idOf = (i: number) => `${String(i).padStart(8, "0")}-0d4a-4f6e-9b7a-2c5d8e1f0a3b`;
    for (let i = 0; i < 50_000; i++) table.set(`KH${i}`, table.store(idOf(i)));
    for (const i of [0, 1, 29_000, 49_999]) expect(table.textAt(table.get(`KH${i}`)!)).toBe(idOf(i));
  });

  it("markOnce keeps a second number per key beside the values: the file's first rows in the table of the server's codes", () => {
    const table = new CodeTable();
    // codes the server holds, some of them in the file too, through several growths of the table
    for (let i = 0; i < 3_000; i++) table.set(`KH${i}`, i + 1_000_000);
    for (let row = 2; row < 6_002; row++) expect(table.markOnce(`KH${(row - 2) % 4_000 + 1_000}`, row)).toBe(row < 4_002 ? undefined : row - 4_000);
    // a code only the file has: marked, yet the server is not said to hold it
    expect(table.get("KH3999")).toBeUndefined();
    expect(table.size).toBe(3_000);
    expect(table.get("KH1500")).toBe(1_001_500);
    // the server's values come and go; the marks stay
    table.set("KH4500", 7);
    table.delete("KH1500");
    expect(table.get("KH4500")).toBe(7);
    expect(table.markOnce("KH4500", 9_999)).toBe(3_502);
    expect(table.markOnce("KH1500", 9_999)).toBe(502);
    expect(table.markOnce("KH0", 9_999)).toBeUndefined();
    expect(table.markOnce("KH0", 10_000)).toBe(9_999);
  });
});

