import { resolve } from "node:path";
import type { ApiResponse, FinanClient } from "../api/client.js";
import { Interrupted, PacedFailure } from "../api/pacer.js";
import type { Pacer } from "../api/pacer.js";
import type { Connection } from "../config.js";
import { headerFor } from "../customers/columns.js";
import { diffPayload } from "../customers/merge.js";
import type { CustomerPayload } from "../customers/types.js";
import { ToolError } from "../errors.js";
import type { Io } from "../io.js";
import { createProgress } from "../output/progress.js";
import { readInput } from "./input.js";
import { JournalWriter, readJournal } from "./journal.js";
import type { JournalEntry, JournalState, RowResult } from "./journal.js";
import { openReport } from "./report.js";
import { runFiles } from "./run-files.js";
import { journalPathFor } from "./run.js";
import { AuthRejected, openSession, rowRequests } from "../api/session.js";
import type { Pacing } from "../api/session.js";
import { stripServerFields } from "./upload.js";

export interface UndoOptions {
  report: string;
  undoReport: string;
  dryRun: boolean;
  force: boolean;
  connection: Connection;
  pacing: Pacing;
  io: Io;
}

export interface UndoSummary {
  rows: number;
  counts: Record<string, number>;
  /** rows left alone because the record changed on the server since the import */
  conflicts: number;
  /** replaced rows of a --no-backup run: nothing to restore them from */
  withoutBackup: number;
  requests: number;
  elapsedMs: number;
  stopped: "auth" | "interrupted" | undefined;
}

type Intent = Extract<JournalEntry, { t: "intent" }>;

/** What the import did to one row, from its journal: the only record of before-images. */
interface Done {
  op: "create" | "replace";
  customerId: string;
  sent: CustomerPayload | null;
  before: CustomerPayload | undefined;
}

/** Reverses an import: deletes what it created, PUTs back what it replaced; safe to run twice. */
export async function runUndo(options: UndoOptions): Promise<UndoSummary> {
  const { io } = options;
  const started = io.now();
  const importJournal = readJournal(journalPathFor(options.report));
  if (!importJournal.header) {
    throw new ToolError("E_JOURNAL", `No import journal beside ${options.report} (looked for ${journalPathFor(options.report)}).`, {
      hint: "undo needs the journal that the import wrote next to its report; it is not made by --dry-run.",
    });
  }
  const done = importedRows(importJournal);
  const table = await readInput(options.report);
  const report = await openReport(options.undoReport, table.headers, "undo", options.report, table.source.delimiter);
  const journalPath = options.dryRun ? undefined : journalPathFor(options.undoReport);
  const previous = journalPath ? readJournal(journalPath) : undefined;
  const resuming = previous?.header?.command === "undo" && !previous.finished && previous.header.input === resolve(options.report);
  const openJournal = (path: string) => (resuming ? JournalWriter.resume(path) : JournalWriter.create(path, { t: "run", version: 1, command: "undo", input: resolve(options.report), mode: options.force ? "force" : "safe", startedAt: new Date(started).toISOString() }));
  const journal = journalPath === undefined ? undefined : await openJournal(journalPath).catch(async (error: unknown) => {
    await report.abort();
    throw error;
  });

  const stop = new AbortController();
  const signal = AbortSignal.any([io.signal, stop.signal]);
  const { client, pacer, close } = openSession(options.connection, options.pacing, signal);
  // A report or journal that cannot be written (a full disk) stops the run: nothing more is sent.
  const files = runFiles(report, journal, stop);
  const summary: UndoSummary = { rows: 0, counts: {}, conflicts: 0, withoutBackup: 0, requests: 0, elapsedMs: 0, stopped: undefined };
  const progress = createProgress(io, options.dryRun ? "Planning undo" : "Undoing");
  let finished = false;
  try {
    const queue: { values: (string | undefined)[]; result: Promise<RowResult> }[] = [];
    const drain = async (all: boolean) => {
      while (queue.length > 0 && (all || queue.length >= Math.max(64, options.pacing.concurrency * 8))) {
        const head = queue.shift()!;
        const result = await head.result;
        summary.rows += 1;
        summary.counts[result.status] = (summary.counts[result.status] ?? 0) + 1;
        if (result.message?.includes("--force")) summary.conflicts += 1;
        if (result.message === NO_BACKUP) summary.withoutBackup += 1;
        await files.report(head, result);
        progress.update({ done: summary.rows, total: undefined, counts: summary.counts });
      }
    };
    for await (const input of table.rows) {
      const already = resuming ? previous?.done.get(input.row) : undefined;
      const target = done.get(input.row);
      let result: Promise<RowResult>;
      if (already) result = Promise.resolve(already);
      else if (!target) result = Promise.resolve({ row: input.row, status: "skipped", message: nothingToUndo(input.previous.status) });
      else if (signal.aborted) result = Promise.resolve(notAttempted(input.row));
      else result = undoRow(input.row, target, resuming ? previous?.intents.get(input.row) : undefined).then(recordDone);
      queue.push({ values: input.values, result });
      await drain(false);
      if (files.reportFailed) break;
    }
    await drain(true);
    if (io.signal.aborted && !summary.stopped) summary.stopped = "interrupted";
    finished = summary.stopped === undefined;
  } finally {
    progress.finish();
    summary.requests = pacer.requestsStarted;
    summary.elapsedMs = io.now() - started;
    await files.close(finished);
    await close();
  }
  if (files.failure !== undefined) throw files.failure;
  return summary;

  /** Journals a final result; a row failed only because the run stopped stays open for the re-run. */
  async function recordDone(result: RowResult): Promise<RowResult> {
    const stoppedRow = result.status === "failed" && (summary.stopped !== undefined || signal.aborted);
    if (!result.status.startsWith("would-") && !stoppedRow) await files.journal(result);
    return result;
  }

  /** `sentBefore`: this run's journal says the write was sent before an interruption. */
  async function undoRow(row: number, target: Done, sentBefore: Intent | undefined): Promise<RowResult> {
    const steps = rowSteps(client, pacer, row, target.customerId);
    const intent = (op: "delete" | "restore", sent: CustomerPayload | null) =>
      journal?.append({ t: "intent", row, op, code: target.sent?.general_info.customer_code ?? "", customerId: target.customerId, sent });
    try {
      const current = await steps.get();
      if (target.op === "create") {
        if (!current) return sentBefore?.op === "delete" ? steps.result("deleted", "deleted before the interruption") : steps.result("skipped", "already deleted");
        const changes = target.sent ? describeChanges(target.sent, stripServerFields(current.data)) : "";
        if (changes && !options.force) return steps.result("skipped", `changed on the server since the import (${changes}): not deleted; use --force to delete anyway`);
        if (options.dryRun) return steps.result("would-delete", changes ? `changed since the import (${changes}); --force deletes it` : undefined);
        await intent("delete", null);
        return steps.result("deleted", undefined, await steps.remove());
      }
      if (!target.before) return steps.result("skipped", NO_BACKUP);
      if (!current) return steps.result("failed", "the customer was deleted since the import: nothing to restore");
      const now = stripServerFields(current.data);
      if (describeChanges(target.before, now) === "") {
        return sentBefore?.op === "restore" ? steps.result("restored", "restored before the interruption") : steps.result("skipped", "already as it was before the import");
      }
      const changes = target.sent ? describeChanges(target.sent, now) : "";
      if (changes && !options.force) return steps.result("skipped", `changed on the server since the import (${changes}): not restored; use --force to restore anyway`);
      if (options.dryRun) return steps.result("would-restore", describeChanges(now, target.before) || undefined);
      await intent("restore", target.before);
      return steps.result("restored", undefined, await steps.put(target.before));
    } catch (error) {
      const api = error instanceof AuthRejected ? error.error : undefined;
      if (api) {
        summary.stopped = "auth";
        stop.abort();
      }
      if (error instanceof Interrupted) return notAttempted(row);
      // the journal refused the intent: nothing was sent for this row
      if (files.isJournalFailure(error)) {
        files.halt(error);
        return notAttempted(row);
      }
      const failure = error instanceof PacedFailure ? error : undefined;
      return { row, status: "failed", customerId: target.customerId, httpStatus: failure?.error.status ?? api?.status, apiCode: failure?.error.apiCode ?? api?.apiCode, requestId: failure?.error.requestId ?? api?.requestId, message: error instanceof Error ? error.message : String(error), attempts: steps.attempts() };
    }
  }

  function notAttempted(row: number): RowResult {
    return { row, status: "failed", message: "not attempted: the run stopped; run the same command again to continue", attempts: 0 };
  }
}

/** The rows an import created or replaced, with what it sent and (for a replace) the record before. */
function importedRows(state: JournalState): Map<number, Done> {
  const rows = new Map<number, Done>();
  for (const [row, result] of state.done) {
    if (!result.customerId || (result.status !== "created" && result.status !== "replaced")) continue;
    const intent: Intent | undefined = state.intents.get(row);
    rows.set(row, { op: result.status === "created" ? "create" : "replace", customerId: result.customerId, sent: intent?.sent ?? null, before: intent?.op === "replace" ? intent.before : undefined });
  }
  return rows;
}

function describeChanges(expected: CustomerPayload, actual: CustomerPayload): string {
  const { changed, cleared } = diffPayload(expected, actual);
  return [...changed, ...cleared].map((field) => `${headerFor(field, "en")} (${field})`).join(", ");
}

function rowSteps(client: FinanClient, pacer: Pacer, row: number, customerId: string) {
  const requests = rowRequests(pacer);
  return {
    attempts: () => requests.attempts,
    async get() {
      try {
        return await requests.send(() => client.getCustomer(customerId), true);
      } catch (error) {
        if (error instanceof PacedFailure && error.error.status === 404) return undefined;
        throw error;
      }
    },
    async remove() {
      try {
        return await requests.send(() => client.deleteCustomer(customerId), true);
      } catch (error) {
        // A retried DELETE whose first attempt was applied finds nothing left: that is done.
        if (error instanceof PacedFailure && error.error.status === 404 && requests.attempts > 1) return undefined;
        throw error;
      }
    },
    put: (payload: CustomerPayload) => requests.send(() => client.replaceCustomer(customerId, payload), true),
    result(status: string, message: string | undefined, response: ApiResponse<unknown> | undefined = requests.last): RowResult {
      return { row, status, customerId, httpStatus: response?.status, apiCode: response?.apiCode, requestId: response?.requestId, message, attempts: requests.attempts };
    },
  };
}

const NO_BACKUP = "no backup of the record before the import (it ran with --no-backup): cannot restore";

/** A row this run did not write. Created or replaced all the same: an --only re-run carried it over. */
function nothingToUndo(status: string | undefined): string {
  if (status === "created" || status === "replaced") {
    return `nothing to undo in this run: it did not send this row, whose result (${status}) came over from the earlier report it re-ran with --only; undo that report to undo this row`;
  }
  return `nothing to undo: the import left this row ${status ?? "unsent"}`;
}
