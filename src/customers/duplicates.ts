// A repeated customer_code in one file: the first occurrence is used, later ones are invalid (SPEC "Cells").
import { CodeTable } from "./code-table.js";

export interface DuplicateTracker {
  /** Records the code's first row; for a later occurrence returns that first row. */
  check(customerCode: string, row: number): number | undefined;
}

/**
 * Codes compare exactly (after the cell's trim and NFC): the API treats customer_code as an
 * opaque unique key, so "KH001" and "kh001" may be two customers. Holds one entry per distinct code
 * off the JS heap (code-table.ts): a million codes as strings in a Map took ~90 MB of heap that every
 * major GC walked.
 */
export function createDuplicateTracker(): DuplicateTracker {
  const firstRows = new CodeTable();
  return {
    check(customerCode, row) {
      const first = firstRows.getOrSet(customerCode, row);
      return first === row ? undefined : first;
    },
  };
}

/**
 * The same check kept as marks in a table that holds the codes for another purpose (an import's
 * index of the server's codes): a million-row file then stores its codes once, not twice.
 */
export function duplicateTrackerIn(table: CodeTable): DuplicateTracker {
  return { check: (customerCode, row) => table.markOnce(customerCode, row) };
}
