// CsvRows: the rows of packed batches, awaited a batch at a time and taken synchronously within one.
import { describe, expect, it } from "vitest";
import { BatchPacker } from "../../src/spreadsheet/csv-batch.js";
import type { CsvBatch } from "../../src/spreadsheet/csv-batch.js";
import { CsvRows } from "../../src/spreadsheet/csv-rows.js";

function batchOf(first: number, count: number): CsvBatch {
  const packer = new BatchPacker();
  for (let row = first; row < first + count; row++) packer.add([`KH${row}`], row);
  return packer.take();
}

/** Rows 2–4 and 5–6 in two batches; `closed` tells whether the source was closed. */
function twoBatches(): { batches: AsyncGenerator<CsvBatch>; closed: () => boolean } {
  let closed = false;
  async function* batches() {
    try {
      yield batchOf(2, 3);
      yield batchOf(5, 2);
    } finally {
      closed = true;
    }
  }
  return { batches: batches(), closed: () => closed };
}

describe("CsvRows", () => {
  it("hands over the rows of the batch in hand without awaiting, and says when the next must be awaited", async () => {
    const { batches, closed } = twoBatches();
    const rows = new CsvRows(batches);
    expect(rows.takeReady()).toBeUndefined(); // nothing read yet
    expect((await rows.next()).value).toMatchObject({ row: 2 });
    expect([rows.takeReady()?.row, rows.takeReady()?.row, rows.takeReady()]).toEqual([3, 4, undefined]);
    const seen: number[] = [];
    for await (const row of rows) seen.push(row.row);
    expect(seen).toEqual([5, 6]);
    expect(closed()).toBe(true);
  });

  it("closes its batches when the reader stops early", async () => {
    const { batches, closed } = twoBatches();
    for await (const row of new CsvRows(batches)) if (row.row === 3) break;
    expect(closed()).toBe(true);
  });
});
