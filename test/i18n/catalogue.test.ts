// The message catalogue: both languages for every key, the same values in each, the glossary's words.
import { describe, expect, it } from "vitest";
import { AREAS, CATALOGUE } from "../../src/i18n/catalogue.js";
import { render, msg, t } from "../../src/i18n/text.js";
import type { Entry, MessageKey, Translated } from "../../src/i18n/text.js";

const entries = Object.entries(CATALOGUE) as [MessageKey, Translated][];
const forms = (entry: Entry): string[] => (typeof entry === "string" ? [entry] : [entry.one, entry.other]);
const placeholders = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? "");
const namesOf = (entry: Entry): string[] => [...new Set(forms(entry).flatMap(placeholders).concat(typeof entry === "string" ? [] : ["count"]))].sort();

describe("the catalogue", () => {
  it("has both languages, non-empty, for every key", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, entry] of entries) {
      for (const lang of ["en", "vi"] as const) {
        for (const text of forms(entry[lang])) expect(text.trim(), `${key} (${lang})`).not.toBe("");
      }
    }
  });

  it("uses the same values in both languages, each named as a plain word", () => {
    for (const [key, entry] of entries) {
      expect(namesOf(entry.vi), key).toEqual(namesOf(entry.en));
      for (const text of [...forms(entry.en), ...forms(entry.vi)]) {
        for (const name of placeholders(text)) expect(name, `${key}: {${name}}`).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        // a brace that is not a placeholder would be printed as it is, or taken for one
        expect(text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ""), key).not.toMatch(/[{}]/);
      }
    }
  });

  it("defines each key in one area only", () => {
    const total = Object.values(AREAS).reduce((sum, area) => sum + Object.keys(area).length, 0);
    expect(total).toBe(entries.length);
    for (const [area, keys] of Object.entries(AREAS)) {
      for (const key of Object.keys(keys)) expect(key.startsWith(`${area}.`), `${key} in area ${area}`).toBe(true);
    }
  });

  it("counts in English with a plural entry, never with \"(s)\"", () => {
    // "1 row(s) have changed" reads as a machine's sentence: an entry with {count} has one and other forms
    for (const [key, entry] of entries) {
      for (const text of forms(entry.en)) expect(text.replace("http(s)", "http"), key).not.toMatch(/\w\(s\)/);
    }
  });

  it("writes Vietnamese as GLOSSARY.md asks: NFC, modern tone marks, tệp kết quả not báo cáo, never gộp", () => {
    for (const [key, entry] of entries) {
      for (const text of forms(entry.vi)) {
        expect(text, key).toBe(text.normalize("NFC"));
        // hóa, xóa, thủy: the mark on the main vowel when nothing follows the pair (quý keeps its own)
        expect(text, key).not.toMatch(/(?<![qQ])(?:o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ])(?![\p{L}])/u);
        expect(text.toLowerCase(), key).not.toMatch(/báo cáo|gộp/);
      }
    }
  });

  it("says one thing one way in Vietnamese, and what to do with Hãy (the #16 review)", () => {
    // each pattern is a second wording of a concept the rest of the catalogue words otherwise
    const secondWordings: [RegExp, string][] = [
      [/hồ sơ/, "a customer's record is thông tin khách hàng"],
      [/đọc danh sách khách hàng/, "listing customers is lấy danh sách khách hàng"],
      [/lấy thông tin khách hàng/, "fetching a customer is tải thông tin khách hàng"],
      [/đúng lệnh đó/, "the same command is đúng lệnh này"],
      [/khoảng trắng/, "a space is dấu cách"],
      [/tiêu đề cột|tiêu đề tiếng việt/, "a column's header is tên cột (the row is dòng tiêu đề)"],
      [/ô csv|mang được/, "a CSV file holds (chứa) a character"],
      [/đảo ngược/, "to reverse a run is hoàn tác"],
      [/\.csv thay thế/, "thay thế means a replace, not instead of"],
      // an instruction after a colon or a semicolon starts with hãy (or dùng ... sẽ, a consequence)
      [/[:;] (chạy lại|dùng --force nếu)/, "what to do starts with hãy"],
    ];
    for (const [key, entry] of entries) {
      for (const text of forms(entry.vi)) {
        for (const [pattern, why] of secondWordings) expect(text.toLowerCase(), `${key}: ${why}`).not.toMatch(pattern);
      }
    }
  });
});

describe("rendering", () => {
  it("chooses the plural form by count and formats numbers for the language", () => {
    expect(t("en", "common.rows", { count: 1 })).toBe("1 row");
    expect(t("en", "common.rows", { count: 12_345 })).toBe("12,345 rows");
    expect(t("vi", "common.rows", { count: 12_345 })).toBe("12.345 dòng");
  });

  it("renders a message inside a message in the same language, and lists with the language's 'and'", () => {
    const inner = msg("common.rows", { count: 2 });
    expect(render("vi", msg("common.inFile", { file: "a.csv", text: inner }))).toBe("a.csv: 2 dòng");
    expect(render("en", msg("common.inFile", { file: "a.csv", text: ["x", "y", "z"] }))).toBe("a.csv: x, y, and z");
    expect(render("vi", msg("common.inFile", { file: "a.csv", text: ["x", "y", "z"] }))).toBe("a.csv: x, y và z");
  });

  it("keeps a value's braces and dollar signs as they are (text from a user's file is not a pattern)", () => {
    expect(t("en", "common.inFile", { file: "{a}.csv", text: "$& $1 {file}" })).toBe("{a}.csv: $& $1 {file}");
  });
});

describe("statuses in both languages", () => {
  it("reads a status as either language writes it, with or without marks, in any case", async () => {
    const { parseStatus, statusText } = await import("../../src/rows/status.js");
    expect(statusText("vi", "failed")).toBe("không thành công");
    expect(parseStatus("không thành công")).toBe("failed");
    expect(parseStatus("KHÔNG HỢP LỆ")).toBe("invalid");
    expect(parseStatus("khong hop le")).toBe("invalid");
    expect(parseStatus("đã xoá")).toBe("deleted"); // the old tone-mark style
    expect(parseStatus(" Created ")).toBe("created");
    expect(parseStatus("would-create")).toBe("would-create");
    expect(parseStatus("sẽ tạo")).toBe("would-create");
    expect(parseStatus("hợp")).toBeUndefined();
  });
});
