// A CSV's rows over its packed batches: an async iterator whose unpacked rows can also be taken without a promise each.
import { eachRow } from "./csv-batch.js";
import type { CsvBatch } from "./csv-batch.js";
import type { SheetRow } from "./types.js";

/** Rows from batches; `takeReady` hands over the current batch's rows synchronously (a promise per row cost ~1 µs). */
export class CsvRows implements AsyncIterableIterator<SheetRow> {
  readonly #batches: AsyncIterator<CsvBatch>;
  #current: Iterator<SheetRow> | undefined;

  constructor(batches: AsyncIterable<CsvBatch>) {
    this.#batches = batches[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next row if its batch is in hand; undefined when the next batch must be awaited (with next()). */
  takeReady(): SheetRow | undefined {
    const next = this.#current?.next();
    if (next === undefined || next.done === true) {
      this.#current = undefined;
      return undefined;
    }
    return next.value;
  }

  async next(): Promise<IteratorResult<SheetRow, undefined>> {
    for (;;) {
      const ready = this.takeReady();
      if (ready !== undefined) return { value: ready, done: false };
      const batch = await this.#batches.next();
      if (batch.done === true) return { value: undefined, done: true };
      this.#current = eachRow(batch.value);
    }
  }

  /** Stops reading: the batches' source closes (the worker thread ends, the file is let go). */
  async return(): Promise<IteratorResult<SheetRow, undefined>> {
    this.#current = undefined;
    await this.#batches.return?.();
    return { value: undefined, done: true };
  }
}
