// A fetched record made all text before it is spooled: an unexpected type is kept as text and named.
import { fieldText, isJsonObject, oddFieldMessage } from "../api/field-text.js";
import { JsonNumber } from "../api/json.js";
import { ADDRESS_FIELDS, BANK_FIELDS, CONTACT_FIELDS, GENERAL_FIELDS, headerFor } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import type { CustomerRecord } from "../customers/types.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

type Fields = Record<string, string>;

/**
 * The fields an export writes, every one as text (fieldText): an object as compact JSON, a
 * number as its source digits. An address sent as text goes to Street address, a group sent as
 * one object is its first entry; each such surprise is one message naming the column and field.
 */
export function textRecord(raw: CustomerRecord): { record: CustomerRecord; oddities: Message[] } {
  const source = raw as unknown as Record<string, unknown>;
  const oddities: Message[] = [];
  const take = (value: unknown, key: FieldKey, into: Fields, attr: string): void => {
    const { text, odd } = fieldText(value);
    if (text !== undefined) into[attr] = text;
    if (odd !== undefined) oddities.push(oddFieldMessage(`${headerFor(key, "en")} (${key})`, odd));
  };
  const object = (value: unknown, path: string, firstKey: FieldKey, firstAttr: string): Record<string, unknown> | undefined => {
    if (value === undefined || value === null) return undefined;
    if (isJsonObject(value)) return value;
    // Not an object: keep its text in the block's first column, so nothing is blanked.
    const { text, odd } = fieldText(value);
    oddities.push(msg("export.odd.notObject", { field: path, odd: odd ?? msg("api.odd.text"), column: headerFor(firstKey, "en") }));
    return text === undefined ? undefined : { [firstAttr]: text };
  };

  const info = object(source.general_info, "general_info", "general_info.name", "name") ?? {};
  const general: Fields = {};
  for (const attr of GENERAL_FIELDS) take(info[attr], `general_info.${attr}`, general, attr);
  const address: Fields = {};
  const rawAddress = object(source.address, "address", "address.address", "address") ?? {};
  for (const attr of ADDRESS_FIELDS) take(rawAddress[attr], `address.${attr}`, address, attr);
  const contacts = group(info.contact_persons, "contact_persons", CONTACT_FIELDS, take, oddities);
  const banks = group(source.bank_accounts, "bank_accounts", BANK_FIELDS, take, oddities);

  const record: Record<string, unknown> = { customer_id: raw.customer_id, general_info: { ...general, ...(contacts ? { contact_persons: contacts } : {}) } };
  if (Object.keys(address).length > 0) record.address = address;
  if (banks) record.bank_accounts = banks;
  for (const meta of ["created_at", "updated_at"] as const) {
    const { text, odd } = fieldText(source[meta]);
    if (text !== undefined) record[meta] = text;
    if (odd !== undefined) oddities.push(oddFieldMessage(meta, odd));
  }
  return { record: record as unknown as CustomerRecord, oddities };
}

type Take = (value: unknown, key: FieldKey, into: Fields, attr: string) => void;

function group(value: unknown, name: "contact_persons" | "bank_accounts", attrs: readonly string[], take: Take, oddities: Message[]): Fields[] | undefined {
  if (value === undefined || value === null) return undefined;
  let entries: unknown[];
  if (Array.isArray(value)) entries = value;
  else {
    oddities.push(msg("export.odd.notList", { field: name, odd: fieldText(value).odd ?? msg("api.odd.text") }));
    entries = [value];
  }
  return entries.map((entry, index) => {
    const fields: Fields = {};
    const key = (attr: string) => `${name}.${index + 1}.${attr}` as FieldKey;
    if (isJsonObject(entry)) for (const attr of attrs) take(entry[attr], key(attr), fields, attr);
    // A bare value as an entry: its text in the entry's first column.
    else if (entry !== null && entry !== undefined) {
      const first = attrs[0] ?? "name";
      oddities.push(msg("export.odd.entryNotObject", { field: name, entry: String(index + 1), odd: fieldText(entry).odd ?? msg("api.odd.text"), column: headerFor(key(first), "en") }));
      take(String(entry instanceof JsonNumber ? entry.raw : typeof entry === "string" ? entry : JSON.stringify(entry)), key(first), fields, first);
    }
    return fields;
  });
}
