import { describe, expect, it } from "vitest";
import { decodeCsvText, encodeCsvText } from "../../src/spreadsheet/csv-text.js";
import { neutraliseFormula, unneutraliseFormula } from "../../src/spreadsheet/formula-guard.js";

const cases = [
  ["a NUL", "An\u0000Bình", "An_x0000_Bình"],
  ["an escape sequence", "\u001b[2J", "_x001B_[2J"],
  ["a non-character", "x\uffffy", "x_xFFFF_y"],
  ["text that looks like an escape we read", "_x0000_ and _x005F_", "_x005F_x0000_ and _x005F_x005F_"],
  ["text that looks like an escape we leave alone", "_x0041_", "_x0041_"],
  ["two escape-like runs sharing an underscore", "_x0000_x0001_", "_x005F_x0000_x005F_x0001_"],
  ["escape-like text closed by an escaped character", "a_x0000\u0001", "a_x005F_x0000_x0001_"],
  ["tab and line breaks, which quoted cells carry", "a\tb\r\nc", "a\tb\r\nc"],
  ["plain Vietnamese", "Nguyễn Thị Hồng", "Nguyễn Thị Hồng"],
] as const;

describe("encodeCsvText / decodeCsvText", () => {
  it.each(cases)("writes %s as a CSV cell can carry it, and reads it back exactly", (_name, text, written) => {
    expect(encodeCsvText(text)).toBe(written);
    expect(decodeCsvText(encodeCsvText(text))).toBe(text);
  });

  it.each(["=\u0001", "\u0001=1", "'=\u0000", "+84\u0007"])("round-trips %j through the formula guard as the writer and reader apply them", (text) => {
    expect(unneutraliseFormula(decodeCsvText(neutraliseFormula(encodeCsvText(text))))).toBe(text);
  });
});
