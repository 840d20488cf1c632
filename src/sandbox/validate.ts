// The sandbox's check of a POST/PUT body, apart from the client's schema on purpose: it must catch what the client lets through.
import type { Address, BankAccount, ContactPerson, CustomerPayload, GeneralInfo } from "../customers/types.js";

export type BodyValidation = { ok: true; value: CustomerPayload } | { ok: false; errors: string[] };

const GENERAL_OPTIONAL = ["phone", "phone_code", "email", "tax_id", "custom_tag"] as const;
const CONTACT_OTHER_FIELDS = ["phone_number", "email"] as const;
const ADDRESS_FIELDS = ["country", "province", "district", "ward", "address", "zip_code"] as const;
const BANK_FIELDS = ["bank_code", "bank_name", "account_holder_name", "account_number"] as const;
const CUSTOMER_TYPES = ["personal", "company"];
// Deliberately loose, like most servers' IsEmail: something@domain.tld, no spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Copies the known string fields of `source` into a new object, reporting non-strings.
 * Absent (undefined) means not sent; null is not a string and is reported, like any other non-string.
 */
function pickStrings<K extends string>(
  source: Json,
  fields: readonly K[],
  label: (field: K) => string,
  errors: string[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = source[field];
    if (value === undefined) continue;
    if (typeof value !== "string") errors.push(`${label(field)} must be a string`);
    else out[field] = value;
  }
  return out;
}

function checkEmail(email: string | undefined, label: string, errors: string[]): void {
  // An empty string counts as "not given", so a blank cell is never a format error.
  if (email !== undefined && email !== "" && !EMAIL_SHAPE.test(email)) errors.push(`${label} must email`);
}

function requireString(source: Json, field: string, label: string, errors: string[]): string {
  const value = source[field];
  if (value === undefined || value === null || value === "") errors.push(`${label} is required`);
  else if (typeof value !== "string") errors.push(`${label} must be a string`);
  else return value;
  return "";
}

function objectArray(value: unknown, label: string, errors: string[]): Json[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push(`${label} must be an array`);
    return undefined;
  }
  const items: Json[] = [];
  value.forEach((item, index) => {
    if (isObject(item)) items.push(item);
    else errors.push(`${label}[${index}] must be an object`);
  });
  return items;
}

function contactPersons(value: unknown, type: string, errors: string[]): ContactPerson[] | undefined {
  const missing = value === undefined || (Array.isArray(value) && value.length === 0);
  if (type === "company" && missing) errors.push("contact_persons must not be empty when type is company");
  const items = objectArray(value, "contact_persons", errors);
  return items?.map((item, index) => {
    const label = `contact_persons[${index}]`;
    // A contact without a name is meaningless, so the name is required for every contact given.
    const name = requireString(item, "name", `${label}.name`, errors);
    const person = pickStrings(item, CONTACT_OTHER_FIELDS, (field) => `${label}.${field}`, errors);
    checkEmail(person.email, `${label}.email`, errors);
    return { name, ...person };
  });
}

function generalInfo(value: unknown, errors: string[]): GeneralInfo | undefined {
  if (value === undefined || value === null) {
    errors.push("general_info is required");
    return undefined;
  }
  if (!isObject(value)) {
    errors.push("general_info must be an object");
    return undefined;
  }
  const name = requireString(value, "name", "name", errors);
  const customerCode = requireString(value, "customer_code", "customer_code", errors);
  const type = requireString(value, "type", "type", errors);
  if (type !== "" && !CUSTOMER_TYPES.includes(type)) errors.push("type must be one of personal, company");
  const optional = pickStrings(value, GENERAL_OPTIONAL, (field) => field, errors);
  checkEmail(optional.email, "email", errors);
  const persons = contactPersons(value["contact_persons"], type, errors);
  const info: GeneralInfo = { name, customer_code: customerCode, type: type === "company" ? "company" : "personal", ...optional };
  if (persons !== undefined) info.contact_persons = persons;
  return info;
}

function address(value: unknown, errors: string[]): Address | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    errors.push("address must be an object");
    return undefined;
  }
  return pickStrings(value, ADDRESS_FIELDS, (field) => `address.${field}`, errors);
}

function bankAccounts(value: unknown, errors: string[]): BankAccount[] | undefined {
  const items = objectArray(value, "bank_accounts", errors);
  return items?.map((item, index) => pickStrings(item, BANK_FIELDS, (field) => `bank_accounts[${index}].${field}`, errors));
}

/**
 * Validates a parsed body; on success returns only the known fields, and of the others those
 * named in `extraFields` (`note`, `general_info.birthday`), as sent: the real API holds fields
 * this tool does not map, and a client must not lose them.
 */
export function validateCustomerBody(body: unknown, extraFields: readonly string[] = []): BodyValidation {
  if (!isObject(body)) return { ok: false, errors: ["body must be a JSON object"] };
  const errors: string[] = [];
  const info = generalInfo(body["general_info"], errors);
  const addr = address(body["address"], errors);
  const banks = bankAccounts(body["bank_accounts"], errors);
  if (errors.length > 0 || info === undefined) return { ok: false, errors };
  const kept = (source: unknown, prefix: string): Json =>
    isObject(source) ? Object.fromEntries(Object.entries(source).filter(([key]) => extraFields.includes(`${prefix}${key}`))) : {};
  const value: CustomerPayload = { ...kept(body, ""), general_info: { ...kept(body["general_info"], "general_info."), ...info } };
  if (addr !== undefined) value.address = addr;
  if (banks !== undefined) value.bank_accounts = banks;
  return { ok: true, value };
}
