// The bank table's two questions a profile asks: a blank name for a code (export --profile), a blank code for a name (MISA gives only names).
import { findBankByCode, findBankByName } from "../customers/rules/banks.js";

/** The bank's usual name for a 3-digit code, only when the code names exactly one bank. */
export function bankNameForCode(code: string): string | undefined {
  return findBankByCode(code)?.shortName;
}

/** The 3-digit code of the one bank with this name; undefined when none or several have it. */
export function bankCodeForName(name: string): string | undefined {
  const match = findBankByName(name);
  return match.kind === "one" ? match.bank.code : undefined;
}
