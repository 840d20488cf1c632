// What an import run did to each customer, read from its journal: what undo reverses.
import type { CustomerPayload } from "../customers/types.js";
import { ToolError } from "../errors.js";
import type { RunInfo } from "../import/history.js";
import type { Intent, JournalState } from "../import/journal.js";
import type { RowResult } from "../rows/result.js";
import { isWritten } from "../rows/status.js";
import { msg } from "../i18n/text.js";

/** What an import run did (or may have done) to one customer, from its journal: what undo reverses. */
export interface UndoTarget {
  key: string;
  code: string;
  /** the row number in the import's input, for rows the report does not show */
  row: number;
  /** delete: the import deleted the customer (undo creates it again from `before`) */
  op: "create" | "replace" | "delete";
  /** unknown for a create in flight at a crash: the listing tells */
  customerId: string | undefined;
  sent: CustomerPayload | null;
  before: CustomerPayload | undefined;
  /** the write was sent but its outcome never journaled (in flight at a crash, or failed without an answer) */
  uncertain: boolean;
}

/**
 * Everything the journal says the run created or replaced, and every write it sent without
 * learning the outcome, keyed by customer_code, in the order of the input's rows.
 */
export function undoTargets(state: JournalState): Map<string, UndoTarget> {
  const targets: UndoTarget[] = [];
  for (const [key, intent] of state.intents) {
    const done = state.done.get(key);
    if (intent.op === "delete") {
      const target = deleteTarget(key, intent, done);
      if (target) targets.push(target);
      continue;
    }
    if (intent.op !== "create" && intent.op !== "replace") continue;
    const applied = isWritten(done?.status);
    // a failure with an answer (a 400, a 404) was not applied; one without an answer may have been
    const unanswered = done?.status === "failed" && (done.httpStatus === undefined || done.httpStatus >= 500);
    // the import found this code created meanwhile by someone else (it keeps that record's id): not this run's to undo
    const someoneElses = done?.status === "failed" && intent.op === "create" && done.customerId !== undefined;
    if (done && ((!applied && !unanswered) || someoneElses)) continue;
    const op = applied ? (done.status === "created" ? "create" : "replace") : intent.op;
    const customerId = applied ? done.customerId : intent.customerId;
    targets.push({ key, code: intent.code, row: done?.row ?? intent.row, op, customerId, sent: intent.sent, before: op === "replace" && intent.op === "replace" ? intent.before : undefined, uncertain: !applied });
  }
  // created by adoption without an intent of its own (an earlier version's journal): still this run's
  for (const [key, done] of state.done) {
    if (state.intents.has(key) || !done.customerId || !isWritten(done.status)) continue;
    targets.push({ key, code: done.customerCode ?? "", row: done.row, op: done.status === "created" ? "create" : "replace", customerId: done.customerId, sent: null, before: undefined, uncertain: false });
  }
  targets.sort((a, b) => a.row - b.row);
  return new Map(targets.map((target) => [target.key, target]));
}

/** A delete the run made, or sent without learning the outcome; a refusal with an answer deleted nothing. */
function deleteTarget(key: string, intent: Intent, done: RowResult | undefined): UndoTarget | undefined {
  const applied = done?.status === "deleted";
  const unanswered = done === undefined || (done.status === "failed" && (done.httpStatus === undefined || done.httpStatus >= 500));
  if ((!applied && !unanswered) || intent.before === undefined) return undefined;
  // a row that named its customer by customer_id alone: the record as it was has the code
  const code = intent.code || intent.before.general_info.customer_code;
  return { key, code, row: done?.row ?? intent.row, op: "delete", customerId: intent.customerId, sent: null, before: intent.before, uncertain: !applied };
}

/** Customers a run touched: what it wrote or may have written. */
function touched(state: JournalState): Set<string> {
  return new Set(undoTargets(state).keys());
}

/**
 * Undoing a run whose customers a later run (not undone) touched would restore them under the
 * later run's changes: refused, naming the run to undo first.
 */
export function refuseOutOfOrder(report: string, run: RunInfo, runs: RunInfo[], targets: Map<string, UndoTarget>): void {
  for (const later of runs.filter((other) => other.number > run.number && !other.state.undone).reverse()) {
    const shared = [...touched(later.state)].filter((key) => targets.has(key)).map((key) => targets.get(key)!.code);
    if (shared.length === 0) continue;
    const sample = shared.slice(0, 5).join(", ") + (shared.length > 5 ? ", …" : "");
    const [laterRun, thisRun] = [String(later.number), String(run.number)];
    throw new ToolError("E_UNDO_ORDER", msg("undo.order.refused", { later: laterRun, report, startedAt: later.state.header?.startedAt ?? "?", count: shared.length, run: thisRun, sample }), {
      hint: msg("undo.order.hint", { report, later: laterRun, run: thisRun }),
    });
  }
}
