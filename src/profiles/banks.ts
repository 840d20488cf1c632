// STAND-IN until helper h15vn's bank table (src/customers/rules/banks.ts) is on this branch: swap for its lookup at merge.
// A few rows of research/banks.csv (SBV code → short name), enough for export --profile to fill a blank bank name.
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
