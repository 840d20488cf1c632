// The payload's rules (SPEC "Cells" rules, API.md payload) as one zod schema; issues come back as values.
import { z } from "zod";
import { normaliseHeader } from "./columns.js";
import type { FieldKey } from "./columns.js";
import type { CustomerPayload, CustomerType } from "./types.js";
import { CATALOGUE } from "../i18n/catalogue.js";
import { msg } from "../i18n/text.js";
import type { Message, MessageKey, Param } from "../i18n/text.js";

/** Which group number N each array entry came from (groups are compacted: blank ones dropped). */
export interface GroupNumbers {
  contacts: number[];
  banks: number[];
}

export interface FieldIssue {
  /** undefined only for a problem no single field owns */
  field?: FieldKey;
  message: Message;
}

export type Validation = { ok: true; value: CustomerPayload } | { ok: false; issues: FieldIssue[] };

const TYPE_ALIASES = new Map<string, CustomerType>([
  ["personal", "personal"],
  ["canhan", "personal"],
  ["company", "company"],
  ["congty", "company"],
  ["doanhnghiep", "company"],
  // GLOSSARY.md: MISA and Sapo write "Tổ chức/Cá nhân"; the Vietnamese template and export do too
  ["tochuc", "company"],
]);

/** "Cá nhân", "CONG TY", "doanh_nghiep" → the API's type; matched like headers. */
export function parseCustomerType(text: string): CustomerType | undefined {
  // A file spells its types a handful of ways: normalise each spelling once (bounded: cells are user text).
  if (typeSpellings.has(text)) return typeSpellings.get(text);
  const type = TYPE_ALIASES.get(normaliseHeader(text));
  if (typeSpellings.size < 1000) typeSpellings.set(text, type);
  return type;
}

const typeSpellings = new Map<string, CustomerType | undefined>();

/** Digits with the usual separators, one number per cell; E.164 allows at most 15 digits. */
export function isPhoneShape(text: string): boolean {
  // one pass over the characters: three regexes a phone cell cost more than the rest of its checks
  let digits = 0;
  let pluses = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits += 1;
    else if (code === 0x2b) pluses += 1;
    else if (!PHONE_MARKS.has(code) && !(code > 0x7f && /\s/.test(text[i]!))) return false;
  }
  return pluses <= 1 && digits >= 6 && digits <= 15;
}

// ( ) . - and the ASCII spaces (tab to CR, space); other spaces as \s knows them are looked up above
const PHONE_MARKS = new Set([0x28, 0x29, 0x2e, 0x2d, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

// zod's messages are catalogue keys (values, if any, in the issue's params): validateCustomer makes them Messages.
const rule = (key: MessageKey): MessageKey => key;
const REQUIRED = { error: rule("customers.rule.required") };

// The rules the schema checks by pattern, exported so the fast path (plain-customer.ts) tests the same ones.
export const EMAIL_PATTERN: RegExp = z.regexes.email;
export const PHONE_CODE_PATTERN = /^\+?\d{1,4}(?:-\d{1,4})?$/;

const text = z.string().optional();
const phone = z.string().refine(isPhoneShape, rule("customers.rule.phone")).optional();
const email = z.email({ pattern: EMAIL_PATTERN, error: rule("customers.rule.email") }).optional();

const contactSchema = z.object({
  name: z.string({ error: rule("customers.rule.contactName") }),
  phone_number: phone,
  email,
});

const bankSchema = z
  .object({
    bank_code: text,
    bank_name: text,
    account_holder_name: text,
    account_number: z.string({ error: rule("customers.rule.accountNumber") }),
  })
  .refine((bank) => Boolean(bank?.bank_code || bank?.bank_name), {
    path: ["bank_code"],
    message: rule("customers.rule.bankCodeOrName"),
    when: () => true,
  });

// No .min(1) on required text: the mapper leaves blank cells out (blank is absent), so "" never
// reaches here, and the check cost a fifth of the schema's time.
const generalSchema = z
  .object({
    name: z.string(REQUIRED),
    customer_code: z.string(REQUIRED),
    type: z
      .string(REQUIRED)
      .transform((value, ctx) => {
        const type = parseCustomerType(value);
        if (type !== undefined) return type;
        ctx.addIssue({ code: "custom", message: rule("customers.rule.type"), params: { value } });
        return z.NEVER;
      }),
    phone,
    phone_code: z
      .string()
      .regex(PHONE_CODE_PATTERN, rule("customers.rule.phoneCode"))
      .optional(),
    email,
    tax_id: text,
    custom_tag: text,
    contact_persons: z.array(contactSchema).optional(),
  })
  // `when`: judge the company rule even while other fields have issues, so a row shows every problem.
  .superRefine(
    (info, ctx) => {
      if (info?.type === "company" && (info.contact_persons?.length ?? 0) === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["contact_persons", 0, "name"],
          message: rule("customers.rule.companyContact"),
        });
      }
    },
    { when: () => true },
  );

const addressSchema = z.object({
  country: text,
  province: text,
  district: text,
  ward: text,
  address: text,
  zip_code: text,
});

export const customerSchema: z.ZodType<CustomerPayload, unknown> = z.object({
  general_info: generalSchema,
  address: addressSchema.optional(),
  bank_accounts: z.array(bankSchema).optional(),
});

/** Checks a payload; issues name the field by the group numbers the file used. */
export function validateCustomer(input: unknown, groups?: GroupNumbers): Validation {
  const result = customerSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue): FieldIssue => {
    const field = fieldOfPath(issue.path, groups);
    const message = ruleMessage(issue.message, "params" in issue ? issue.params : undefined);
    if (field === undefined) return { message: msg("customers.issue.path", { path: issue.path.join("."), text: message }) };
    return { field, message };
  });
  return { ok: false, issues };
}

/** A zod message as the Message it names; anything else (zod's own English) as a plain "is not valid". */
function ruleMessage(key: string, params: Record<string, unknown> | undefined): Message {
  if (!Object.hasOwn(CATALOGUE, key)) return msg("customers.rule.invalid");
  const values = Object.fromEntries(Object.entries(params ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { key: key as MessageKey, params: values as Record<string, Param> };
}

/** "Bank 1 account number (bank_accounts.1.account_number): lost digits…", as the report shows it. */
export function describeIssue(header: string | Message, field: FieldKey, text: Message): Message {
  return msg("customers.issue", { header, field, text });
}

function fieldOfPath(path: PropertyKey[], groups: GroupNumbers | undefined): FieldKey | undefined {
  const [group, second, third, fourth] = path;
  if (group === "address" && typeof second === "string" && path.length === 2) return `address.${second}` as FieldKey;
  if (group === "bank_accounts" && typeof second === "number" && typeof third === "string") {
    return `bank_accounts.${groups?.banks[second] ?? second + 1}.${third}` as FieldKey;
  }
  if (group !== "general_info") return undefined;
  if (second === "contact_persons" && typeof third === "number" && typeof fourth === "string") {
    return `contact_persons.${groups?.contacts[third] ?? third + 1}.${fourth}` as FieldKey;
  }
  if (typeof second === "string" && second !== "contact_persons" && path.length === 2) {
    return `general_info.${second}` as FieldKey;
  }
  return undefined;
}
