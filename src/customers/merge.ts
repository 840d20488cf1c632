// `--mode merge` and dry-run plans: lay a row over the server's record, and say what a PUT would change.
import { parseFieldKey, templateFields } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { withLineFeeds } from "../spreadsheet/lines.js";
import { countGroups, flattenPayload } from "./from-payload.js";
import type { GroupNumbers } from "./schema.js";
import type { CustomerPayload } from "./types.js";

type Entry = Record<string, unknown>;

/** Fields the server keeps for itself: never sent back in a PUT. */
const SERVER_FIELDS = new Set(["customer_id", "created_at", "updated_at"]);

/** A fetched record as a payload: everything but the server-managed fields, unknown fields included. */
export function withoutServerFields(record: CustomerPayload): CustomerPayload {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !SERVER_FIELDS.has(key))) as unknown as CustomerPayload;
}

/**
 * Only the row's non-blank values replace the current record's; contact and bank groups merge by
 * their number N in the file (`groups`, from the row mapper; default 1, 2, ...). Server-managed
 * fields (customer_id, created_at, updated_at) and null/"" values are dropped; every other field
 * of the record, ours or not (a top-level `note`, `general_info.birthday`), is kept as fetched,
 * so a PUT never clears what the file did not mention.
 */
export function mergePayload(current: CustomerPayload, row: CustomerPayload, groups?: GroupNumbers): CustomerPayload {
  const { general_info: currentGeneral, address: currentAddress, bank_accounts: currentBanks, ...others } = withoutServerFields(current) as CustomerPayload & Entry;
  const { contact_persons: currentContacts, ...currentInfo } = currentGeneral ?? ({} as CustomerPayload["general_info"]);
  const { contact_persons: rowContacts, ...rowInfo } = row.general_info;
  const general_info = { ...filled(currentInfo), ...filled(rowInfo) } as CustomerPayload["general_info"];
  const contacts = mergeGroups(currentContacts, rowContacts, groups?.contacts);
  if (contacts !== undefined) general_info.contact_persons = contacts;

  const merged = { ...filled(others), general_info } as CustomerPayload;
  const address = { ...filled(currentAddress ?? {}), ...filled(row.address ?? {}) };
  if (Object.keys(address).length > 0) merged.address = address;
  const banks = mergeGroups(currentBanks, row.bank_accounts, groups?.banks);
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
  /** fields beyond our columns (by path, e.g. `note`, `general_info.birthday`) that a PUT would clear */
  otherCleared: string[];
  /** fields beyond our columns that a PUT would set to another value */
  otherChanged: string[];
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
  const diff: PayloadDiff = { changed: [], cleared: [], otherCleared: [], otherChanged: [] };
  for (const field of fields) {
    const was = old.get(field);
    const will = next.get(field);
    // CRLF, CR and LF are one line break: an XLSX round trip (LF only) changes nothing
    if (was === will || (was !== undefined && will !== undefined && withLineFeeds(was) === withLineFeeds(will))) continue;
    if (will === undefined) diff.cleared.push(field);
    else diff.changed.push(field);
  }
  const [oldOthers, nextOthers] = [otherLeaves(before), otherLeaves(after)];
  for (const [path, was] of oldOthers) {
    const will = nextOthers.get(path);
    if (will === undefined) diff.otherCleared.push(path);
    else if (will !== was) diff.otherChanged.push(path);
  }
  for (const path of nextOthers.keys()) if (!oldOthers.has(path)) diff.otherChanged.push(path);
  return diff;
}

/**
 * Every non-blank value of a record outside our columns, by path (list entries numbered from 1,
 * contacts as `contact_persons.N.…` like our fields); server-managed fields left out.
 */
function otherLeaves(record: CustomerPayload): Map<string, string> {
  const leaves = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (value === undefined || value === null || value === "") return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}.${index + 1}`));
    else if (typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, path === "" ? key : `${path}.${key}`);
    else if (parseFieldKey(path.replace(/^general_info\.contact_persons\./, "contact_persons.")) === undefined) leaves.set(path, JSON.stringify(value));
  };
  walk(withoutServerFields(record), "");
  return leaves;
}
