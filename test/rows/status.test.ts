import { describe, expect, it } from "vitest";
import { REPORT_STATUSES, UNDO_STATUSES, countFailing, isFailing, isReportStatus, isWritten } from "../../src/rows/status.js";

describe("row statuses", () => {
  it.each(REPORT_STATUSES)("takes %s from a report's status column (what --only picks)", (status) => {
    expect(isReportStatus(status)).toBe(true);
  });

  it.each([...UNDO_STATUSES, "Failed", " failed", "", undefined, "ok"])("does not take %s as an import report's status", (status) => {
    expect(isReportStatus(status)).toBe(false);
  });

  it("counts invalid and failed rows as the ones that need the user", () => {
    expect(countFailing({ created: 5, invalid: 2, failed: 1, skipped: 3 })).toBe(3);
    expect(countFailing({ created: 5 })).toBe(0);
    expect(["invalid", "failed", "skipped", "would-create"].map(isFailing)).toEqual([true, true, false, false]);
  });

  it("says which statuses mean the import wrote the record (what undo reverses)", () => {
    expect(["created", "replaced", "skipped", "would-create", "restored", undefined].map(isWritten)).toEqual([true, true, false, false, false, false]);
  });
});
