// One cell to the text the API gets (SPEC "Cells: what survives, what is an error").
import { unguardDigits, unneutraliseFormula } from "../spreadsheet/formula-guard.js";
import type { Cell } from "../spreadsheet/types.js";
import { parseFieldKey } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { controlWarning, mayHoldUnseen, unseenInCode, withoutInvisible } from "./invisible.js";
import { MAX_EXCEL_CELL_CHARS } from "../spreadsheet/limits.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { joinMessages } from "./invisible.js";
import { DIGIT_ATTRS, SCIENTIFIC_TEXT } from "./digit-damage.js";

/** A value, or an issue (the row is invalid), each without the column name: the caller adds it. */
export interface CellText {
  value?: string;
  issue?: Message;
  warning?: Message;
  /** the cell was a number: a leading 0 would be gone (digit fields check it) */
  fromNumber?: true;
}

export const LOST_DIGITS: Message = msg("customers.cell.lostDigits");

// Excel holds at most 32,767 characters in a cell: anything longer was not typed in a spreadsheet.

// Spreadsheets keep 15 significant digits: from 10^15 up the last digits are already gone.
const LARGEST_EXACT = 1e15;

// an E first: a regex call on every digit cell cost more than looking for one
function mayBeScientific(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x45 || code === 0x65) return true;
  }
  return false;
}

/**
 * What the cell checks need to know of a field: the customer code (nothing unseen allowed), a
 * digit string (scientific text is lost digits), or free text.
 */
export type FieldKind = "code" | "digits" | "text";

/** The text of a cell for a field: trimmed NFC text, a number as Excel shows it, or why not. */
// Most cells of a row are blank: one shared answer instead of an object each.
const BLANK: CellText = Object.freeze({});

/**
 * `unguard`: remove the one apostrophe our CSV export puts before a formula-like value, which a
 * spreadsheet converting that CSV to XLSX keeps as text; in a digit field also one before digits.
 */
export function cellToText(cell: Cell | undefined, field: FieldKey, unguard = true): CellText {
  const text = cellTextFor(cell, fieldKind(field), unguard);
  return typeof text === "string" ? { value: text } : text;
}

/**
 * cellToText with the field's kind worked out once per column (the row mapper's hot loop); a value
 * with nothing to say comes as the string itself: an object a cell was most of the mapper's garbage.
 */
export function cellTextFor(cell: Cell | undefined, kind: FieldKind, unguard: boolean): CellText | string {
  if (cell === undefined) return BLANK;
  switch (cell.kind) {
    case "text": {
      // already NFC: every reader builds text cells with textCell
      const trimmed = cell.text.trim();
      if (trimmed === "") return BLANK;
      if (trimmed.length > MAX_EXCEL_CELL_CHARS) return { issue: msg("customers.cell.tooLong", { length: trimmed.length, max: MAX_EXCEL_CELL_CHARS }) };
      if (kind !== "text" && mayBeScientific(trimmed) && SCIENTIFIC_TEXT.test(trimmed)) return { issue: LOST_DIGITS };
      const value = unguard ? unneutraliseFormula(trimmed) : trimmed;
      const digits = unguard && kind !== "text" ? unguardDigits(value) : undefined;
      if (digits === undefined) return kind === "code" ? codeText(value) : freeText(value);
      const shown = kind === "code" ? codeText(digits) : freeText(digits);
      const said = typeof shown === "string" ? { value: shown } : shown;
      const removed = msg("damage.apostropheRemoved", { value, fixed: digits });
      return said.issue !== undefined ? said : { ...said, warning: said.warning === undefined ? removed : joinMessages([removed, said.warning]) };
    }
    case "number":
      return numberToText(cell.value, cell.scientific === true);
    case "boolean": {
      const text = cell.value ? "TRUE" : "FALSE";
      return { value: text, warning: msg("customers.cell.logical", { value: text }) };
    }
    case "date":
      return { issue: msg("customers.cell.date", { date: describeDate(cell.value) }) };
    case "error":
      return { issue: msg("customers.cell.error", { error: cell.error }) };
    case "formula-without-value":
      return { issue: msg("customers.cell.noComputedValue", { formula: cell.formula === "" ? msg("customers.cell.aFormula") : msg("customers.cell.theFormula", { formula: shortened(cell.formula) }) }) };
  }
}

function isDigitField(field: FieldKey): boolean {
  const ref = parseFieldKey(field);
  return ref !== undefined && DIGIT_ATTRS.has(ref.attr);
}

export function fieldKind(field: FieldKey): FieldKind {
  return field === "general_info.customer_code" ? "code" : isDigitField(field) ? "digits" : "text";
}

function codeText(value: string): CellText | string {
  const issue = unseenInCode(value);
  return issue === undefined ? value : { issue };
}

// Invisible marks go (a no-break space becomes a space), said in a warning; the rest is kept.
function freeText(value: string): CellText | string {
  if (!mayHoldUnseen(value)) return value;
  const cleaned = withoutInvisible(value);
  const text = cleaned.warning === undefined ? value : cleaned.text.trim();
  if (text === "") return { warning: cleaned.warning };
  const warning = joinMessages([cleaned.warning, controlWarning(text)].filter((said) => said !== undefined));
  return warning === undefined ? { value: text } : { value: text, warning };
}

function numberToText(value: number, scientific: boolean): CellText {
  if (!Number.isFinite(value)) return { issue: msg("customers.cell.notFinite") };
  if (scientific || Math.abs(value) >= LARGEST_EXACT) return { issue: LOST_DIGITS };
  // What Excel shows: at most 15 significant digits, no exponent, no trailing ".0".
  const shown = Number(value.toPrecision(15));
  if (Number.isInteger(shown)) return { value: BigInt(shown).toString(), fromNumber: true };
  const text = String(shown);
  if (!text.includes("e")) return { value: text };
  return { value: shown.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) };
}

// A formula is shown to say which one; a long one is cut, the cell in the report has it whole.
const shortened = (formula: string): string => (formula.length > 60 ? `${formula.slice(0, 60)}…` : formula);

function describeDate(date: Date): string | Message {
  return Number.isNaN(date.getTime()) ? msg("customers.cell.invalidDate") : date.toISOString().slice(0, 10);
}
