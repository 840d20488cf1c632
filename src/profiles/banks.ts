import { normaliseHeader } from "../customers/columns.js";
// STAND-IN until helper h15vn's bank table (src/customers/rules/banks.ts) is on this branch: swap for its lookup at merge.
// A few rows of research/banks.csv (SBV code → short name), enough to fill a blank bank name (export --profile)
// or a blank code (a MISA file gives only names).
const NAMES_BY_CODE = new Map([
  ["201", "VietinBank"],
  ["202", "BIDV"],
  ["203", "Vietcombank"],
  ["204", "Agribank"],
]);

/** The bank's name for a 3-digit code, only when the code names exactly one bank. */
export function bankNameForCode(code: string): string | undefined {
  return NAMES_BY_CODE.get(code.trim());
}

// names as MISA and people write them, matched like headers; a name of two banks would fill nothing
const CODES_BY_NAME = new Map<string, string[]>();
for (const [code, name] of NAMES_BY_CODE) {
  const key = normaliseHeader(name);
  CODES_BY_NAME.set(key, [...(CODES_BY_NAME.get(key) ?? []), code]);
}

/** The 3-digit code of the one bank with this name; undefined when none or several have it. */
export function bankCodeForName(name: string): string | undefined {
  const codes = CODES_BY_NAME.get(normaliseHeader(name));
  return codes?.length === 1 ? codes[0] : undefined;
}
