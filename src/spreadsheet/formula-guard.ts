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
