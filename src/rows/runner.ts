// The one ordered row loop of import and undo: parallel work, results written in input order.
import type { RowResult } from "./result.js";
import type { StatusCounts } from "./status.js";

/** Results are written (and counted) in input order, with at most `maxAhead` rows in memory. */
export interface RowRunnerOptions<Row> {
  /** rows allowed to wait for the report's oldest unwritten row */
  maxAhead: number;
  /** rows started and not yet done: reading waits below it (rows not read yet cost nothing; started ones hold requests and payloads) */
  maxWorking?: number;
  /** filled as rows are written: the run's summary */
  tally: { rows: number; counts: StatusCounts };
  /** writes one row and its result to the report, in input order */
  write(row: Row, result: RowResult): Promise<void>;
  /** the report is about to wait on a row still being worked on (import confirms unknown outcomes at once) */
  beforeWait?: () => void;
  /** that row is done; `all`: the input has ended */
  afterWait?: (all: boolean) => void;
}

export interface RowRunner<Row> {
  /** Queues a row and its result-to-be; writes what is ready. */
  push(row: Row, result: Promise<RowResult>): Promise<void>;
  /** Writes every row left, waiting for each. */
  finish(): Promise<void>;
}

export function createRowRunner<Row>(options: RowRunnerOptions<Row>): RowRunner<Row> {
  const queue: { row: Row; result: Promise<RowResult>; settled: boolean }[] = [];
  const { tally } = options;
  let working = 0;
  let wake: (() => void) | undefined;

  async function drain(all: boolean): Promise<void> {
    while (queue.length > 0 && (all || queue[0]!.settled || queue.length >= options.maxAhead)) {
      const head = queue.shift()!;
      const waiting = !head.settled;
      if (waiting) options.beforeWait?.();
      const result = await head.result;
      if (waiting) options.afterWait?.(all);
      tally.rows += 1;
      tally.counts[result.status] = (tally.counts[result.status] ?? 0) + 1;
      await options.write(head.row, result);
    }
  }

  return {
    async push(row, result) {
      const entry = { row, result, settled: false };
      const done = () => {
        entry.settled = true;
        working -= 1;
        wake?.();
      };
      working += 1;
      void result.then(done, done);
      queue.push(entry);
      if (queue[0]!.settled || queue.length >= options.maxAhead) await drain(false);
      // A long window of started rows lives long enough to reach V8's old space: RSS grew ~1 KB a row.
      if (working >= (options.maxWorking ?? Infinity)) {
        options.beforeWait?.();
        while (working >= options.maxWorking!) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        options.afterWait?.(false);
      }
    },
    finish: () => drain(true),
  };
}

/**
 * Journals a row's final result, so a resumed run does not send it again. Not journaled: plans
 * (`would-*`), `invalid` rows (nothing was sent) and rows failed only because the run stopped
 * (`stopped`): those stay open for the re-run.
 */
export async function journalResult(journal: ((result: RowResult) => Promise<void>) | undefined, result: RowResult, stopped: boolean): Promise<RowResult> {
  const open = result.status.startsWith("would-") || result.status === "invalid" || (result.status === "failed" && stopped);
  if (journal && !open) await journal(result);
  return result;
}
