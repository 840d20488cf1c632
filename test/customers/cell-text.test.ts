import { describe, expect, it } from "vitest";
import { cellToText as cellMessages, LOST_DIGITS } from "../../src/customers/cell-text.js";
import type { FieldKey } from "../../src/customers/columns.js";
import { render } from "../../src/i18n/text.js";
import { textCell } from "../../src/spreadsheet/cells.js";
import type { Cell } from "../../src/spreadsheet/types.js";

/** The cell's issue and warning as an English run says them. */
function cellToText(cell: Cell | undefined, field: FieldKey): { value?: string; issue?: string; warning?: string } {
  const { issue, warning, ...rest } = cellMessages(cell, field);
  return { ...rest, ...(issue ? { issue: render("en", issue) } : {}), ...(warning ? { warning: render("en", warning) } : {}) };
}

// built as every reader builds a text cell (textCell composes to NFC)
const text = (value: string): Cell => textCell(value) ?? { kind: "text", text: value };
const number = (value: number, scientific?: boolean): Cell =>
  scientific === undefined ? { kind: "number", value } : { kind: "number", value, scientific };

describe("cellToText", () => {
  it.each<[string, Cell | undefined, FieldKey, string | undefined]>([
    ["keeps leading zeros in text", text("0933456789"), "general_info.phone", "0933456789"],
    ["keeps +84 in text", text("+84 933 456 789"), "general_info.phone", "+84 933 456 789"],
    ["keeps a 16-digit account number typed as text", text("1234567890123456"), "bank_accounts.1.account_number", "1234567890123456"],
    ["keeps a zip code with leading zero", text("070000"), "address.zip_code", "070000"],
    ["trims surrounding whitespace", text("  Nguyễn Văn A \t"), "general_info.name", "Nguyễn Văn A"],
    ["trims non-breaking spaces", text("\u00a0KH001\u00a0"), "general_info.customer_code", "KH001"],
    ["composes decomposed Vietnamese (NFD → NFC)", text("Nguyễn Thị Ánh".normalize("NFD")), "general_info.name", "Nguyễn Thị Ánh".normalize("NFC")],
    ["writes an integer number without .0", number(933456789), "general_info.phone", "933456789"],
    ["writes a decimal number as shown", number(12.5), "address.address", "12.5"],
    ["writes a 15-digit number in full", number(123456789012345), "bank_accounts.1.account_number", "123456789012345"],
    ["writes a number as Excel shows it (15 significant digits)", number(0.1 + 0.2), "general_info.custom_tag", "0.3"],
    ["writes a tiny number without exponent", number(0.0000005), "general_info.custom_tag", "0.0000005"],
    ["writes a boolean as Excel shows it", { kind: "boolean", value: true }, "general_info.custom_tag", "TRUE"],
    ["keeps scientific-looking text in a free-text field", text("2E+3"), "general_info.custom_tag", "2E+3"],
    ["treats a blank cell as absent", undefined, "general_info.email", undefined],
    ["treats whitespace-only text as absent", text(" \t "), "general_info.email", undefined],
  ])("%s", (_, cell, field, expected) => {
    const result = cellToText(cell, field);
    expect(result.value).toBe(expected);
    expect(result.issue).toBeUndefined();
  });

  it.each<[string, Cell, FieldKey, string]>([
    ["a number of 16 digits", number(1234567890123456), "bank_accounts.1.account_number", render("en", LOST_DIGITS)],
    ["a number of exactly 10^15", number(1e15), "general_info.tax_id", render("en", LOST_DIGITS)],
    ["a number stored in scientific notation", number(123456789012, true), "bank_accounts.1.account_number", render("en", LOST_DIGITS)],
    ["scientific text from a CSV saved by Excel", text("1.23457E+11"), "bank_accounts.2.account_number", render("en", LOST_DIGITS)],
    ["scientific text in a phone column", text("9.33457e+8"), "general_info.phone", render("en", LOST_DIGITS)],
    ["a date in a text field", { kind: "date", value: new Date("2024-03-05T00:00:00Z") }, "general_info.phone", "holds a date (2024-03-05): format the column as Text and retype the value"],
    ["an error value", { kind: "error", error: "#N/A" }, "general_info.email", "#N/A in the cell: fix the formula or type the value"],
    ["a formula without a saved value", { kind: "formula-without-value", formula: "VLOOKUP(A2,B:C,2)" }, "general_info.name", "holds the formula =VLOOKUP(A2,B:C,2) with no computed value (the program that wrote the file did not compute it): open the file in Excel or LibreOffice and save it, then run again"],
  ])("rejects %s", (_, cell, field, issue) => {
    const result = cellToText(cell, field);
    expect(result.issue).toBe(issue);
    expect(result.value).toBeUndefined();
  });

  it("says a formula without a value even when the file gives no formula text (a shared formula's follower)", () => {
    expect(cellToText({ kind: "formula-without-value", formula: "" }, "general_info.name").issue).toMatch(/^holds a formula with no computed value/);
  });

  it("says the lost-digits problem the way the spec words it", () => {
    expect(render("en", LOST_DIGITS)).toBe("lost digits in Excel: format the column as Text and retype");
  });

  it("warns when a logical TRUE/FALSE is sent as text", () => {
    expect(cellToText({ kind: "boolean", value: false }, "general_info.custom_tag").warning).toContain("FALSE");
  });

  it.each([
    ["'=1+1", "=1+1"],
    ["'+84 933 456 789", "+84 933 456 789"],
    ["'-5", "-5"],
    ["'@home", "@home"],
    ["'\tx", "\tx"],
    ["'\rx", "\rx"],
    ["  '=SUM(A1)  ", "=SUM(A1)"],
  ])("removes the export's apostrophe from %j", (raw, expected) => {
    expect(cellToText(text(raw), "general_info.custom_tag").value).toBe(expected);
  });

  it.each(["'abc", "'0933456789", "'", "O'Brien", "=1+1"])("leaves %j as typed", (raw) => {
    expect(cellToText(text(raw), "general_info.name").value).toBe(raw);
  });
});

describe("cellToText: characters nobody can see", () => {
  it.each([
    ["a zero-width space", "KH1\u200b", 'holds an invisible character, U+200B zero-width space, after "KH1"'],
    ["a soft hyphen", "KH\u00ad1", 'holds an invisible character, U+00AD soft hyphen, after "KH"'],
    ["a right-to-left override", "\u202eKH1", "holds an invisible character, U+202E right-to-left override, at the start"],
    ["a byte order mark inside", "KH\ufeff1", "U+FEFF byte order mark"],
    ["a no-break space inside", "KH\u00a01", "U+00A0 no-break space"],
    ["a word joiner", "KH\u20601", "U+2060 word joiner"],
    ["a left-to-right mark", "KH1\u200e", "U+200E left-to-right mark"],
    ["a control character", "KH\u00001", 'holds a control character, U+0000 NUL, after "KH"'],
    ["a tab inside", "KH\t1", "U+0009 tab"],
  ])("makes a customer code with %s invalid, naming it", (_, raw, named) => {
    const result = cellToText(text(raw), "general_info.customer_code");
    expect(result.value).toBeUndefined();
    expect(result.issue).toContain(named);
    expect(result.issue).toContain("retype the code without it");
  });

  it.each<[string, FieldKey, string, string, string]>([
    ["a zero-width space in a name", "general_info.name", "Nguyễn\u200b Văn A", "Nguyễn Văn A", "removed invisible U+200B zero-width space"],
    ["soft hyphens in an address", "address.address", "12 Lê\u00ad Lợi\u00ad", "12 Lê Lợi", "removed invisible U+00AD soft hyphen ×2"],
    ["bidi isolates around a tag", "general_info.custom_tag", "\u2066VIP\u2069", "VIP", "removed invisible U+2066 left-to-right isolate, U+2069 pop directional isolate"],
    ["a zero-width joiner in a phone", "general_info.phone", "0933\u200d456789", "0933456789", "removed invisible U+200D zero-width joiner"],
    ["a no-break space inside a name", "general_info.name", "Nguyễn\u00a0Văn\u00a0A", "Nguyễn Văn A", "replaced U+00A0 no-break space ×2 with a space"],
  ])("removes %s with a warning naming it", (_, field, raw, value, warning) => {
    const result = cellToText(text(raw), field);
    expect(result).toEqual({ value, warning });
  });

  it("makes a cell of invisible characters alone blank, with the warning", () => {
    expect(cellToText(text("\u200b\u200b"), "general_info.email")).toEqual({ warning: "removed invisible U+200B zero-width space ×2" });
  });

  it("keeps a control character outside the code, and says so", () => {
    const result = cellToText(text("An\u0000Bình"), "general_info.name");
    expect(result.value).toBe("An\u0000Bình");
    expect(result.warning).toContain("U+0000 NUL");
  });

  it("keeps line breaks and tabs in an address without a word", () => {
    expect(cellToText(text("12 Lê Lợi\r\nPhường\tBến Nghé"), "address.address")).toEqual({ value: "12 Lê Lợi\r\nPhường\tBến Nghé" });
  });
});
