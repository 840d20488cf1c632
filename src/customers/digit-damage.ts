// Spreadsheet damage in fields made of digits (SPEC "Cells"): restore what a rule proves, refuse digits provably lost, warn of the rest.
import { parseFieldKey } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { hasValidCheckDigit, lostLeadingZero } from "./tax-id.js";
import { msg } from "../i18n/text.js";
import type { Message, MessageKey } from "../i18n/text.js";

/** Attributes whose values are text made of digits: a spreadsheet turns them into numbers. */
export const DIGIT_ATTRS: ReadonlySet<string> = new Set(["customer_code", "phone", "phone_number", "phone_code", "tax_id", "zip_code", "account_number"]);

/** What a spreadsheet writes for a number it shows in E+ notation ("1.23457E+11"): the digits are gone. */
export const SCIENTIFIC_TEXT = /^[+-]?\d+(?:[.,]\d+)?E\+?\d+$/i;

/** This module's warnings that leave the risk in place (`--strict` makes them invalid); its others say what was restored. */
export const UNRESOLVED_DAMAGE: readonly MessageKey[] = ["damage.typedAsNumber", "damage.maybeRounded"];

// Spreadsheets keep 15 significant digits, so a longer number they rounded ends in 0 (and, a number, never starts with one).
const ROUNDING_CANDIDATE = /^[1-9]\d{14,}0$/;

/** A column's sign that a spreadsheet rounded its long numbers: E+ values in it, or all its 16+-digit values ending in 0. */
export type RoundingEvidence = { scientific: true } | { scientific: false; endingInZero: number };

/** What a delimited file's digit columns show, worked out over the whole file before a verdict needs it. */
export interface ColumnEvidence {
  verdict(column: number): RoundingEvidence | undefined;
}

/** A digit field of the file: where its value sits in the row mapper's arrays. */
export interface DigitField {
  at: number;
  field: FieldKey;
  attr: string;
  column: number;
  /** the attribute's own rule, looked up once per file */
  rule: FieldRule | undefined;
}

export interface DigitNote {
  at: number;
  field: FieldKey;
  warning?: Message;
  issue?: Message;
}

/** The digit fields among a row mapper's fields, worked out once per file. */
export function digitFieldsOf(fields: readonly { field: FieldKey; column: number }[]): DigitField[] {
  const digitFields: DigitField[] = [];
  fields.forEach(({ field, column }, at) => {
    const attr = parseFieldKey(field)?.attr;
    if (attr !== undefined && DIGIT_ATTRS.has(attr)) digitFields.push({ at, field, attr, column, rule: RULES[attr] });
  });
  return digitFields;
}

/** Whether a cell's text could be a long number a spreadsheet rounded: the file-wide verdict decides. */
export function mayBeRounded(text: string): boolean {
  // every digit cell of every row asks: most are too short to need the regex
  return text.length >= 16 && ROUNDING_CANDIDATE.test(text);
}

/** Counts a delimited file's digit columns as they are read; `verdict` says which show a spreadsheet's rounding. */
export function createEvidenceCounter(): ColumnEvidence & { add(column: number, text: string): void } {
  const counts = new Map<number, { long: number; endingInZero: number; scientific: boolean }>();
  return {
    add(column, text) {
      const long = /^\d{16,}$/.test(text);
      const scientific = !long && SCIENTIFIC_TEXT.test(text);
      if (!long && !scientific) return;
      let count = counts.get(column);
      if (count === undefined) counts.set(column, (count = { long: 0, endingInZero: 0, scientific: false }));
      if (scientific) count.scientific = true;
      else {
        count.long += 1;
        if (text.endsWith("0")) count.endingInZero += 1;
      }
    },
    verdict(column) {
      const count = counts.get(column);
      if (count === undefined) return undefined;
      if (count.scientific) return { scientific: true };
      // one real account in ten ends in 0: only three or more, and every one of them, is proof
      return count.long >= 3 && count.endingInZero === count.long ? { scientific: false, endingInZero: count.long } : undefined;
    },
  };
}

type Restored = { fixed: string; key: "customers.cell.leadingZeroRestored" | "damage.phoneCodePlus" };
/** A field's own rule for a value that may have lost a leading 0: restored, "intact" (nothing lost), or undefined (cannot tell). */
type FieldRule = (value: string, vietnamesePhone: boolean) => Restored | "intact" | undefined;

const phoneRule: FieldRule = (value, vietnamesePhone) =>
  vietnamesePhone && value.length === 9 && /^[1-9]\d{8}$/.test(value) ? { fixed: `0${value}`, key: "customers.cell.leadingZeroRestored" } : undefined;

// A 10-digit tax ID whose check digit holds, and a Vietnamese zip code (5 or 6 digits, never 0-led), lost nothing.
const RULES: Partial<Record<string, FieldRule>> = {
  phone: phoneRule,
  phone_number: phoneRule,
  phone_code: (value) => (value === "84" ? { fixed: "+84", key: "damage.phoneCodePlus" } : "intact"),
  tax_id: (value) => (lostLeadingZero(value) ? { fixed: `0${value}`, key: "customers.cell.leadingZeroRestored" } : hasValidCheckDigit(value) ? "intact" : undefined),
  zip_code: (value) => (/^[1-9]\d{4,5}$/.test(value) ? "intact" : undefined),
};

/**
 * Checks a row's digit fields in place: a value restored (with a warning), refused (an issue: the
 * value is dropped), or sent with a warning naming the risk. `fromNumber[at]`: the cell was a
 * number; `evidence`: a delimited file's columns (a workbook's text cells are exact).
 */
export function checkDigitFields(
  digitFields: readonly DigitField[],
  values: (string | undefined)[],
  fromNumber: readonly boolean[],
  phoneCodeAt: number,
  evidence: ColumnEvidence | undefined,
): DigitNote[] {
  const notes: DigitNote[] = [];
  // "84" counts as +84 whether or not its own rule has restored it yet
  const vietnamesePhone = isVietnameseCallingCode(phoneCodeAt === -1 ? undefined : values[phoneCodeAt]);
  for (const { at, field, column, rule } of digitFields) {
    const value = values[at];
    if (value === undefined) continue;
    if (evidence !== undefined && !fromNumber[at] && mayBeRounded(value)) {
      const found = evidence.verdict(column);
      if (found === undefined) notes.push({ at, field, warning: msg("damage.maybeRounded", { value, digits: String(value.length) }) });
      else {
        values[at] = undefined;
        notes.push({ at, field, issue: found.scientific ? msg("damage.roundedScientific", { value }) : msg("damage.roundedColumn", { value, count: found.endingInZero }) });
      }
      continue;
    }
    const restored = rule?.(value, vietnamesePhone);
    if (restored === "intact") continue;
    if (restored !== undefined) {
      values[at] = restored.fixed;
      notes.push({ at, field, warning: msg(restored.key, { value, fixed: restored.fixed }) });
    } else if (fromNumber[at]) notes.push({ at, field, warning: msg("damage.typedAsNumber", { value }) });
  }
  return notes;
}

/** Whether a phone_code cell means Viet Nam (84, +84, (+84)); no cell at all does too. */
export function isVietnameseCallingCode(phoneCode: unknown): boolean {
  if (typeof phoneCode !== "string") return true;
  // the usual cells, without a regex replace each (asked twice a row)
  if (phoneCode === "+84" || phoneCode === "84") return true;
  return phoneCode.replace(/\D/g, "") === "84";
}
