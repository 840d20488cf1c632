// The field table of SPEC.md "Columns": which header names which payload field, in both languages.

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

const GENERAL: Record<GeneralField, Names> = {
  customer_code: { en: "Customer code", vi: "Mã khách hàng" },
  name: { en: "Name", vi: "Tên khách hàng" },
  type: { en: "Type", vi: "Loại khách hàng" },
  phone_code: { en: "Phone code", vi: "Mã quốc gia" },
  phone: { en: "Phone", vi: "Số điện thoại" },
  email: { en: "Email", vi: "Email" },
  tax_id: { en: "Tax ID", vi: "Mã số thuế" },
  custom_tag: { en: "Tag", vi: "Nhãn" },
};

const ADDRESS: Record<AddressField, Names> = {
  country: { en: "Country", vi: "Quốc gia" },
  province: { en: "Province", vi: "Tỉnh/Thành phố" },
  district: { en: "District", vi: "Quận/Huyện" },
  ward: { en: "Ward", vi: "Phường/Xã" },
  address: { en: "Street address", vi: "Địa chỉ" },
  zip_code: { en: "Zip code", vi: "Mã bưu chính" },
};

// Group headers as prefix + N + suffix, so "Contact 12 name" parses without a bound on N.
const CONTACT: Record<ContactField, { en: [string, string]; vi: [string, string] }> = {
  name: { en: ["Contact", "name"], vi: ["Người liên hệ", "- Tên"] },
  phone_number: { en: ["Contact", "phone"], vi: ["Người liên hệ", "- Số điện thoại"] },
  email: { en: ["Contact", "email"], vi: ["Người liên hệ", "- Email"] },
};

const BANK: Record<BankField, { en: [string, string]; vi: [string, string] }> = {
  bank_code: { en: ["Bank", "code"], vi: ["Ngân hàng", "- Mã"] },
  bank_name: { en: ["Bank", "name"], vi: ["Ngân hàng", "- Tên"] },
  account_holder_name: { en: ["Bank", "account holder"], vi: ["Ngân hàng", "- Chủ tài khoản"] },
  account_number: { en: ["Bank", "account number"], vi: ["Ngân hàng", "- Số tài khoản"] },
};

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
