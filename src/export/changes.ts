// Who was created, changed or deleted while the export ran, and what was odd in the data: for the summary.
import type { Entry } from "./converge.js";
import type { Message } from "../i18n/text.js";

/** A customer named in the summary and in --json. */
export interface NamedCustomer {
  customer_id: string;
  customer_code: string;
  name: string;
}

/** A field of one customer written as text though it was not text (or an odd list entry). */
export interface ExportWarning extends NamedCustomer {
  /** rendered in English for --json */
  message: Message;
}

export interface ExportChanges {
  /** in the file: created after the export started */
  createdDuringExport: NamedCustomer[];
  /** in the file: changed after the export started (the file has the version fetched) */
  changedDuringExport: NamedCustomer[];
  /** not in the file: answered 104004 and a later listing no longer showed them */
  deletedDuringExport: NamedCustomer[];
  /** the first MAX_WARNINGS, so a server sending every phone as a number cannot flood a cron log */
  warnings: ExportWarning[];
  warningCount: number;
}

export const MAX_WARNINGS = 1000;

/**
 * Sorts the entries by what happened to them, by the server's created_at/updated_at against the
 * run's start. A time without a zone cannot be placed: such a customer counts as created only
 * when a later listing pass found it first.
 */
export function describeChanges(entries: Iterable<Entry>, startedMs: number): ExportChanges {
  const changes: ExportChanges = { createdDuringExport: [], changedDuringExport: [], deletedDuringExport: [], warnings: [], warningCount: 0 };
  for (const entry of entries) {
    const named = nameOf(entry);
    if (entry.deleted) {
      changes.deletedDuringExport.push(named);
      continue;
    }
    if (entry.otherType) continue;
    const created = timeOf(entry.createdAt ?? entry.summary.created_at);
    if (created === undefined ? entry.pass > 1 : created > startedMs) changes.createdDuringExport.push(named);
    else if ((timeOf(entry.updatedAt) ?? Number.NEGATIVE_INFINITY) > startedMs) changes.changedDuringExport.push(named);
    for (const message of [...(entry.summary.oddities ?? []), ...(entry.oddities ?? [])]) {
      if ((changes.warningCount += 1) <= MAX_WARNINGS) changes.warnings.push({ ...named, message });
    }
  }
  return changes;
}

function nameOf(entry: Entry): NamedCustomer {
  const { customer_code, name } = entry.summary.general_info;
  return { customer_id: entry.summary.customer_id, customer_code, name };
}

/** Milliseconds of an ISO time that names its zone; undefined otherwise. */
function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined || !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim())) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
