// The report and journal of a run (import, undo): the first write a full disk refuses stops the run, exit 2.
import { ToolError } from "../errors.js";
import type { JournalWriter } from "./journal.js";
import type { RowResult } from "../rows/result.js";
import type { ReportRow, ReportWriter } from "./report.js";
import type { CellMark } from "../spreadsheet/types.js";

export interface RunFiles {
  /** the first write that failed, if any: the run throws it once in-flight rows are done */
  readonly failure: unknown;
  /** the report refused a row: the rows left cannot be reported, so reading them is pointless */
  readonly reportFailed: boolean;
  /** stops the run on `error` (the first one is kept) */
  halt(error: unknown): void;
  /** whether `error` is the journal refusing an entry (a row whose intent it refused was never sent) */
  isJournalFailure(error: unknown): boolean;
  /** a row's line in the report; a failure halts the run instead of throwing */
  report(row: ReportRow, result: RowResult, marks?: CellMark[]): Promise<void>;
  /** a row's final result in the journal; a failure halts the run instead of throwing */
  journal(result: RowResult): Promise<void>;
  /** writes the report and closes the journal (finished only if nothing failed); never throws */
  close(finished: boolean): Promise<void>;
}

export function runFiles(report: ReportWriter, journal: JournalWriter | undefined, stop: AbortController): RunFiles {
  let failure: unknown;
  let reportFailed = false;
  const halt = (error: unknown): void => {
    failure ??= error;
    stop.abort();
  };
  return {
    get failure() {
      return failure;
    },
    get reportFailed() {
      return reportFailed;
    },
    halt,
    isJournalFailure: (error) => error instanceof ToolError && error.code === "E_JOURNAL",
    async report(row, result, marks) {
      if (reportFailed) return;
      await report.write(row, result, marks).catch((error: unknown) => {
        reportFailed = true;
        halt(error);
      });
    },
    async journal(result) {
      // done on the server all the same: its intent is journaled, so the next run confirms it
      await journal?.append({ t: "done", ...result }).catch(halt);
    },
    async close(finished) {
      await report.close().catch(async (error: unknown) => {
        halt(error);
        await report.abort();
      });
      // a run that could not write its report stays open in the journal, for the same command to finish
      await journal?.close(finished && failure === undefined).catch(halt);
    },
  };
}
