// A repeated customer_code in one file: the first occurrence is used, later ones are invalid (SPEC "Cells").

export interface DuplicateTracker {
  /** Records the code's first row; for a later occurrence returns that first row. */
  check(customerCode: string, row: number): number | undefined;
}

/**
 * Codes compare exactly (after the cell's trim and NFC): the API treats customer_code as an
 * opaque unique key, so "KH001" and "kh001" may be two customers. Holds one entry per distinct code.
 */
export function createDuplicateTracker(): DuplicateTracker {
  const firstRows = new Map<string, number>();
  return {
    check(customerCode, row) {
      const first = firstRows.get(customerCode);
      if (first !== undefined && first !== row) return first;
      firstRows.set(customerCode, row);
      return undefined;
    },
  };
}
