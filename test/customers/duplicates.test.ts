import { describe, expect, it } from "vitest";
import { createDuplicateTracker } from "../../src/customers/duplicates.js";

describe("createDuplicateTracker", () => {
  it("returns the first row for every later occurrence of a code", () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check("KH001", 12)).toBeUndefined();
    expect(tracker.check("KH002", 13)).toBeUndefined();
    expect(tracker.check("KH001", 14)).toBe(12);
    expect(tracker.check("KH001", 30)).toBe(12);
  });

  it("compares codes exactly, case included", () => {
    const tracker = createDuplicateTracker();
    tracker.check("KH001", 2);
    expect(tracker.check("kh001", 3)).toBeUndefined();
  });

  it("does not call a row a duplicate of itself when checked twice", () => {
    const tracker = createDuplicateTracker();
    tracker.check("KH001", 2);
    expect(tracker.check("KH001", 2)).toBeUndefined();
  });

  it("keeps codes named like Object properties apart", () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check("constructor", 2)).toBeUndefined();
    expect(tracker.check("__proto__", 3)).toBeUndefined();
    expect(tracker.check("__proto__", 4)).toBe(3);
  });
});
