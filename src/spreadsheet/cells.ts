// The one place that turns whatever a spreadsheet cell held into a Cell (SPEC "Cells").
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Cell } from "./types.js";
import { decodeXlsxText } from "./xlsx-text.js";

/** What the XLSX reader knows about a cell besides its value. */
export interface ExcelCellContext {
  /** the cell's number format, e.g. "0.00E+00" or "@" */
  numFmt?: string;
}

/**
 * Delimited text: every non-empty field is text, NFC; "" is a blank cell. An Excel error value
 * written out as text (#N/A, #REF!: what Excel saves into a CSV for a failed formula, and what a
 * report shows) is that error, not a name or an address.
 */
export function textCell(text: string): Cell | undefined {
  return normalisedTextCell(nfc(text));
}

/** textCell of text already in NFC (a CSV batch is normalised whole, once: a call per cell cost more). */
export function normalisedTextCell(text: string): Cell | undefined {
  if (text === "") return undefined;
  if (text.charCodeAt(0) === 0x23 && isExcelError(text.trim())) return { kind: "error", error: text.trim() };
  return { kind: "text", text };
}

/** One of Excel's error values (#N/A, #REF!...): what a cell can hold as an error. */
export const isExcelError = (text: string): boolean => EXCEL_ERRORS.has(text);

const EXCEL_ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/** NFC, skipping the call where it cannot change anything (it is dear: ~0.3 µs even on ASCII). */
export function nfc(text: string): string {
  // nothing below U+0300, where the combining marks start, composes or decomposes
  return BEYOND_SPACING_MODIFIERS.test(text) ? text.normalize("NFC") : text;
}

const BEYOND_SPACING_MODIFIERS = /[^\u0000-\u02ff]/;

/**
 * Map every value shape exceljs produces (string, number, boolean, Date, formula, shared formula,
 * rich text, hyperlink, error) to a Cell; `undefined` for a blank. An unknown shape throws E_INTERNAL
 * naming it, so a new exceljs shape is noticed rather than silently dropped.
 */
export function normaliseExcelValue(value: unknown, context: ExcelCellContext = {}): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case "string":
      return textCell(decodeXlsxText(value));
    case "number": {
      if (Number.isNaN(value)) return undefined; // an empty <v/>: nothing stored
      const padded = zeroPadded(value, context.numFmt);
      if (padded !== undefined) return { kind: "text", text: padded };
      return isScientific(context.numFmt) ? { kind: "number", value, scientific: true } : { kind: "number", value };
    }
    case "boolean":
      return { kind: "boolean", value };
    case "object":
      return normaliseObject(value, context);
    default:
      return unknownShape(value);
  }
}

function normaliseObject(value: object, context: ExcelCellContext): Cell | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: "error", error: "#VALUE!" } : { kind: "date", value };
  }
  if ("formula" in value || "sharedFormula" in value || "result" in value) {
    return normaliseFormula(value, context);
  }
  if ("richText" in value) return textCell(decodeXlsxText(richTextToString(value.richText)));
  if ("hyperlink" in value && "text" in value) {
    // the shown text of a hyperlink may itself be rich text
    const text = value.text;
    if (typeof text === "string") return textCell(decodeXlsxText(text));
    if (typeof text === "object" && text !== null && "richText" in text) return textCell(decodeXlsxText(richTextToString(text.richText)));
    return text === undefined || text === null ? undefined : unknownShape(value);
  }
  if ("error" in value) return { kind: "error", error: String(value.error) };
  return unknownShape(value);
}

// A formula and its cached result as the reader found them: 0, false and "" are results too.
function normaliseFormula(value: object, context: ExcelCellContext): Cell | undefined {
  const result = "result" in value ? value.result : undefined;
  // A cached error reads as {error}; NaN is parseFloat of an empty <v></v>, as
  // openpyxl and pandas save every formula: no computed value, like a missing <v>.
  if (result === undefined || result === null || (typeof result === "number" && Number.isNaN(result))) {
    const formula = "formula" in value && typeof value.formula === "string" ? value.formula : "";
    const shared = "sharedFormula" in value && typeof value.sharedFormula === "string" ? value.sharedFormula : "";
    return { kind: "formula-without-value", formula: formula || shared };
  }
  if (typeof result === "object" && "formula" in result) return unknownShape(value);
  // a cached "" shows nothing in Excel, so it reads as a blank cell
  return normaliseExcelValue(result, context);
}

function richTextToString(runs: unknown): string {
  if (!Array.isArray(runs)) return unknownShape({ richText: runs });
  return runs.map((run: unknown) => (typeof run === "object" && run !== null && "text" in run ? String(run.text ?? "") : "")).join("");
}

/**
 * A format of zeros alone (00000, 0000000000) shows a whole number with its leading zeros: a tax
 * ID or zip code typed as a number, 0101234567 on screen. What the user sees is the value.
 */
function zeroPadded(value: number, numFmt: string | undefined): string | undefined {
  if (numFmt === undefined || !/^0{2,}$/.test(numFmt) || !Number.isSafeInteger(value) || value < 0) return undefined;
  const digits = String(value);
  return digits.length < numFmt.length ? digits.padStart(numFmt.length, "0") : undefined;
}

// Scientific formats such as 0.00E+00 or ##0.0E+0, ignoring quoted literals and [colour] codes.
function isScientific(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*]/g, "").replace(/\\./g, "");
  return /E[+-]/i.test(bare);
}

function unknownShape(value: unknown): never {
  const shape = typeof value === "object" && value !== null ? `object with keys {${Object.keys(value).join(", ")}}` : typeof value;
  // the shape is the program's own description (keys of an object), for whoever fixes the bug
  throw new ToolError("E_INTERNAL", msg("sheet.unknownCellValue", { shape }), { hint: msg("sheet.bugHint") });
}
