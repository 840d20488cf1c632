// --state / --changes-only / --changes-since: each written customer compared with the baseline, the state kept up to date.
import { headerFor } from "../customers/columns.js";
import type { FieldKey, Lang } from "../customers/columns.js";
import type { CustomerRecord, CustomerType } from "../customers/types.js";
import { msg, t } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { createComparer, recordHashes } from "./compare.js";
import type { Baseline, BaselineCustomer, Change } from "./compare.js";
import type { ExportRecord } from "./export-file.js";
import type { StateWriter } from "./state.js";

export interface DiffOptions {
  /** what to compare with; undefined: no baseline yet (every customer is new) */
  baseline: Baseline | undefined;
  /** write only new, changed and deleted customers, with the change columns */
  changesOnly: boolean;
  /** where the new state goes, committed by the caller after the file is in place */
  state: StateWriter | undefined;
}

export interface DiffCounts {
  /** the baseline compared with: a state file or an earlier export; null on a first --state run */
  baseline: string | null;
  new: number;
  changed: number;
  deleted: number;
  unchanged: number;
  /** customers outside the baseline's --type: neither new nor deleted */
  notCompared: number;
  /** fields only one side holds, not compared */
  notComparable: FieldKey[];
}

export interface GoneCustomer {
  id: string;
  customer: BaselineCustomer;
}

/** Sorted by customer_code, then customer_id: nightly files compare line by line (code-unit order, the same on every machine). */
export function byCode(a: { code: string; id: string }, b: { code: string; id: string }): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type Diff = ReturnType<typeof createDiff>;

/**
 * `keys`: the fields the file holds; `present(id)`: whether the export still lists the customer
 * (of any type); `type`: the run's --type. Deleted customers are the baseline's that are gone.
 */
export function createDiff(options: DiffOptions, keys: FieldKey[], lang: Lang, present: (id: string) => boolean, type: CustomerType | undefined) {
  const { baseline } = options;
  options.state?.begin(keys);
  const comparer = baseline ? createComparer(baseline, keys) : undefined;
  const counts: DiffCounts = { baseline: baseline?.path ?? null, new: 0, changed: 0, deleted: 0, unchanged: 0, notCompared: 0, notComparable: comparer?.notComparable ?? [] };
  const word = (change: Change) => t(lang, `accounting.change.${change}`);
  const gone: GoneCustomer[] = [];
  for (const [id, customer] of baseline?.customers ?? []) {
    if (present(id)) continue;
    // a customer of another type than this run's is out of its sight, not deleted
    if (type !== undefined && customer.type !== type) counts.notCompared += 1;
    else gone.push({ id, customer });
  }
  gone.sort((a, b) => byCode({ code: a.customer.code, id: a.id }, { code: b.customer.code, id: b.id }));
  counts.deleted = gone.length;
  return {
    counts,
    gone,
    /** the change columns' headers, after the file's own (changes-only) */
    extraHeaders: options.changesOnly ? [t(lang, "accounting.column.change"), t(lang, "accounting.column.changedColumns")] : [],
    /** compares one live record (noting it in the new state); what to write, or undefined to leave it out */
    async see(record: ExportRecord): Promise<{ extra: string[] } | undefined> {
      const id = String(record.customer_id ?? "");
      const info = record.general_info ?? ({} as CustomerRecord["general_info"]);
      const recordType = String(info.type ?? "").trim().toLowerCase();
      await options.state?.add(id, { code: String(info.customer_code ?? ""), name: String(info.name ?? ""), type: recordType, hashes: recordHashes(record, keys) });
      const before = baseline?.customers.get(id);
      let change: Change | undefined;
      let changed: FieldKey[] = [];
      if (before && comparer) {
        changed = comparer.changedFields(record, before);
        change = changed.length > 0 ? "changed" : undefined;
      } else if (baseline?.scope !== undefined && recordType !== baseline.scope) {
        counts.notCompared += 1;
        return options.changesOnly ? undefined : { extra: [] };
      } else change = "new";
      if (change === undefined) counts.unchanged += 1;
      else counts[change] += 1;
      if (!options.changesOnly) return { extra: [] };
      if (change === undefined) return undefined;
      return { extra: [word(change), changed.map((key) => headerFor(key, lang)).join(", ")] };
    },
    /** a deleted customer's row: what the baseline knew of it */
    goneRow({ id, customer }: GoneCustomer): { record: ExportRecord; extra: string[] } {
      const general = { customer_code: customer.code, name: customer.name, type: customer.type } as CustomerRecord["general_info"];
      return { record: { customer_id: id, general_info: general }, extra: [word("deleted"), ""] };
    },
  };
}

/** The summary's lines about the comparison: counts, then what could not be compared. */
export function changeLines(counts: DiffCounts): Message[] {
  const lines: Message[] = [];
  if (counts.baseline !== null) {
    lines.push(msg("accounting.done.changes", { baseline: counts.baseline, new: counts.new, changed: counts.changed, deleted: counts.deleted, unchanged: counts.unchanged }));
  }
  if (counts.notCompared > 0) lines.push(msg("accounting.done.notCompared", { count: counts.notCompared }));
  // field paths, not headers: the same in both languages, and what --columns takes
  if (counts.notComparable.length > 0) lines.push(msg("accounting.done.notComparable", { columns: counts.notComparable.join(", ") }));
  return lines;
}
