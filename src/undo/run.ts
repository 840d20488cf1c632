// The undo runner: reverses an import run from its journal, row by row, resumable like an import.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ApiError } from "../api/api-error.js";
import type { PaceReport } from "../api/pace-report.js";
import type { Connection } from "../config.js";
import type { CustomerPayload } from "../customers/types.js";
import { ToolError, isAbortOf } from "../errors.js";
import type { StopReason } from "../errors.js";
import type { Io } from "../io.js";
import { createProgress } from "../output/progress.js";
import { CodeIndex } from "../import/code-index.js";
import { beginRun, findRun, journalPathFor } from "../import/history.js";
import { readInput } from "../customers/read-input.js";
import type { InputTable } from "../customers/read-input.js";
import { JournalWriter, readJournal, rowKey } from "../import/journal.js";
import type { Intent } from "../import/journal.js";
import type { RowResult } from "../rows/result.js";
import { isWritten, parseStatus, statusText } from "../rows/status.js";
import type { StatusCounts } from "../rows/status.js";
import { openReport } from "../import/report.js";
import type { ReportRow } from "../import/report.js";
import { createRowRunner, journalResult } from "../rows/runner.js";
import { runFiles } from "../import/run-files.js";
import { isAuthRejection } from "../api/run-error.js";
import { openSession } from "../api/session.js";
import type { Pacing } from "../api/session.js";
import { withoutServerFields } from "../customers/merge.js";
import { describeChanges, rowSteps } from "./steps.js";
import { refuseOutOfOrder, undoTargets } from "./targets.js";
import { recreate } from "./recreate.js";
import type { UndoTarget } from "./targets.js";
import { headerFor } from "../customers/columns.js";
import { errorText } from "../import/upload.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

export interface UndoOptions {
  report: string;
  /** the import run to reverse (its number in `finan-bulk runs`); the latest when undefined */
  run: number | undefined;
  undoReport: string;
  dryRun: boolean;
  force: boolean;
  connection: Connection;
  pacing: Pacing;
  io: Io;
}

export interface UndoSummary {
  /** the import run reversed */
  run: number;
  rows: number;
  counts: StatusCounts;
  /** rows left alone because the record changed on the server since the import */
  conflicts: number;
  /** replaced rows of a --no-backup run: nothing to restore them from */
  withoutBackup: number;
  /** journal lines that could not be read: what they held was not reversed */
  damaged: number[];
  /** journaled rows the report does not show (in flight at a crash, or the report edited): reported after its rows */
  notInReport: number;
  /** the import's report was not there (an XLSX report is written at the end of a run): the journal alone was used */
  reportMissing: boolean;
  /** when an earlier undo had already reversed this run completely */
  undoneBefore: string | undefined;
  /** the run before this one, if any: what `--run` to give next, newest first */
  earlierRun: number | undefined;
  /** why the import's report could not be read (its header edited away, …): the journal alone was used */
  reportUnreadable: Message | undefined;
  requests: number;
  /** what bounded the requests, and the flag that would help (none for a short run) */
  pace?: PaceReport | undefined;
  elapsedMs: number;
  stopped: StopReason | undefined;
}

/** Reverses an import run from its journal: deletes what it created, PUTs back what it replaced; safe to run twice. */
export async function runUndo(options: UndoOptions): Promise<UndoSummary> {
  const { io } = options;
  const { lang } = io;
  const say = (message: Message) => render(lang, message);
  const started = io.now();
  const { run, runs } = findRun(options.report, options.run);
  const targets = undoTargets(run.state);
  if (!options.force) refuseOutOfOrder(options.report, run, runs, targets);
  // An XLSX report is written at the end: after a kill there is none, and the journal alone says what to reverse.
  let reportUnreadable: Message | undefined;
  // codesOnly: the report of a --mode delete run may hold customer_code or customer_id alone
  const table = existsSync(options.report) ? await readInput(options.report, { codesOnly: true }).catch((error: unknown) => {
    // the report only lends its layout: a report edited past reading does not stop the undo
    if (!(error instanceof ToolError)) throw error;
    reportUnreadable = error.said;
    return undefined;
  }) : undefined;
  const headers = table?.headers ?? [headerFor("general_info.customer_code", lang)];
  const report = await openReport(options.undoReport, headers, "undo", lang, options.report, table?.source.delimiter);
  const journalPath = options.dryRun ? undefined : journalPathFor(options.undoReport);
  const previous = journalPath ? readJournal(journalPath) : undefined;
  const resuming = previous?.header?.command === "undo" && !previous.finished && previous.header.input === resolve(options.report) && (previous.header.undoes ?? run.number) === run.number;
  const openJournal = (path: string) => (resuming ? JournalWriter.resume(path) : beginRun(options.undoReport, { t: "run", version: 1, command: "undo", input: resolve(options.report), mode: options.force ? "force" : "safe", startedAt: new Date(started).toISOString(), undoes: run.number }));
  const journal = journalPath === undefined ? undefined : await openJournal(journalPath).catch(async (error: unknown) => {
    await report.abort();
    throw error;
  });
  // A run being undone is never resumed afterwards: its rows would be reported done while undo deleted them.
  if (!options.dryRun && !run.state.finished) await mark(run.path, { t: "end", finishedAt: new Date().toISOString() });

  const stop = new AbortController();
  const signal = AbortSignal.any([io.signal, stop.signal]);
  const { client, pacer, close } = openSession(options.connection, options.pacing, signal);
  const index = new CodeIndex(client, pacer);
  // A report or journal that cannot be written (a full disk) stops the run: nothing more is sent.
  const files = runFiles(report, journal, stop);
  let listed: Promise<void> | undefined;
  const summary: UndoSummary = { run: run.number, rows: 0, counts: {}, conflicts: 0, withoutBackup: 0, damaged: run.state.damaged, notInReport: 0, reportMissing: table === undefined && reportUnreadable === undefined, reportUnreadable, undoneBefore: run.state.undone, earlierRun: runs.filter((other) => other.number < run.number).at(-1)?.number, requests: 0, elapsedMs: 0, stopped: undefined };
  const progress = createProgress(io, msg(options.dryRun ? "output.progress.planningUndo" : "output.progress.undoing"));
  let finished = false;
  try {
    const runner = createRowRunner<ReportRow>({
      maxAhead: Math.max(64, options.pacing.concurrency * 8),
      tally: summary,
      write: async (row, result) => {
        if (result.reason === "conflict") summary.conflicts += 1;
        if (result.reason === "no-backup") summary.withoutBackup += 1;
        await files.report(row, result);
        progress.update({ done: summary.rows, total: undefined, counts: summary.counts });
      },
    });
    // The report gives the layout; the journal says what to reverse: each target once, matched by its code.
    const pending = new Map(targets);
    for await (const input of table?.rows ?? []) {
      const code = input.outcome.customerCode;
      const target = code === undefined ? undefined : pending.get(rowKey({ row: input.row, customerCode: code }));
      if (target) pending.delete(target.key);
      await runner.push(input, target ? reverse(target, input.row) : Promise.resolve({ row: input.row, status: "skipped", customerCode: code, message: say(run.latest ? nothingToUndo(lang, input.previous.status) : msg("undo.row.otherRun", { run: String(run.number) })) }));
      if (files.reportFailed) break;
    }
    const codeColumn = table ? codeColumnOf(table) : 0;
    for (const target of pending.values()) {
      summary.notInReport += 1;
      const values = headers.map((_, column) => (column === codeColumn ? target.code : undefined));
      if (files.reportFailed) break;
      await runner.push({ values }, reverse(target, target.row));
    }
    await runner.finish();
    if (io.signal.aborted && !summary.stopped) summary.stopped = "interrupted";
    finished = summary.stopped === undefined;
  } finally {
    progress.finish();
    summary.requests = pacer.requestsStarted;
    summary.pace = pacer.pace;
    summary.elapsedMs = io.now() - started;
    await files.close(finished);
    await close();
  }
  if (files.failure !== undefined) throw files.failure;
  const complete = finished && !options.dryRun && (summary.counts.failed ?? 0) === 0 && summary.conflicts === 0 && summary.damaged.length === 0;
  // an earlier run may be undone next without --force once this one is reversed completely
  if (complete) await mark(run.path, { t: "undone", at: new Date().toISOString(), by: options.undoReport });
  return summary;

  function reverse(target: UndoTarget, row: number): Promise<RowResult> {
    const already = resuming ? previous?.done.get(target.key) : undefined;
    if (already) return Promise.resolve({ ...already, row });
    if (signal.aborted) return Promise.resolve(notAttempted(row, target.code));
    return undoRow(row, target, resuming ? previous?.intents.get(target.key) : undefined).then(recordDone);
  }

  /** Journals a final result; a row failed only because the run stopped stays open for the re-run. */
  function recordDone(result: RowResult): Promise<RowResult> {
    return journalResult(files.journal, result, summary.stopped !== undefined || signal.aborted);
  }

  /** The customer a create in flight at a crash made, if the listing holds its code (listed once, when first needed). */
  async function confirmCreated(code: string): Promise<string | undefined> {
    listed ??= index.load();
    await listed;
    return index.get(code);
  }

  /** `sentBefore`: this undo's journal says the write was sent before an interruption. */
  async function undoRow(row: number, target: UndoTarget, sentBefore: Intent | undefined): Promise<RowResult> {
    try {
      if (target.op === "delete" && target.before) {
        return await recreate({ client, pacer, journal, dryRun: options.dryRun, lang, holderOf: confirmCreated, lookup: (code) => index.lookup(code), maxAttempts: options.pacing.retries + 1 }, row, { ...target, before: target.before }, sentBefore);
      }
      const customerId = target.customerId ?? (await confirmCreated(target.code));
      if (customerId === undefined) {
        const message = sentBefore?.op === "delete" ? msg("undo.row.deletedBefore") : msg("undo.row.createNeverApplied");
        return { row, status: sentBefore?.op === "delete" ? "deleted" : "skipped", customerCode: target.code, message: say(message), attempts: 0 };
      }
      const steps = rowSteps(client, pacer, row, target.code, customerId);
      const intent = (op: "delete" | "restore", sent: CustomerPayload | null) => journal?.append({ t: "intent", row, op, code: target.code, customerId, sent });
      const current = await steps.get();
      if (target.op === "create") {
        if (!current) return sentBefore?.op === "delete" ? steps.result("deleted", say(msg("undo.row.deletedBefore"))) : steps.result("skipped", say(msg("undo.row.alreadyDeleted")));
        const changes = target.sent ? describeChanges(target.sent, withoutServerFields(current.data), lang) : "";
        const whose = target.uncertain ? msg("undo.row.maybeSomeoneElses") : msg("undo.row.changedSince");
        if (changes && !options.force) return steps.leftAlone("conflict", say(msg("undo.row.notDeleted", { whose, changes })));
        const why = target.uncertain ? say(msg("undo.row.createdInFlight")) : undefined;
        if (options.dryRun) return steps.result("would-delete", changes ? say(msg("undo.row.wouldDeleteChanged", { changes })) : why);
        await intent("delete", null);
        return steps.result("deleted", why, await steps.remove());
      }
      if (!target.before) return steps.leftAlone("no-backup", say(msg("undo.row.noBackup")));
      if (!current) return steps.result("failed", say(msg("undo.row.deletedSince")));
      const now = withoutServerFields(current.data);
      if (describeChanges(target.before, now, lang) === "") {
        if (sentBefore?.op === "restore") return steps.result("restored", say(msg("undo.row.restoredBefore")));
        return steps.result("skipped", say(target.uncertain ? msg("undo.row.replaceNeverApplied") : msg("undo.row.asBefore")));
      }
      const changes = target.sent ? describeChanges(target.sent, now, lang) : "";
      if (changes && !options.force) return steps.leftAlone("conflict", say(msg("undo.row.notRestored", { changes })));
      if (options.dryRun) return steps.result("would-restore", describeChanges(now, target.before, lang) || undefined);
      await intent("restore", target.before);
      return steps.result("restored", undefined, await steps.put(target.before));
    } catch (error) {
      const auth = isAuthRejection(error);
      if (auth) {
        summary.stopped = "auth";
        stop.abort();
      }
      if (isAbortOf(signal, error)) return notAttempted(row, target.code);
      // the journal refused the intent: nothing was sent for this row
      if (files.isJournalFailure(error)) {
        files.halt(error);
        return notAttempted(row, target.code);
      }
      const failure = error instanceof ApiError ? error : undefined;
      // a 401's row says the server's reason alone: the summary says what to check
      const message = auth ? error.detail ?? error.message : errorText(lang, error);
      return { row, status: "failed", customerCode: target.code, customerId: target.customerId, httpStatus: failure?.status, apiCode: failure?.apiCode, requestId: failure?.requestId, message, attempts: auth ? undefined : failure?.attempts };
    }
  }

  function notAttempted(row: number, code: string): RowResult {
    return { row, status: "failed", customerCode: code, message: say(msg("undo.row.notAttempted")), attempts: 0 };
  }
}

/** Appends one entry to a finished journal (the import run's, from its undo). */
async function mark(path: string, entry: Parameters<JournalWriter["append"]>[0]): Promise<void> {
  const writer = await JournalWriter.resume(path);
  await writer.append(entry);
  await writer.close(false);
}

/** Where the report shows customer_code, for the rows undo adds after the report's own. */
function codeColumnOf(table: InputTable): number {
  const binding = table.bound.bindings.find((candidate) => candidate.field === "general_info.customer_code");
  return binding === undefined ? -1 : table.kept.indexOf(binding.column);
}

/** A row this run did not write. Created or replaced all the same: an --only re-run carried it over. */
function nothingToUndo(lang: Lang, written: string | undefined): Message {
  // the report's status cell, in either language; a word edited into it that is no status is quoted as it is
  const status = parseStatus(written);
  if (isWritten(status)) return msg("undo.row.carried", { status: statusText(lang, status) });
  const said = status === undefined ? written : statusText(lang, status);
  return msg("undo.row.leftAs", { status: said ?? msg("undo.row.unsent") });
}
