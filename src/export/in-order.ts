// Concurrent work yielded in source order, with a bounded number of results started ahead.

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Starts `work` for up to `ahead` items beyond the one being yielded and yields the results in
 * the source's order, so memory holds at most `ahead` results however long the source is. The
 * first failure is thrown when its turn comes; work already started is left to settle (the
 * caller stops it, e.g. by aborting the pacer), and no rejection is ever left unhandled.
 */
export async function* mapInOrder<T, R>(source: AsyncIterable<T> | Iterable<T>, work: (item: T) => Promise<R>, ahead: number): AsyncGenerator<R> {
  const iterator: AsyncIterator<T> | Iterator<T> = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  const queue: Promise<Settled<R>>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && queue.length < Math.max(1, ahead)) {
        const next = await iterator.next();
        if (next.done) exhausted = true;
        else queue.push(settle(work, next.value));
      }
      const head = queue.shift();
      if (!head) return;
      const result = await head;
      if (!result.ok) throw result.error;
      yield result.value;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

function settle<T, R>(work: (item: T) => Promise<R>, item: T): Promise<Settled<R>> {
  return work(item).then(
    (value): Settled<R> => ({ ok: true, value }),
    (error: unknown): Settled<R> => ({ ok: false, error }),
  );
}
