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

  it("tells 100,000 distinct codes apart and finds each repeat's first row", () => {
    const tracker = createDuplicateTracker();
    const code = (i: number) => `KH${String(i).padStart(6, "0")}`;
    for (let i = 0; i < 100_000; i++) expect(tracker.check(code(i), i + 2)).toBeUndefined();
    for (let i = 0; i < 100_000; i += 997) expect(tracker.check(code(i), 200_000 + i)).toBe(i + 2);
  });

  it.each([
    ["Vietnamese", "Mã-Đặng-Ánh", "Mã-Đặng-Anh"],
    ["a code longer than 65,535 characters", "x".repeat(70_000), `${"x".repeat(69_999)}y`],
    ["codes that differ only in length", "KH1", "KH1 "],
  ])("keeps %s exact", (_name, code, other) => {
    const tracker = createDuplicateTracker();
    expect(tracker.check(code, 2)).toBeUndefined();
    expect(tracker.check(other, 3)).toBeUndefined();
    expect(tracker.check(code, 4)).toBe(2);
    expect(tracker.check(other, 5)).toBe(3);
  });
});
