// "Converge, then write": list until a whole pass finds nobody new, then settle who was deleted.
import type { FinanClient } from "../api/client.js";
import type { ListedCustomer } from "../api/list-entries.js";
import type { Pacer } from "../api/pacer.js";
import { listAllCustomers } from "../api/paginate.js";
import type { CustomerType } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Ledger } from "./ledger.js";
import { mapInOrder } from "./in-order.js";
import type { ExportProgress } from "../output/progress.js";

export interface ConvergeOptions {
  pageSize: number;
  type: CustomerType | undefined;
  /** fetches the customers a pass found first, or found changed (nothing with --summary) */
  fetchNew(customers: Iterable<number>, count: number): Promise<void>;
  /** fetches one again, to settle whether it still exists: true when it answers 104004 */
  refetch(customer: number): Promise<boolean>;
  /** refetches at most this many ahead */
  ahead: number;
  afterFirstPass?(count: number): void;
  onProgress?(progress: ExportProgress): void;
}

/** Passes of the list before the export gives up on a list that keeps changing. */
const MAX_PASSES = 8;

/**
 * Lists until a full pass brings no id the earlier passes lacked and shows as many customers as
 * its meta.total says (the union of passes: a deletion that shifted a page cannot hide anyone),
 * then settles the customers the last pass no longer shows: deleted if their GET answers
 * 104004, kept (fetched afresh) if it answers them. Notes every customer in `ledger`, numbered
 * in first-listed order; returns how many passes it took.
 */
export async function converge(client: FinanClient, pacer: Pacer, ledger: Ledger, options: ConvergeOptions): Promise<number> {
  let shortBefore = false;
  let contradictedBefore = false;
  for (let pass = 1; ; pass += 1) {
    const firstFresh = ledger.size;
    // numbers, not objects: a pass that finds every customer changed holds 8 bytes each
    const changed: number[] = [];
    let listed = 0;
    let total: number | undefined;
    const onPage = ({ listed: done, total: says }: { listed: number; total: number | undefined }) => {
      listed = done;
      total = says;
      options.onProgress?.({ phase: "listing", pass, done, ...(says === undefined ? {} : { total: says }) });
    };
    for await (const summary of listAllCustomers(client, pacer, { pageSize: options.pageSize, onPage })) {
      if (!mayBeOfType(summary, options.type)) continue;
      const known = ledger.indexOf(summary.customer_id);
      // Its name, code or type changed since it was fetched: fetch the newer version.
      if (known === undefined) ledger.add(summary, pass);
      else if (ledger.relist(known, summary, pass)) changed.push(known);
    }
    if (pass === 1) options.afterFirstPass?.(ledger.size);
    const fresh = ledger.size - firstFresh;
    await options.fetchNew(freshThenChanged(firstFresh, ledger.size, changed), fresh + changed.length);
    const short = total !== undefined && listed < total;
    if (pass > 1 && fresh === 0) {
      if (!short) {
        const contradicted = await settle(ledger, pass, options);
        if (contradicted === undefined) return pass;
        // Listed, yet "not found" twice: one more pass, in case the list lags behind a deletion.
        if (contradictedBefore || pass >= MAX_PASSES) throw contradiction(ledger.summary(contradicted));
        contradictedBefore = true;
        continue;
      }
      if (shortBefore) throw countMismatch(listed, total ?? 0);
    }
    shortBefore = short;
    if (pass >= MAX_PASSES) throw unstable(pass, fresh);
  }
}

function* freshThenChanged(from: number, to: number, changed: number[]): Generator<number> {
  for (let index = from; index < to; index++) yield index;
  yield* changed;
}

/** A customer whose listed type is blank or odd may still be of the type asked: its record decides. */
function mayBeOfType(summary: ListedCustomer, type: CustomerType | undefined): boolean {
  if (type === undefined) return true;
  const listed = summary.general_info.type.trim().toLowerCase();
  return listed === type || (listed !== "personal" && listed !== "company");
}

/** Marks the deleted; returns a customer the last pass lists though its GET answers 104004, if any. */
async function settle(ledger: Ledger, lastPass: number, options: ConvergeOptions): Promise<number | undefined> {
  const doubtful: number[] = [];
  for (let index = 0; index < ledger.size; index++) {
    const listed = ledger.listedIn(index, lastPass);
    ledger.setDeleted(index, !listed && ledger.isNotFound(index));
    // Listed but not found, or found but no longer listed: ask once more.
    if (listed === ledger.isNotFound(index)) doubtful.push(index);
  }
  let contradicted: number | undefined;
  const answers = mapInOrder(doubtful, async (index) => ({ index, notFound: await options.refetch(index) }), options.ahead);
  for await (const { index, notFound } of answers) {
    if (!notFound) continue;
    if (ledger.listedIn(index, lastPass)) contradicted ??= index;
    else ledger.setDeleted(index, true);
  }
  return contradicted;
}

function unstable(passes: number, fresh: number): ToolError {
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.unstable", { pass: String(passes), count: fresh }), { hint: msg("export.list.unstableHint") });
}

function countMismatch(listed: number, total: number): ToolError {
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.countMismatch", { total, listed }), { hint: msg("export.list.countMismatchHint") });
}

function contradiction(summary: ListedCustomer): ToolError {
  const { customer_code: code } = summary.general_info;
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.contradiction", { code: code || msg("export.noCode"), id: summary.customer_id }), { hint: msg("export.list.contradictionHint") });
}
