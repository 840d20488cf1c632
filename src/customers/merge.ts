// `--mode merge` and dry-run plans: lay a row over the server's record, and say what a PUT would change.
import { templateFields } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { withLineFeeds } from "../spreadsheet/lines.js";
import { countGroups, flattenPayload } from "./from-payload.js";
import type { GroupNumbers } from "./schema.js";
import type { CustomerPayload } from "./types.js";

type Entry = Record<string, unknown>;

/**
 * Only the row's non-blank values replace the current record's; contact and bank groups merge by
 * their number N in the file (`groups`, from the row mapper; default 1, 2, ...). Server-only top-level
 * fields (customer_id, created_at) and null/"" values are dropped; unknown fields inside the blocks
 * are kept, so a PUT never clears what the file did not mention.
 */
export function mergePayload(current: CustomerPayload, row: CustomerPayload, groups?: GroupNumbers): CustomerPayload {
  const { contact_persons: currentContacts, ...currentInfo } = current.general_info;
  const { contact_persons: rowContacts, ...rowInfo } = row.general_info;
  const general_info = { ...filled(currentInfo), ...filled(rowInfo) } as CustomerPayload["general_info"];
  const contacts = mergeGroups(currentContacts, rowContacts, groups?.contacts);
  if (contacts !== undefined) general_info.contact_persons = contacts;

  const merged: CustomerPayload = { general_info };
  const address = { ...filled(current.address ?? {}), ...filled(row.address ?? {}) };
  if (Object.keys(address).length > 0) merged.address = address;
  const banks = mergeGroups(current.bank_accounts, row.bank_accounts, groups?.banks);
  if (banks !== undefined) merged.bank_accounts = banks;
  return merged;
}

function mergeGroups<T extends object>(
  current: T[] | undefined,
  row: T[] | undefined,
  numbers: number[] | undefined,
): T[] | undefined {
  // Server data may hold null where the types say absent.
  const kept = (current ?? [])
    .filter((entry) => typeof entry === "object" && entry !== null)
    .map((entry) => filled(entry) as T);
  if (!row || row.length === 0) return current ? kept : undefined;
  const result = kept;
  const added: T[] = [];
  row.forEach((entry, position) => {
    const index = (numbers?.[position] ?? position + 1) - 1;
    const existing = result[index];
    if (existing) result[index] = { ...existing, ...filled(entry) };
    else added.push(entry);
  });
  // A group N beyond the record's list is appended rather than leaving holes.
  return [...result, ...added];
}

function filled<T extends object>(values: T): Partial<T> {
  const out: Entry = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
  return out as Partial<T>;
}

export interface PayloadDiff {
  /** fields a PUT would set to a different non-blank value (including newly filled ones) */
  changed: FieldKey[];
  /** fields the server holds that a PUT would clear */
  cleared: FieldKey[];
}

/** What replacing `before` (the server's record) by `after` (the PUT body) changes; "" equals absent. */
export function diffPayload(before: CustomerPayload, after: CustomerPayload): PayloadDiff {
  const old = flattenPayload(before);
  const next = flattenPayload(after);
  const sizeBefore = countGroups(before);
  const sizeAfter = countGroups(after);
  const fields = templateFields(
    Math.max(sizeBefore.contacts, sizeAfter.contacts),
    Math.max(sizeBefore.banks, sizeAfter.banks),
  );
  const diff: PayloadDiff = { changed: [], cleared: [] };
  for (const field of fields) {
    const was = old.get(field);
    const will = next.get(field);
    // CRLF, CR and LF are one line break: an XLSX round trip (LF only) changes nothing
    if (was === will || (was !== undefined && will !== undefined && withLineFeeds(was) === withLineFeeds(will))) continue;
    if (will === undefined) diff.cleared.push(field);
    else diff.changed.push(field);
  }
  return diff;
}
