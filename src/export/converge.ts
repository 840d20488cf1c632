// "Converge, then write": list until a whole pass finds nobody new, then settle who was deleted.
import type { FinanClient } from "../api/client.js";
import type { ListedCustomer } from "../api/list-entries.js";
import type { Pacer } from "../api/pacer.js";
import { listAllCustomers } from "../api/paginate.js";
import type { CustomerType } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { mapInOrder } from "./in-order.js";
import type { ExportProgress } from "../output/progress.js";

/** What the export knows of one listed customer. */
export interface Entry {
  summary: ListedCustomer;
  /** the listing pass that first showed it */
  pass: number;
  /** where its latest fetched version sits in the records spool */
  seq?: number;
  /** the bytes of that version in the spool, to read records back sorted by code */
  place?: { offset: number; length: number };
  /** its GET answered 104004 */
  notFound?: boolean;
  /** confirmed: answered 104004 and missing from a later listing pass */
  deleted?: boolean;
  /** its full record is not of the --type asked */
  otherType?: boolean;
  createdAt?: string;
  updatedAt?: string;
  widths?: { contacts: number; banks: number };
  /** fields of its record that were not text, as warnings */
  oddities?: Message[];
}

export interface ConvergeOptions {
  pageSize: number;
  type: CustomerType | undefined;
  /** fetches the customers a pass found first, or found changed (nothing with --summary) */
  fetchNew(entries: Entry[]): Promise<void>;
  /** fetches one again, to settle whether it still exists: true when it answers 104004 */
  refetch(entry: Entry): Promise<boolean>;
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
 * 104004, kept (fetched afresh) if it answers them. Returns every entry, in first-listed order.
 */
export async function converge(client: FinanClient, pacer: Pacer, options: ConvergeOptions): Promise<{ entries: Map<string, Entry>; passes: number }> {
  const entries = new Map<string, Entry>();
  let shortBefore = false;
  let contradictedBefore = false;
  for (let pass = 1; ; pass += 1) {
    const listed = new Set<string>();
    const fresh: Entry[] = [];
    const changed: Entry[] = [];
    let total: number | undefined;
    const onPage = ({ listed: done, total: says }: { listed: number; total: number | undefined }) => {
      total = says;
      options.onProgress?.({ phase: "listing", pass, done, ...(says === undefined ? {} : { total: says }) });
    };
    for await (const summary of listAllCustomers(client, pacer, { pageSize: options.pageSize, onPage })) {
      listed.add(summary.customer_id);
      if (!mayBeOfType(summary, options.type)) continue;
      const known = entries.get(summary.customer_id);
      if (known) {
        // Its name, code or type changed since it was fetched: fetch the newer version.
        if (known.seq !== undefined && summaryText(known.summary) !== summaryText(summary)) changed.push(known);
        known.summary = summary;
      } else {
        const entry: Entry = { summary, pass };
        entries.set(summary.customer_id, entry);
        fresh.push(entry);
      }
    }
    if (pass === 1) options.afterFirstPass?.(entries.size);
    await options.fetchNew([...fresh, ...changed]);
    const short = total !== undefined && listed.size < total;
    if (pass > 1 && fresh.length === 0) {
      if (!short) {
        const contradicted = await settle(entries, listed, options);
        if (contradicted === undefined) return { entries, passes: pass };
        // Listed, yet "not found" twice: one more pass, in case the list lags behind a deletion.
        if (contradictedBefore || pass >= MAX_PASSES) throw contradiction(contradicted);
        contradictedBefore = true;
        continue;
      }
      if (shortBefore) throw countMismatch(listed.size, total ?? 0);
    }
    shortBefore = short;
    if (pass >= MAX_PASSES) throw unstable(pass, fresh.length);
  }
}

/** A customer whose listed type is blank or odd may still be of the type asked: its record decides. */
function mayBeOfType(summary: ListedCustomer, type: CustomerType | undefined): boolean {
  if (type === undefined) return true;
  const listed = summary.general_info.type.trim().toLowerCase();
  return listed === type || (listed !== "personal" && listed !== "company");
}

function summaryText({ general_info: info }: ListedCustomer): string {
  return JSON.stringify([info.customer_code, info.name, info.type]);
}

/** Marks the deleted; returns a customer the last pass lists though its GET answers 104004, if any. */
async function settle(entries: Map<string, Entry>, lastPass: Set<string>, options: ConvergeOptions): Promise<Entry | undefined> {
  const doubtful: Entry[] = [];
  for (const entry of entries.values()) {
    const listed = lastPass.has(entry.summary.customer_id);
    entry.deleted = !listed && entry.notFound === true;
    // Listed but not found, or found but no longer listed: ask once more.
    if (listed === Boolean(entry.notFound)) doubtful.push(entry);
  }
  let contradicted: Entry | undefined;
  const answers = mapInOrder(doubtful, async (entry) => ({ entry, notFound: await options.refetch(entry) }), options.ahead);
  for await (const { entry, notFound } of answers) {
    if (!notFound) continue;
    if (lastPass.has(entry.summary.customer_id)) contradicted ??= entry;
    else entry.deleted = true;
  }
  return contradicted;
}

function unstable(passes: number, fresh: number): ToolError {
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.unstable", { pass: String(passes), count: fresh }), { hint: msg("export.list.unstableHint") });
}

function countMismatch(listed: number, total: number): ToolError {
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.countMismatch", { total, listed }), { hint: msg("export.list.countMismatchHint") });
}

function contradiction(entry: Entry): ToolError {
  const { customer_code: code } = entry.summary.general_info;
  return new ToolError("E_LIST_INCONSISTENT", msg("export.list.contradiction", { code: code || msg("export.noCode"), id: entry.summary.customer_id }), { hint: msg("export.list.contradictionHint") });
}
