import { describe, expect, it } from "vitest";
import { escapeGuardApostrophe, neutraliseFormula, unguardDigits, unneutraliseFormula } from "../../src/spreadsheet/formula-guard.js";

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+84 933 456 789", "'+84 933 456 789"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\rcarriage", "'\rcarriage"],
    ["'=already", "''=already"],
    ["0912345678", "0912345678"],
    ["Nguyễn Văn A", "Nguyễn Văn A"],
    ["'quoted", "'quoted"],
    ["a=b", "a=b"],
    ["", ""],
  ])("turns %j into %j", (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

describe("unneutraliseFormula", () => {
  it.each([
    ["'=1+1", "=1+1"],
    ["'+84 933 456 789", "+84 933 456 789"],
    ["'-5", "-5"],
    ["'@x", "@x"],
    ["'\tx", "\tx"],
    ["'\rx", "\rx"],
    ["''=x", "'=x"],
    ["'abc", "'abc"],
    ["'", "'"],
    ["=1+1", "=1+1"],
  ])("turns %j into %j", (text, expected) => {
    expect(unneutraliseFormula(text)).toBe(expected);
  });

  it.each(["=1+1", "'=1+1", "''+84", "'", "''", "-", "'-", "plain", "'plain", "@", "\t", "=", "'''=x"])(
    "undoes neutraliseFormula exactly for %j",
    (text) => {
      expect(unneutraliseFormula(neutraliseFormula(text))).toBe(text);
    },
  );
});

describe("escapeGuardApostrophe (a workbook's text)", () => {
  it.each([
    ["'=1+1", "''=1+1"],
    ["''+84", "'''+84"],
    ["=1+1", "=1+1"],
    ["+84", "+84"],
    ["'abc", "'abc"],
    ["O'Brien", "O'Brien"],
  ])("turns %j into %j, which import reads back as it was", (text, expected) => {
    expect(escapeGuardApostrophe(text)).toBe(expected);
    expect(unneutraliseFormula(escapeGuardApostrophe(text))).toBe(text);
  });
});

describe("unguardDigits (a digit field's leftover apostrophe)", () => {
  it.each([
    ["'0912345678", "0912345678"],
    ["' 0912", " 0912"],
    ["'00123", "00123"],
  ])("turns %j into %j", (text, expected) => {
    expect(unguardDigits(text)).toBe(expected);
  });

  it.each(["0912345678", "'abc", "''0912", "'", "'+84"])("leaves %j alone", (text) => {
    expect(unguardDigits(text)).toBeUndefined();
  });
});
