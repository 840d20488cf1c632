import { describe, expect, it } from "vitest";
import { RateWindow } from "../../src/api/rate-window.js";
import type { WindowEntry } from "../../src/api/rate-window.js";

/** Starts at `now`, which the pace must allow. */
function startAt(pace: RateWindow, now: number): WindowEntry {
  const entry = pace.tryStart(now);
  if (typeof entry === "number") throw new Error(`the pace refused a start at ${now} ms (wait ${entry} ms)`);
  return entry;
}

/** Starts `count` requests as soon as the pace allows from `from`, each answered `roundTrip` ms later; returns the start times. */
function runFor(pace: RateWindow, count: number, from: number, roundTrip = 0): number[] {
  const starts: number[] = [];
  let now = from;
  for (let i = 0; i < count; i += 1) {
    const wait = pace.tryStart(now);
    if (typeof wait === "number") {
      now += wait;
      i -= 1;
      continue;
    }
    starts.push(now);
    pace.answered(wait, now + roundTrip, true);
  }
  return starts;
}

describe("RateWindow", () => {
  it("spaces starts evenly from the first, with no burst", () => {
    const pace = new RateWindow(20);
    startAt(pace, 0);
    expect(pace.tryStart(0)).toBe(50);
    expect(pace.tryStart(30)).toBe(20);
    expect(pace.started).toBe(1);
  });

  it("spaces from when a start was due, not from a late timer", () => {
    const pace = new RateWindow(20);
    startAt(pace, 0);
    startAt(pace, 57);
    // due at 100, not at 57 + 50
    expect(pace.tryStart(99)).toBe(1);
    startAt(pace, 100);
  });

  it("never waits without a rate", () => {
    const pace = new RateWindow(0);
    for (let i = 0; i < 10_000; i += 1) startAt(pace, 0);
    expect(pace.currentRate).toBe(Number.POSITIVE_INFINITY);
  });

  it("counts a request answered slower than the fastest round trip from its answer", () => {
    const pace = new RateWindow(4);
    // the first answers teach nothing (cold start): a round trip of 100 ms for all
    const starts = runFor(pace, 70, 0, 100);
    expect(starts.at(-1)).toBeGreaterThan(0);
    const now = (starts.at(-1) ?? 0) + 1000;
    const held = startAt(pace, now);
    runFor(pace, 3, now, 100);
    // The held one answers 700 ms later than the fastest: the server may have counted it after the
    // 2nd (at +255), so the 5th waits for a second after that one. Counted at its start, +1000 would do.
    pace.answered(held, now + 800, true);
    expect(pace.tryStart(now + 800)).toBe(455);
  });

  it("a burst of 429s lowers the rate once, below what the server served in the last second", () => {
    const pace = new RateWindow(100);
    const starts = runFor(pace, 30, 0, 5);
    const now = (starts.at(-1) ?? 0) + 10;
    pace.throttled(now, undefined);
    expect(pace.currentRate).toBeCloseTo(27);
    for (let i = 1; i < 8; i += 1) pace.throttled(now + i, undefined);
    expect(pace.currentRate).toBeCloseTo(27);
  });

  it("pauses every start for Retry-After", () => {
    const pace = new RateWindow(10);
    pace.answered(startAt(pace, 0), 5, true);
    pace.throttled(10, 3000);
    expect(pace.tryStart(10)).toBe(3000);
    startAt(pace, 3010);
  });

  it("recovers quickly to just below where the server pushed back, and past it only 30 s later", () => {
    const pace = new RateWindow(100);
    const starts = runFor(pace, 40, 0, 5);
    const pushedAt = (starts.at(-1) ?? 0) + 10;
    pace.throttled(pushedAt, undefined);
    const lowered = pace.currentRate;
    runFor(pace, 200, pushedAt + 1000, 5);
    expect(pace.currentRate).toBeGreaterThan(lowered);
    expect(pace.currentRate).toBeLessThanOrEqual(40 * 0.95);
    runFor(pace, 400, pushedAt + 31_000, 5);
    expect(pace.currentRate).toBe(100);
  });
});
