// Vietnamese tax IDs (mã số thuế): ten digits, the last one a check digit over the first nine.
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Whether ten digits carry a valid check digit: 10 − (Σ weight × digit mod 11). */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((total, weight, at) => total + weight * Number(digits[at]), 0);
  return 10 - (sum % 11) === Number(digits[9]);
}

/** A 9-digit tax ID that the check digit proves lost its leading 0 (typed as a number in Excel): 100233488 was 0100233488. */
export function lostLeadingZero(value: string): boolean {
  return /^[1-9]\d{8}$/.test(value) && hasValidCheckDigit(`0${value}`);
}
