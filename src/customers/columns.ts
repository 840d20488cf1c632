// The field table of SPEC.md "Columns": which header names which payload field, in both languages.
import { CATALOGUE } from "../i18n/catalogue.js";
import { entryText } from "../i18n/text.js";
import type { Message, MessageKey, Translated } from "../i18n/text.js";

export type GeneralField =
  | "customer_code"
  | "name"
  | "type"
  | "phone_code"
  | "phone"
  | "email"
  | "tax_id"
  | "custom_tag";
export type AddressField = "country" | "province" | "district" | "ward" | "address" | "zip_code";
export type ContactField = "name" | "phone_number" | "email";
export type BankField = "bank_code" | "bank_name" | "account_holder_name" | "account_number";

/** Canonical dotted field key: "general_info.name", "contact_persons.1.name" (N from 1). */
export type FieldKey =
  | `general_info.${GeneralField}`
  | `address.${AddressField}`
  | `contact_persons.${number}.${ContactField}`
  | `bank_accounts.${number}.${BankField}`;

export type FieldRef =
  | { group: "general_info"; attr: GeneralField }
  | { group: "address"; attr: AddressField }
  | { group: "contact_persons"; index: number; attr: ContactField }
  | { group: "bank_accounts"; index: number; attr: BankField };

export type Lang = "en" | "vi";

interface Names {
  en: string;
  vi: string;
}

// The names live in the message catalogue (customers.field.*), so messages and headers say one thing.
const fieldNames = (attr: string): Names => {
  const entry: Translated = CATALOGUE[`customers.field.${attr}` as MessageKey];
  return { en: entryText(entry.en, "en", undefined), vi: entryText(entry.vi, "vi", undefined) };
};
// Group headers as prefix + N + suffix, so "Contact 12 name" parses without a bound on N.
const groupNames = (key: string): { en: [string, string]; vi: [string, string] } => {
  const { en, vi } = fieldNames(key);
  const split = (text: string): [string, string] => {
    const [prefix = "", suffix = ""] = text.split("{n}");
    return [prefix.trim(), suffix.trim()];
  };
  return { en: split(en), vi: split(vi) };
};
const byAttr = <A extends string, T>(attrs: readonly A[], make: (attr: A) => T): Record<A, T> =>
  Object.fromEntries(attrs.map((attr) => [attr, make(attr)])) as Record<A, T>;

const GENERAL = byAttr<GeneralField, Names>(["customer_code", "name", "type", "phone_code", "phone", "email", "tax_id", "custom_tag"], fieldNames);
const ADDRESS = byAttr<AddressField, Names>(["country", "province", "district", "ward", "address", "zip_code"], fieldNames);
const CONTACT = byAttr<ContactField, { en: [string, string]; vi: [string, string] }>(["name", "phone_number", "email"], (attr) => groupNames(`contact.${attr}`));
const BANK = byAttr<BankField, { en: [string, string]; vi: [string, string] }>(["bank_code", "bank_name", "account_holder_name", "account_number"], (attr) => groupNames(`bank.${attr}`));

export const GENERAL_FIELDS = Object.keys(GENERAL) as GeneralField[];
export const ADDRESS_FIELDS = Object.keys(ADDRESS) as AddressField[];
export const CONTACT_FIELDS = Object.keys(CONTACT) as ContactField[];
export const BANK_FIELDS = Object.keys(BANK) as BankField[];

/** Case, diacritics (đ → d), spaces and punctuation ignored: "Mã khách hàng" = "ma_khach_hang". */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Every static field by each of its normalised names (English, Vietnamese, API path). */
const STATIC_NAMES = new Map<string, FieldKey>();
for (const attr of GENERAL_FIELDS) addStatic(`general_info.${attr}`, GENERAL[attr]);
for (const attr of ADDRESS_FIELDS) addStatic(`address.${attr}`, ADDRESS[attr]);

function addStatic(field: FieldKey, names: Names): void {
  for (const name of [field, names.en, names.vi]) STATIC_NAMES.set(normaliseHeader(name), field);
}

/** Abbreviations Vietnamese accountants write in every list (issue #15; GLOSSARY "mã vùng quốc gia"): aliases in every file. */
export const COMMON_ABBREVIATIONS: readonly (readonly [string, FieldKey])[] = [
  ["Mã KH", "general_info.customer_code"],
  ["Tên KH", "general_info.name"],
  ["SĐT", "general_info.phone"],
  ["MST", "general_info.tax_id"],
  ["Mã vùng quốc gia", "general_info.phone_code"],
  ["STK", "bank_accounts.1.account_number"],
  ["Tên ngân hàng", "bank_accounts.1.bank_name"],
];
for (const [alias, field] of COMMON_ABBREVIATIONS) STATIC_NAMES.set(normaliseHeader(alias), field);

interface GroupPattern {
  pattern: RegExp;
  make: (index: number) => FieldKey;
}

const GROUP_PATTERNS: GroupPattern[] = [];
for (const attr of CONTACT_FIELDS) {
  const make = (index: number): FieldKey => `contact_persons.${index}.${attr}`;
  addGroupPatterns(make, ["contact_persons", attr], CONTACT[attr]);
}
for (const attr of BANK_FIELDS) {
  const make = (index: number): FieldKey => `bank_accounts.${index}.${attr}`;
  addGroupPatterns(make, ["bank_accounts", attr], BANK[attr]);
}

function addGroupPatterns(
  make: (index: number) => FieldKey,
  apiPath: [string, string],
  names: { en: [string, string]; vi: [string, string] },
): void {
  for (const [prefix, suffix] of [apiPath, names.en, names.vi]) {
    const pattern = new RegExp(`^${normaliseHeader(prefix)}(\\d+)${normaliseHeader(suffix)}$`);
    GROUP_PATTERNS.push({ pattern, make });
  }
}

/** The field a header names (any language, API path dotted or bracketed), or undefined. */
export function fieldForHeader(header: string): FieldKey | undefined {
  const key = normaliseHeader(header);
  if (key === "") return undefined;
  const known = STATIC_NAMES.get(key);
  if (known) return known;
  for (const { pattern, make } of GROUP_PATTERNS) {
    const digits = pattern.exec(key)?.[1];
    if (digits === undefined) continue;
    const index = Number(digits);
    if (Number.isSafeInteger(index) && index >= 1) return make(index);
  }
  return undefined;
}

// The row mapper asks for the same few dozen keys on every row: parse each once (bounded, keys can be user text).
const parsedKeys = new Map<string, FieldRef | undefined>();
const MAX_PARSED_KEYS = 10_000;

/** Splits a canonical field key into its parts; undefined for anything else. The result is frozen (shared). */
export function parseFieldKey(field: string): FieldRef | undefined {
  const cached = parsedKeys.get(field);
  if (cached !== undefined || parsedKeys.has(field)) return cached;
  const ref = splitFieldKey(field);
  if (parsedKeys.size < MAX_PARSED_KEYS) parsedKeys.set(field, ref === undefined ? undefined : Object.freeze(ref));
  return ref;
}

function splitFieldKey(field: string): FieldRef | undefined {
  const parts = field.split(".");
  if (parts.length === 2) {
    const [group, attr = ""] = parts;
    if (group === "general_info" && Object.hasOwn(GENERAL, attr)) {
      return { group, attr: attr as GeneralField };
    }
    if (group === "address" && Object.hasOwn(ADDRESS, attr)) return { group, attr: attr as AddressField };
    return undefined;
  }
  if (parts.length !== 3) return undefined;
  const [group, digits = "", attr = ""] = parts;
  if (!/^[1-9]\d*$/.test(digits) || !Number.isSafeInteger(Number(digits))) return undefined;
  const index = Number(digits);
  if (group === "contact_persons" && Object.hasOwn(CONTACT, attr)) {
    return { group, index, attr: attr as ContactField };
  }
  if (group === "bank_accounts" && Object.hasOwn(BANK, attr)) return { group, index, attr: attr as BankField };
  return undefined;
}

export function isFieldKey(text: string): text is FieldKey {
  return parseFieldKey(text) !== undefined;
}

/** The template header of a field in one language, e.g. "Ngân hàng 2 - Số tài khoản". */
export function headerFor(field: FieldKey, lang: Lang): string {
  const ref = parseFieldKey(field);
  if (!ref) throw new Error(`not a field key: ${field}`);
  switch (ref.group) {
    case "general_info":
      return GENERAL[ref.attr][lang];
    case "address":
      return ADDRESS[ref.attr][lang];
    case "contact_persons": {
      const [prefix, suffix] = CONTACT[ref.attr][lang];
      return `${prefix} ${ref.index} ${suffix}`;
    }
    case "bank_accounts": {
      const [prefix, suffix] = BANK[ref.attr][lang];
      return `${prefix} ${ref.index} ${suffix}`;
    }
  }
}

/** Every field in template order: general, address, contact 1..n, bank 1..n. */
export function templateFields(contacts = 2, banks = 2): FieldKey[] {
  const fields: FieldKey[] = [];
  for (const attr of GENERAL_FIELDS) fields.push(`general_info.${attr}`);
  for (const attr of ADDRESS_FIELDS) fields.push(`address.${attr}`);
  for (let index = 1; index <= contacts; index++) {
    for (const attr of CONTACT_FIELDS) fields.push(`contact_persons.${index}.${attr}`);
  }
  for (let index = 1; index <= banks; index++) {
    for (const attr of BANK_FIELDS) fields.push(`bank_accounts.${index}.${attr}`);
  }
  return fields;
}

export function templateColumns(lang: Lang, contacts = 2, banks = 2): { field: FieldKey; header: string }[] {
  return templateFields(contacts, banks).map((field) => ({ field, header: headerFor(field, lang) }));
}

/** Excel column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A field's template header as a message: the header in the language the message is shown in. */
export function headerMessage(field: FieldKey): Message {
  const ref = parseFieldKey(field);
  if (!ref) throw new Error(`not a field key: ${field}`);
  // keys built from the field table, as fieldNames reads them: every one exists
  if (ref.group === "general_info" || ref.group === "address") return { key: `customers.field.${ref.attr}` as MessageKey, params: {} };
  const group = ref.group === "contact_persons" ? "contact" : "bank";
  return { key: `customers.field.${group}.${ref.attr}` as MessageKey, params: { n: String(ref.index) } };
}
