// The import runner: read, map, plan, upload and report each row, in input order, resumable from its journal.
import { resolve } from "node:path";
import { ApiError } from "../api/api-error.js";
import type { PaceReport } from "../api/pace-report.js";
import type { Connection } from "../config.js";
import { ToolError, describeError, isAbortOf } from "../errors.js";
import type { StopReason } from "../errors.js";
import type { Io } from "../io.js";
import { createProgress, createProgressLine } from "../output/progress.js";
import { CodeIndex } from "./code-index.js";
import { CodeTable } from "../customers/code-table.js";
import { duplicateTrackerIn } from "../customers/duplicates.js";
import { countRecords, readInput } from "../customers/read-input.js";
import type { InputOptions, InputRow, InputTable } from "../customers/read-input.js";
import { JournalWriter, assertReadable, readJournal, rowKey } from "./journal.js";
import { ResumeState } from "./resume-state.js";
import type { RowResult } from "../rows/result.js";
import { isReportStatus, statusText } from "../rows/status.js";
import type { RowStatus, StatusCounts } from "../rows/status.js";
import { beginRun, journalPathFor } from "./history.js";
import { runFiles } from "./run-files.js";
import { REPORT_COLUMNS, defaultReportPath, openReport } from "./report.js";
import { reportFit } from "./report-limits.js";
import { carriedResult, marksFor, withWarnings } from "../rows/result.js";
import { authRowSaid, authStopSaid, isAuthRejection, toRunError } from "../api/run-error.js";
import { openSession } from "../api/session.js";
import type { Pacing } from "../api/session.js";
import { createRowRunner, journalResult } from "../rows/runner.js";
import { createUploader, errorText } from "./upload.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { ImportMode, RowJob } from "./upload.js";
import { createDeleter } from "./delete.js";
import { planRow } from "./row-plan.js";

export interface ImportOptions {
  input: string;
  report: string;
  inputOptions: InputOptions;
  mode: ImportMode;
  dryRun: boolean;
  backup: boolean;
  /** --allow-delete: without it, rows that would delete are invalid */
  allowDelete?: boolean;
  /** re-run only rows of an earlier report with these statuses */
  only: Set<RowStatus> | undefined;
  connection: Connection;
  pacing: Pacing;
  io: Io;
}

export interface ImportSummary {
  input: string;
  report: string;
  journal: string | undefined;
  rows: number;
  counts: StatusCounts;
  warnings: Message[];
  requests: number;
  /** what bounded the requests, and the flag that would help (none for a short run) */
  pace?: PaceReport | undefined;
  elapsedMs: number;
  resumed: boolean;
  /** why the run stopped before the end, if it did */
  stopped: StopReason | undefined;
  stopReason: Message | undefined;
  /** rows done before an interruption and edited in the file since: the server holds the earlier values */
  changedSinceSent: number;
  /** codes created or replaced before the interruption that the file no longer has: left on the server, undo reverses them */
  goneSinceSent: string[];
  /** a dry run's planned replaces that would clear fields on the server */
  wouldClear: number;
}


/** read → map → validate → plan → upload → report, in input order, with bounded memory. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { io } = options;
  const started = io.now();
  // The whole file is read before any request, so a file broken far down sends nothing; on this
  // thread, as nothing else runs meanwhile (a worker would only add its start and copies).
  const fit = reportFit(options.report, options.input);
  const total = await countRecords(options.input, { ...options.inputOptions, csvWorker: false }, fit?.measure);
  // the server's codes and the file's first rows in one table: a million codes kept once. The rows
  // are parsed on this thread too: an import waits on the network, and a worker's heap is ~20 MB of RSS.
  const codes = new CodeTable();
  const table = await readInput(options.input, { ...options.inputOptions, duplicates: duplicateTrackerIn(codes), csvWorker: false });
  try {
    fit?.check(table.headers.length + REPORT_COLUMNS.import.length, total);
  } catch (error) {
    await closeInput(table);
    throw error;
  }
  if (options.only && table.bound.statusColumn === undefined) {
    await closeInput(table);
    throw new ToolError("E_USAGE", msg("import.only.notReport", { input: options.input }), { hint: msg("import.only.notReportHint", { report: defaultReportPath(options.input) }) });
  }
  const journalPath = options.dryRun ? undefined : journalPathFor(options.report);
  let previous: ResumeState | undefined;
  try {
    previous = journalPath ? resumable(journalPath, options) : undefined;
  } catch (error) {
    await closeInput(table);
    throw error;
  }
  const stop = new AbortController();
  const signal = AbortSignal.any([io.signal, stop.signal]);
  const { client, pacer, close } = openSession(options.connection, options.pacing, signal);
  const index = new CodeIndex(client, pacer, undefined, codes);
  const listing = createProgressLine(io.stderr, io.isTTY, io.now, io.lang);
  index.onPage = ({ listed, total }) => listing.update({ phase: "listing", done: listed, ...(total === undefined ? {} : { total }) });
  // List first: a run that cannot reach the server or is refused leaves the last report and journal as they were.
  try {
    await index.load();
  } catch (error) {
    // Ctrl-C during the listing (in a request, or in a Retry-After wait before one): every row is
    // reported not attempted (exit 130), as at any other time.
    if (!io.signal.aborted) {
      await close();
      await closeInput(table);
      throw toRunError(error, {
        doing: msg("import.listing.doing"),
        consequence: msg("import.listing.nothingSent"),
        clientId: options.connection.clientId,
        apiFailure: { said: (reason) => msg("import.listing.failed", { reason }), hint: msg("import.listing.failedHint") },
      });
    }
  } finally {
    // Only the first listing draws: later ones run beside the import's own progress line.
    index.onPage = undefined;
    listing.clear();
  }
  const giveUp = async (error: unknown): Promise<never> => {
    await close();
    await closeInput(table);
    throw error;
  };
  const report = await openReport(options.report, table.headers, "import", io.lang, options.input, table.source.delimiter).catch(giveUp);
  const journal = journalPath === undefined ? undefined : await openJournal(journalPath).catch(async (error: unknown) => {
    await report.abort();
    return giveUp(error);
  });
  const uploader = createUploader({ client, pacer, index, mode: options.mode, dryRun: options.dryRun, backup: options.backup, maxAttempts: options.pacing.retries + 1, journal, lang: io.lang });
  const remove = createDeleter({ client, pacer, index, dryRun: options.dryRun, journal, lang: io.lang });
  // delete rows read only their code and id: the other cells' problems are not theirs to mark
  const readsCodeOnly = new WeakSet<InputRow>();
  let hiddenRows = 0;
  const summary: ImportSummary = { input: options.input, report: options.report, journal: journalPath, rows: 0, counts: {}, warnings: [...table.warnings], requests: 0, elapsedMs: 0, resumed: previous !== undefined, stopped: undefined, stopReason: undefined, changedSinceSent: 0, goneSinceSent: [], wouldClear: 0 };
  const progress = createProgress(io, msg(options.dryRun ? "output.progress.planning" : "output.progress.importing"));
  let finished = false;
  // A report or journal that cannot be written (a full disk) stops the run: nothing more is sent.
  const files = runFiles(report, journal, stop);

  try {
    // Rows may finish well ahead of the report while a few wait to be confirmed by a listing; a
    // quarter of a million cells at most, so a sheet thousands of columns wide keeps memory bounded.
    const rowsAhead = Math.max(2048, options.pacing.concurrency * 64);
    const runner = createRowRunner<InputRow>({
      maxAhead: Math.max(options.pacing.concurrency * 2, Math.min(rowsAhead, Math.floor(250_000 / Math.max(1, table.headers.length)))),
      // enough to keep every request slot busy while others wait on the journal or a confirmation
      maxWorking: Math.max(64, options.pacing.concurrency * 4),
      tally: summary,
      // The report is about to wait on its oldest row: confirm unknown outcomes now, not later.
      beforeWait: () => {
        index.eager = true;
        index.flush();
      },
      afterWait: (all) => (index.eager = all),
      write: async (input, result) => {
        await files.report(input, result, readsCodeOnly.has(input) ? [] : marksFor(input, table.kept, io.lang));
        progress.update({ done: summary.rows, total, counts: summary.counts });
      },
    });
    for await (const input of table.rows) {
      if (previous && input.outcome.customerCode !== undefined) previous.markSeen(rowKey({ row: input.row, customerCode: input.outcome.customerCode }));
      await runner.push(input, settle(input, previous));
      // with no report to write, the rows left cannot be reported: stop reading them
      if (files.reportFailed) break;
    }
    for (const done of previous?.goneSinceSent() ?? []) summary.goneSinceSent.push(done.customerCode ?? `row ${done.row}`);
    await runner.finish();
    if (hiddenRows > 0) summary.warnings.push(msg("actions.warning.hidden", { count: hiddenRows }));
    finished = summary.stopped === undefined && !io.signal.aborted;
    if (io.signal.aborted && !summary.stopped) summary.stopped = "interrupted";
  } finally {
    progress.finish();
    summary.requests = pacer.requestsStarted;
    summary.wouldClear = uploader.rowsClearing;
    summary.pace = pacer.pace;
    summary.elapsedMs = io.now() - started;
    await files.close(finished);
    await close();
    previous?.close();
  }
  if (files.failure !== undefined) throw files.failure;
  return summary;

  function openJournal(path: string): Promise<JournalWriter> {
    if (previous) return JournalWriter.resume(path);
    return beginRun(options.report, { t: "run", version: 1, command: "import", input: resolve(options.input), mode: options.mode, startedAt: new Date(started).toISOString() });
  }

  /** One row to its result (a promise: sending rows run in parallel, results are reported in order). */
  function settle(input: InputRow, resumeState: ResumeState | undefined): Promise<RowResult> {
    const { outcome } = input;
    const earlier = input.previous.status;
    if (options.only && !(isReportStatus(earlier) && options.only.has(earlier)) && !neverSent(earlier, options.dryRun)) {
      return Promise.resolve(carriedResult(input));
    }
    const plan = planRow(input, { mode: options.mode, allowDelete: options.allowDelete === true, lang: io.lang });
    if (plan.kind === "delete" || (plan.kind === "done" && plan.deleting)) readsCodeOnly.add(input);
    if (plan.kind === "done") {
      if (plan.hidden) hiddenRows += 1;
      return Promise.resolve(plan.result);
    }
    // Rows are known by their code, not their position: rows inserted, deleted or moved since the interruption change nothing.
    const key = rowKey({ row: input.row, customerCode: outcome.customerCode });
    const done = resumeState?.done(key);
    if (done) {
      // edited in the file since it was sent: say so rather than report values the server does not hold
      if (plan.kind === "write" && plan.mode !== "merge" && resumeState?.sentOtherThan(key, plan.outcome.payload)) {
        summary.changedSinceSent += 1;
        return Promise.resolve({ ...done, row: input.row, message: render(io.lang, msg("import.row.changedSince", { status: statusText(io.lang, done.status) })) });
      }
      return Promise.resolve({ ...done, row: input.row });
    }
    if (signal.aborted) return Promise.resolve(notAttempted(input));
    const intent = resumeState?.intent(key);
    if (plan.kind === "delete") {
      const resumeId = intent?.op === "delete" ? intent.customerId : undefined;
      return remove({ ...plan.job, resumeId }).catch((error: unknown) => failure(input, error)).then(record);
    }
    const job: RowJob = { row: input.row, customerCode: plan.outcome.customerCode, payload: plan.outcome.payload, groups: plan.outcome.groups, mode: plan.mode, ...(plan.outcome.defaulted ? { defaulted: plan.outcome.defaulted } : {}), ...(plan.outcome.filled ? { filled: plan.outcome.filled } : {}) };
    if (intent) {
      if (intent.op === "replace" && intent.customerId && intent.sent) job.resumeReplace = { customerId: intent.customerId, before: intent.before, sent: intent.sent };
      if (intent.op === "create") job.sentBefore = true;
    }
    return uploader
      .process(job)
      .catch((error: unknown) => failure(input, error))
      .then((result) => record(withWarnings(result, plan.outcome, io.lang)));
  }

  /** Journals a final result; a row failed only because the run stopped stays open for the re-run. */
  function record(result: RowResult): Promise<RowResult> {
    return journalResult(files.journal, result, summary.stopped !== undefined || signal.aborted);
  }

  function failure(input: InputRow, error: unknown): RowResult {
    const code = input.outcome.customerCode;
    if (isAuthRejection(error)) {
      if (!summary.stopped) {
        summary.stopped = "auth";
        summary.stopReason = authStopSaid(error, input.row);
        stop.abort();
      }
      return { row: input.row, status: "failed", customerCode: code, httpStatus: error.status, apiCode: error.apiCode, requestId: error.requestId, message: render(io.lang, authRowSaid(error)), attempts: 1 };
    }
    if (isAbortOf(signal, error)) return notAttempted(input);
    // the journal could not take the row's intent: nothing was sent for it
    if (files.isJournalFailure(error)) {
      files.halt(error);
      return notAttempted(input);
    }
    return { row: input.row, status: "failed", customerCode: code, message: render(io.lang, msg("import.row.unconfirmed", { reason: errorText(io.lang, error) })), attempts: error instanceof ApiError ? error.attempts : undefined };
  }

  function notAttempted(input: InputRow): RowResult {
    const why =
      summary.stopped === "auth" ? msg("import.row.stoppedAuth")
      : files.failure !== undefined ? msg("import.row.stoppedBy", { reason: describeError(files.failure, io.lang).split("\n")[0]! })
      : msg("import.row.interrupted");
    return { row: input.row, status: "failed", customerCode: input.outcome.customerCode, message: render(io.lang, msg("import.row.notAttempted", { why })), attempts: 0 };
  }
}

/**
 * The unfinished run this command continues, if the report's journal holds one. An unfinished run
 * of another file or another --mode is refused: starting afresh would set its journal aside, and
 * the customers it created would show in the new report as skipped ("already exists"), out of
 * reach of `undo` of either report.
 */
function resumable(path: string, options: ImportOptions): ResumeState | undefined {
  // its rows only when this run continues it: a finished run's are not needed, however many they are
  const state = readJournal(path, { entries: false });
  if (!state.header || state.finished) return undefined;
  assertReadable(path, state, msg("import.journal.moveAside"));
  const { input, mode, startedAt } = state.header;
  if (state.header.command === "import" && input === resolve(options.input) && mode === options.mode) return ResumeState.read(path);
  const then = startedAt ? msg("import.journal.thenStarted", { input, mode, startedAt }) : msg("import.journal.then", { input, mode });
  throw new ToolError("E_JOURNAL", msg("import.journal.otherRun", { report: options.report, then }), { hint: msg("import.journal.otherRunHint", { mode }) });
}

/** Stops reading a table that will not be iterated (a CSV parsed on a worker would keep the process alive). */
async function closeInput(table: InputTable): Promise<void> {
  await table.source.rows[Symbol.asyncIterator]().return?.();
}

/**
 * A validate report's `valid` and a dry run's would-create / would-replace say a row was never
 * sent: --only never carries them over (it would report rows that never reached the server), it
 * runs them (a dry run re-plans only the valid ones).
 */
function neverSent(status: string | undefined, dryRun: boolean): boolean {
  return status === "valid" || (!dryRun && (status === "would-create" || status === "would-replace" || status === "would-delete"));
}
