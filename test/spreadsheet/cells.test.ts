import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { normaliseExcelValue, textCell } from "../../src/spreadsheet/cells.js";

const decomposed = "Nguye\u0302\u0303n"; // "Nguyễn" as base letters + combining marks (windows-1258, macOS)

describe("normaliseExcelValue", () => {
  it.each([
    ["null", null, undefined],
    ["undefined", undefined, undefined],
    ["an empty string", "", undefined],
    ["a string, NFC", decomposed, { kind: "text", text: "Nguyễn" }],
    ["whitespace, kept for the customers layer to trim", "  ", { kind: "text", text: "  " }],
    ["a number", 84912345678, { kind: "number", value: 84912345678 }],
    ["zero", 0, { kind: "number", value: 0 }],
    ["an empty <v/> (NaN)", Number.NaN, undefined],
    ["a boolean", false, { kind: "boolean", value: false }],
    ["a date", new Date(Date.UTC(2024, 1, 29)), { kind: "date", value: new Date(Date.UTC(2024, 1, 29)) }],
    ["an invalid date", new Date(Number.NaN), { kind: "error", error: "#VALUE!" }],
    ["a formula with a number result", { formula: "A1*2", result: 42 }, { kind: "number", value: 42 }],
    ["a formula whose result is 0", { formula: "A1-A1", result: 0 }, { kind: "number", value: 0 }],
    ["a formula with a text result", { formula: "A1", result: "KH001" }, { kind: "text", text: "KH001" }],
    ["a formula with an empty text result", { formula: '""', result: "" }, undefined],
    ["a formula with an error result", { formula: "1/0", result: { error: "#DIV/0!" } }, { kind: "error", error: "#DIV/0!" }],
    ["a formula whose cached value is empty (<v></v>, as openpyxl saves it)", { formula: "NA()", result: Number.NaN }, { kind: "formula-without-value", formula: "NA()" }],
    ["a formula without a cached value", { formula: "SUM(A1:A3)" }, { kind: "formula-without-value", formula: "SUM(A1:A3)" }],
    ["a shared formula with a result", { sharedFormula: "B2", result: 7 }, { kind: "number", value: 7 }],
    ["a shared formula child (empty text)", { formula: "", result: "x" }, { kind: "text", text: "x" }],
    ["a shared formula without value", { sharedFormula: "B2" }, { kind: "formula-without-value", formula: "B2" }],
    ["rich text", { richText: [{ text: "Công ty " }, { font: { bold: true }, text: "Hòa Bình" }] }, { kind: "text", text: "Công ty Hòa Bình" }],
    ["a hyperlink", { text: "mail me", hyperlink: "mailto:a@b.vn" }, { kind: "text", text: "mail me" }],
    ["a rich-text hyperlink", { text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "https://x.vn" }, { kind: "text", text: "ab" }],
    ["an error value", { error: "#N/A" }, { kind: "error", error: "#N/A" }],
  ])("maps %s", (_name, value, expected) => {
    expect(normaliseExcelValue(value)).toEqual(expected);
  });

  it.each([
    ["0.00E+00", true],
    ["##0.0E+0", true],
    ['0.00"E+"0', false],
    ["General", false],
    ["@", false],
    ["#,##0", false],
  ])("marks a number in format %s as scientific: %s", (numFmt, scientific) => {
    const cell = normaliseExcelValue(1.23e11, { numFmt });
    expect(cell).toEqual(scientific ? { kind: "number", value: 1.23e11, scientific: true } : { kind: "number", value: 1.23e11 });
  });

  it.each([
    [101234567, "0000000000", { kind: "text", text: "0101234567" }],
    [4000, "00000", { kind: "text", text: "04000" }],
    [12345, "00000", { kind: "number", value: 12345 }],
    [4000, "0", { kind: "number", value: 4000 }],
    [4000, "#,##0", { kind: "number", value: 4000 }],
    [-5, "000", { kind: "number", value: -5 }],
    [1.5, "000", { kind: "number", value: 1.5 }],
  ])("shows %s in format %s as Excel does: %j", (value, numFmt, expected) => {
    expect(normaliseExcelValue(value, { numFmt })).toEqual(expected);
  });

  it.each([
    ["an unknown object", { sharedString: 3 }, "sharedString"],
    ["a bigint", 10n, "bigint"],
  ])("refuses %s with an internal error naming its shape", (_name, value, shape) => {
    expect(() => normaliseExcelValue(value)).toThrow(ToolError);
    expect(() => normaliseExcelValue(value)).toThrow(shape);
  });
});

describe("textCell", () => {
  it("treats an empty field as blank and keeps everything else as NFC text", () => {
    expect(textCell("")).toBeUndefined();
    expect(textCell(decomposed)).toEqual({ kind: "text", text: "Nguyễn" });
    expect(textCell("007")).toEqual({ kind: "text", text: "007" });
  });

  it("reads an Excel error value written as text (#N/A in a CSV Excel saved) as that error", () => {
    expect(textCell("#N/A")).toEqual({ kind: "error", error: "#N/A" });
    expect(textCell("#REF! ")).toEqual({ kind: "error", error: "#REF!" });
    expect(textCell("#DIV/0!")).toEqual({ kind: "error", error: "#DIV/0!" });
    expect(textCell("#12 Lê Lợi")).toEqual({ kind: "text", text: "#12 Lê Lợi" });
    expect(textCell("#N/A là gì")).toEqual({ kind: "text", text: "#N/A là gì" });
  });
});
