// The row runner: results in input order, and no more rows worked on at once than it was given.
import { describe, expect, it } from "vitest";
import { createRowRunner } from "../../src/rows/runner.js";
import type { RowResult } from "../../src/rows/result.js";
import type { StatusCounts } from "../../src/rows/status.js";

/** lets every promise that can settle now settle */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Rows whose results the test settles by hand, in any order. */
function manualRows() {
  const pending = new Map<number, (result: RowResult) => void>();
  return {
    start(row: number): Promise<RowResult> {
      return new Promise((resolve) => pending.set(row, resolve));
    },
    started: () => [...pending.keys()],
    finish(row: number) {
      pending.get(row)!({ row, status: "created" });
      pending.delete(row);
    },
  };
}

describe("createRowRunner", () => {
  it("stops taking rows while maxWorking are being worked on, and takes the next when one finishes", async () => {
    const rows = manualRows();
    const written: number[] = [];
    const waits: string[] = [];
    const runner = createRowRunner<number>({
      maxAhead: 1000,
      maxWorking: 3,
      tally: { rows: 0, counts: {} as StatusCounts },
      write: async (row) => void written.push(row),
      beforeWait: () => waits.push("before"),
      afterWait: (all) => waits.push(`after ${all}`),
    });
    let read = 0;
    const reading = (async () => {
      for (let row = 1; row <= 6; row++) {
        read = row;
        await runner.push(row, rows.start(row));
      }
      await runner.finish();
    })();
    await settle();
    // the third row fills the window: the fourth is not read until one of the three is done
    expect(rows.started()).toEqual([1, 2, 3]);
    expect(read).toBe(3);
    // the runner said it waits on rows being worked on (import confirms unknown outcomes at once then)
    expect(waits).toEqual(["before"]);
    rows.finish(2);
    await settle();
    expect(rows.started()).toEqual([1, 3, 4]);
    expect(written).toEqual([]);
    for (const row of [1, 3, 4, 5, 6]) {
      rows.finish(row);
      await settle();
    }
    await reading;
    expect(written).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("writes rows in input order whatever order they finish in, and counts them", async () => {
    const rows = manualRows();
    const written: number[] = [];
    const tally = { rows: 0, counts: {} as StatusCounts };
    const runner = createRowRunner<number>({ maxAhead: 1000, tally, write: async (row) => void written.push(row) });
    for (const row of [1, 2, 3]) await runner.push(row, rows.start(row));
    rows.finish(3);
    rows.finish(1);
    await settle();
    const done = runner.finish();
    rows.finish(2);
    await done;
    expect(written).toEqual([1, 2, 3]);
    expect(tally).toEqual({ rows: 3, counts: { created: 3 } });
  });
});
