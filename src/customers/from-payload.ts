// A record from the API flattened into spreadsheet columns (export) or field → value (dry-run diffs).
import { JsonNumber } from "../api/json.js";
import { parseFieldKey, templateFields } from "./columns.js";
import type { FieldKey } from "./columns.js";
import type { CustomerPayload } from "./types.js";

/** The text of one field of a record; a blank or missing value is undefined. */
export function fieldValue(record: CustomerPayload, field: FieldKey): string | undefined {
  const ref = parseFieldKey(field);
  if (!ref) return undefined;
  // Server data is untyped at runtime: read it as plain objects.
  const info = record.general_info as unknown as Record<string, unknown> | undefined;
  switch (ref.group) {
    case "general_info":
      return asText(info?.[ref.attr]);
    case "address":
      return asText((record.address as unknown as Record<string, unknown> | undefined)?.[ref.attr]);
    case "contact_persons":
      return asText(entryAt(info?.contact_persons, ref.index)?.[ref.attr]);
    case "bank_accounts":
      return asText(entryAt(record.bank_accounts, ref.index)?.[ref.attr]);
  }
}

/** One spreadsheet row for the given columns, e.g. templateFields(contacts, banks). */
export function recordToRow(record: CustomerPayload, fields: FieldKey[]): (string | undefined)[] {
  return fields.map((field) => fieldValue(record, field));
}

/** How many contact and bank groups a record needs as columns. */
export function countGroups(record: CustomerPayload): { contacts: number; banks: number } {
  const contacts = record.general_info?.contact_persons;
  return {
    contacts: Array.isArray(contacts) ? contacts.length : 0,
    banks: Array.isArray(record.bank_accounts) ? record.bank_accounts.length : 0,
  };
}

/** Every non-blank field of a record, in template order. */
export function flattenPayload(record: CustomerPayload): Map<FieldKey, string> {
  const { contacts, banks } = countGroups(record);
  const values = new Map<FieldKey, string>();
  for (const field of templateFields(contacts, banks)) {
    const value = fieldValue(record, field);
    if (value !== undefined) values.set(field, value);
  }
  return values;
}

function entryAt(list: unknown, index: number): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list[index - 1];
  return typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  // A JsonNumber (src/api/json.ts) is a number the server sent with more digits than a double holds.
  if (typeof value === "number" || typeof value === "boolean" || value instanceof JsonNumber) return String(value);
  return undefined;
}
