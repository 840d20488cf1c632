// Who was created, changed or deleted while the export ran, and what was odd in the data: for the summary.
import type { ListedCustomer } from "../api/list-entries.js";
import type { Message } from "../i18n/text.js";
import type { Ledger } from "./ledger.js";

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
 * Sorts the customers by what happened to them, by the server's created_at/updated_at against the
 * run's start. A time without a zone cannot be placed: such a customer counts as created only
 * when a later listing pass found it first. Reads a summary only for a customer it names.
 */
export function describeChanges(ledger: Ledger): ExportChanges {
  const changes: ExportChanges = { createdDuringExport: [], changedDuringExport: [], deletedDuringExport: [], warnings: [], warningCount: 0 };
  for (let index = 0; index < ledger.size; index++) {
    if (ledger.isDeleted(index)) {
      changes.deletedDuringExport.push(nameOf(ledger.summary(index)));
      continue;
    }
    if (ledger.isOtherType(index)) continue;
    const { created, updated } = ledger.times(index);
    if (created === "after" || ((created === "absent" || created === "unplaced") && ledger.firstPass(index) > 1)) changes.createdDuringExport.push(nameOf(ledger.summary(index)));
    else if (updated === "after") changes.changedDuringExport.push(nameOf(ledger.summary(index)));
    const odd = ledger.oddityCount(index);
    if (odd === 0) continue;
    if (changes.warningCount < MAX_WARNINGS) {
      const named = nameOf(ledger.summary(index));
      for (const [n, message] of ledger.oddities(index).entries()) if (changes.warningCount + n < MAX_WARNINGS) changes.warnings.push({ ...named, message });
    }
    changes.warningCount += odd;
  }
  return changes;
}

function nameOf(summary: ListedCustomer): NamedCustomer {
  const { customer_code, name } = summary.general_info;
  return { customer_id: summary.customer_id, customer_code, name };
}
