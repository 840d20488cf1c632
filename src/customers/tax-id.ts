// Vietnamese tax IDs (mã số thuế): ten digits, the last one a check digit over the first nine; 13 for a branch; 12 for a person.
import { OLD_PROVINCE_CODES } from "../data/provinces.js";

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit of nine digits: 10 − (Σ weight × digit mod 11); undefined when the sum is 0 mod 11 (no valid digit exists). */
export function expectedCheckDigit(nine: string): string | undefined {
  const sum = WEIGHTS.reduce((total, weight, at) => total + weight * Number(nine[at]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : String(digit);
}

/** Whether ten digits carry a valid check digit: 10 − (Σ weight × digit mod 11). */
export function hasValidCheckDigit(digits: string): boolean {
  return /^\d{10}$/.test(digits) && expectedCheckDigit(digits) === digits[9];
}

/** What a tax ID is, or what is wrong with it (a rule warns, never rewrites). */
export type TaxIdCheck =
  | { ok: true; kind: "organisation" | "branch" | "personal" }
  | { ok: false; problem: "checkDigit"; expected: string }
  | { ok: false; problem: "noCheckDigit"; prefix: string }
  | { ok: false; problem: "branchSuffix" | "personalProvince" | "shape" };

// "0314409058-002", "0314409058 - 002", "0100.233.488": the digits count, the separators do not.
const SEPARATORS = /[\s.-]/g;

/** 10 digits with their check digit, 13 as a branch (10 + 3, the 3 not 000), 12 as a personal identification number (0 + province code). */
export function checkTaxId(value: string): TaxIdCheck {
  const digits = value.replace(SEPARATORS, "");
  // a hyphen is the branch's: "0100233488-01" is no personal ID
  if (!/^\d+$/.test(digits) || (value.includes("-") && digits.length !== 13)) return { ok: false, problem: "shape" };
  if (digits.length === 12) return isPersonalId(digits) ? { ok: true, kind: "personal" } : { ok: false, problem: "personalProvince" };
  if (digits.length !== 10 && digits.length !== 13) return { ok: false, problem: "shape" };
  const expected = expectedCheckDigit(digits.slice(0, 9));
  if (expected === undefined) return { ok: false, problem: "noCheckDigit", prefix: digits.slice(0, 9) };
  if (expected !== digits[9]) return { ok: false, problem: "checkDigit", expected };
  if (digits.length === 13 && digits.endsWith("000")) return { ok: false, problem: "branchSuffix" };
  return { ok: true, kind: digits.length === 13 ? "branch" : "organisation" };
}

/** The digits a duplicate check compares: "0314409058-002" and "0314409058002" are one tax ID. */
export const taxIdDigits = (value: string): string => value.replace(SEPARATORS, "");

// A personal identification number starts with 0 + the old GSO code of the province of birth registration.
const isPersonalId = (digits: string): boolean => digits[0] === "0" && OLD_PROVINCE_CODES.includes(digits.slice(1, 3));

/**
 * Digits typed as a number in Excel lose their 0; put back only where a rule proves it was there:
 * 9 digits whose 0-prefixed form passes the check digit (100233488 was 0100233488), 11 digits whose
 * 0-prefixed form is a personal identification number (they all start with 0), 12 digits whose
 * 0-prefixed form is a valid branch code (314409058002 was 0314409058002).
 */
export function lostLeadingZero(value: string): boolean {
  if (!/^[1-9]\d+$/.test(value)) return false;
  const restored = `0${value}`;
  if (value.length === 9) return hasValidCheckDigit(restored);
  if (value.length === 11) return isPersonalId(restored);
  if (value.length === 12) return checkTaxId(restored).ok;
  return false;
}
