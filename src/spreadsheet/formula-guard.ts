// The CSV formula-injection guard and its exact inverse, so an export re-imports unchanged.

// A spreadsheet runs a cell as a formula when it starts with one of these (OWASP CSV injection),
// also after spaces where the program trims cells on import; the apostrophe also keeps the spaces.
const TRIGGER = /^'*[ \u00A0]*[=+\-@\t\r]/;
const NEUTRALISED = /^''*[ \u00A0]*[=+\-@\t\r]/;

/**
 * Prefix one apostrophe to a cell a spreadsheet would run as a formula (`=1+1` → `'=1+1`).
 * Text that already starts with apostrophes before a trigger gets one more, so that
 * `unneutraliseFormula` restores every value exactly.
 */
export function neutraliseFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

/** Remove exactly the one apostrophe `neutraliseFormula` added; anything else is left as is. */
export function unneutraliseFormula(text: string): string {
  // the apostrophe first: nearly no cell has one, and a regex call per cell cost more than the check
  return text.charCodeAt(0) === 0x27 && NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * For a workbook, whose text is never run: import removes one apostrophe before a formula-like
 * value there too (a spreadsheet that converts our CSV keeps it), so only a value that itself
 * starts that way gets one more (`'=1+1` → `''=1+1`), and reads back unchanged.
 */
export function escapeGuardApostrophe(text: string): string {
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

// A spreadsheet that converts our CSV keeps the apostrophe as text, also before digits it would
// otherwise have read as a number ('0912345678): only in a field made of digits is it never meant.
const GUARDED_DIGITS = /^'[ \u00A0]*\d/;

/** A digit field's value without the one apostrophe a spreadsheet left before its digits, or undefined if it has none. */
export function unguardDigits(text: string): string | undefined {
  return GUARDED_DIGITS.test(text) ? text.slice(1) : undefined;
}
