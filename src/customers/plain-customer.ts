// The common valid row without zod (whose safeParse cost ~6 µs and 7 KB of garbage a row): the schema's
// own rules and constants, its output built the way zod builds it. It only ever says "valid, and this is
// the payload"; anything it is not sure about goes to validateCustomer, so every issue is still zod's.
import { EMAIL_PATTERN, PHONE_CODE_PATTERN, isPhoneShape, parseCustomerType } from "./schema.js";
import type { CustomerPayload } from "./types.js";

/** How one string field is checked; "type" also becomes the API's word, as the schema's transform does. */
export type PlainCheck = "text" | "phone" | "email" | "phoneCode" | "type";

export interface PlainField {
  key: string;
  check: PlainCheck;
  required: boolean;
}

const plain = (key: string, check: PlainCheck = "text", required = false): PlainField => ({ key, check, required });

/**
 * Each object's string fields in the schema's shape order (zod's output has its keys in that order).
 * general_info's contact_persons, an array, comes after them. test/customers/plain-customer.test.ts
 * holds these lists to the schema's shapes, so a field added there cannot be missed here.
 */
export const PLAIN_FIELDS = {
  general_info: [
    plain("name", "text", true),
    plain("customer_code", "text", true),
    plain("type", "type", true),
    plain("phone", "phone"),
    plain("phone_code", "phoneCode"),
    plain("email", "email"),
    plain("tax_id"),
    plain("custom_tag"),
  ],
  contact_persons: [plain("name", "text", true), plain("phone_number", "phone"), plain("email", "email")],
  address: [plain("country"), plain("province"), plain("district"), plain("ward"), plain("address"), plain("zip_code")],
  bank_accounts: [plain("bank_code"), plain("bank_name"), plain("account_holder_name"), plain("account_number", "text", true)],
} as const satisfies Record<string, readonly PlainField[]>;

type Plain = Record<string, unknown>;

/** The payload zod's customerSchema would return for `input`, when the fast checks are sure it is valid; otherwise undefined. */
export function plainCustomer(input: unknown): CustomerPayload | undefined {
  if (!isPlain(input)) return undefined;
  const general = plainGeneral(input.general_info);
  if (general === undefined) return undefined;
  const out: Plain = { general_info: general };
  const address = input.address;
  if (address !== undefined || "address" in input) {
    const copied = plainObject(address, PLAIN_FIELDS.address);
    if (copied === undefined) return undefined;
    out.address = copied;
  }
  const banks = input.bank_accounts;
  if (banks !== undefined || "bank_accounts" in input) {
    const copied = plainArray(banks, PLAIN_FIELDS.bank_accounts);
    // the schema's refine: a bank needs its code or its name
    if (copied === undefined || !copied.every((bank) => Boolean(bank.bank_code || bank.bank_name))) return undefined;
    out.bank_accounts = copied;
  }
  return out as unknown as CustomerPayload;
}

function plainGeneral(input: unknown): Plain | undefined {
  if (!isPlain(input)) return undefined;
  const general = copyFields(input, PLAIN_FIELDS.general_info);
  if (general === undefined) return undefined;
  const contacts = input.contact_persons;
  if (contacts !== undefined || "contact_persons" in input) {
    const copied = plainArray(contacts, PLAIN_FIELDS.contact_persons);
    if (copied === undefined) return undefined;
    general.contact_persons = copied;
  }
  // the schema's superRefine: a company names a contact person
  if (general.type === "company" && ((general.contact_persons as unknown[] | undefined)?.length ?? 0) === 0) return undefined;
  return general;
}

function plainArray(input: unknown, fields: readonly PlainField[]): Plain[] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out: Plain[] = new Array<Plain>(input.length);
  for (let i = 0; i < input.length; i++) {
    const entry = plainObject(input[i], fields);
    if (entry === undefined) return undefined;
    out[i] = entry;
  }
  return out;
}

/** A new object of the listed fields, in list order; unknown keys are left out, as zod strips them. */
function plainObject(input: unknown, fields: readonly PlainField[]): Plain | undefined {
  return isPlain(input) ? copyFields(input, fields) : undefined;
}

function copyFields(input: Plain, fields: readonly PlainField[]): Plain | undefined {
  const out: Plain = {};
  for (const { key, check, required } of fields) {
    const value = input[key];
    if (value === undefined) {
      // a key present with undefined in it is kept by zod as undefined: rare, left to zod
      if (required || key in input) return undefined;
      continue;
    }
    if (typeof value !== "string") return undefined;
    const accepted = check === "text" ? value : checked(check, value);
    if (accepted === undefined) return undefined;
    out[key] = accepted;
  }
  return out;
}

function checked(check: Exclude<PlainCheck, "text">, value: string): string | undefined {
  switch (check) {
    case "type":
      return parseCustomerType(value);
    case "phone":
      return isPhoneShape(value) ? value : undefined;
    case "email":
      return EMAIL_PATTERN.test(value) ? value : undefined;
    case "phoneCode":
      return PHONE_CODE_PATTERN.test(value) ? value : undefined;
  }
}

// Only ordinary objects: anything else (a class instance, a null prototype) is zod's to judge.
function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
