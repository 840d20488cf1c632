import { describe, expect, it } from "vitest";
import { neutraliseFormula, unneutraliseFormula } from "../../src/spreadsheet/formula-guard.js";

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
