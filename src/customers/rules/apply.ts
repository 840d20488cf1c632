// The Vietnamese rules over one row's payload before validation: each may warn, restore what provably was there, or fill a blank.
import { UNRESOLVED_DAMAGE, isVietnameseCallingCode } from "../digit-damage.js";
import { msg } from "../../i18n/text.js";
import type { Message, MessageKey } from "../../i18n/text.js";
import type { FieldKey } from "../columns.js";
import { createDuplicateTracker } from "../duplicates.js";
import type { GroupNumbers } from "../schema.js";
import { checkTaxId, taxIdDigits } from "../tax-id.js";
import { checkBankAccount } from "./bank-rule.js";
import type { AccountDraft } from "./bank-rule.js";
import { oldFontOf } from "./old-font.js";
import { modernMobile, splitPhones } from "./phones.js";
import { checkProvince, isVietnamese } from "./province-rule.js";

/** --strict, --fix-bank-codes, --update-provinces. */
export interface RuleOptions {
  strict?: boolean;
  fixBankCodes?: boolean;
  updateProvinces?: boolean;
}

/** A rule's warning on one field (the row mapper names the column). */
export interface RuleNote {
  field: FieldKey;
  message: Message;
}

/**
 * Warnings the tool could not resolve: --strict makes the row invalid for them. Keyed by message, so
 * any module's warning joins by adding its key here; restored or filled values never belong.
 */
export const UNRESOLVED_WARNINGS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  "rules.taxId.checkDigit",
  "rules.taxId.noCheckDigit",
  "rules.taxId.branchSuffix",
  "rules.taxId.personalProvince",
  "rules.taxId.shape",
  "rules.taxId.duplicate",
  "rules.bank.disagree",
  "rules.bank.otherScheme",
  "rules.bank.ambiguous",
  "rules.bank.unknownCode",
  "rules.province.split",
  "rules.province.unknown",
  "rules.province.unknownNoGuess",
  "rules.oldFont",
  // a number cell no rule can vouch for, a 16-digit value that may be rounded
  ...UNRESOLVED_DAMAGE,
]);

/** Whether --strict turns this warning into an issue. */
export const isUnresolved = (message: Message): boolean => UNRESOLVED_WARNINGS.has(message.key);

interface Draft {
  general_info: Record<string, unknown> & { contact_persons?: Record<string, string | undefined>[] };
  address?: Record<string, string | undefined>;
  bank_accounts?: AccountDraft[];
}

// Free text a person types: where an old font shows. Field keys made once, not once a row.
const GENERAL_TEXT = (["name", "custom_tag"] as const).map((attr) => [attr, `general_info.${attr}`] as const);
const ADDRESS_TEXT = (["province", "district", "ward", "address"] as const).map((attr) => [attr, `address.${attr}`] as const);

/** The rules for one file: a tax ID seen twice is only known across rows, so the checker holds them. */
export function createRules(options: RuleOptions = {}): (payload: unknown, groups: GroupNumbers, row: number) => RuleNote[] {
  const taxIds = createDuplicateTracker();
  return (payload, groups, row) => {
    const draft = payload as Draft;
    const general = draft.general_info;
    const notes: RuleNote[] = [];
    const note = (field: FieldKey, message: Message | undefined): void => {
      if (message !== undefined) notes.push({ field, message });
    };
    if (typeof general.phone === "string") general.phone = checkPhone(general.phone, isVietnameseCallingCode(general.phone_code), (message) => note("general_info.phone", message));
    general.contact_persons?.forEach((contact, at) => {
      const n = groups.contacts[at]!;
      if (contact.phone_number !== undefined) contact.phone_number = checkPhone(contact.phone_number, true, (message) => note(`contact_persons.${n}.phone_number`, message));
      const oldFont = oldFontNote(contact.name);
      if (oldFont !== undefined) note(`contact_persons.${n}.name`, oldFont);
    });
    if (typeof general.tax_id === "string") {
      note("general_info.tax_id", taxIdNote(general.tax_id));
      const first = taxIds.check(taxIdDigits(general.tax_id), row);
      if (first !== undefined) note("general_info.tax_id", msg("rules.taxId.duplicate", { value: general.tax_id, row: String(first) }));
    }
    draft.bank_accounts?.forEach((account, at) => {
      const n = groups.banks[at]!;
      for (const { attr, message } of checkBankAccount(account, options.fixBankCodes === true)) note(`bank_accounts.${n}.${attr}`, message);
      const oldFont = oldFontNote(account.account_holder_name);
      if (oldFont !== undefined) note(`bank_accounts.${n}.account_holder_name`, oldFont);
    });
    const address = draft.address;
    if (address?.province !== undefined && isVietnamese(address.country)) {
      const { message, replacement } = checkProvince(address.province, options.updateProvinces === true);
      note("address.province", message);
      if (replacement !== undefined) address.province = replacement;
    }
    for (const [attr, field] of GENERAL_TEXT) note(field, oldFontNote(general[attr]));
    if (address !== undefined) for (const [attr, field] of ADDRESS_TEXT) note(field, oldFontNote(address[attr]));
    return notes;
  };
}

/** Two numbers in the cell: the first is sent; a pre-2018 mobile (Vietnamese numbers only): today's number. */
function checkPhone(value: string, vietnamese: boolean, note: (message: Message) => void): string {
  let phone = value;
  const numbers = splitPhones(phone);
  if (numbers !== undefined) {
    phone = numbers[0]!;
    note(msg("rules.phone.twoNumbers", { first: phone, others: numbers.slice(1) }));
  }
  const today = vietnamese ? modernMobile(phone) : undefined;
  if (today === undefined) return phone;
  note(msg("rules.phone.modernised", { old: phone, today }));
  return today;
}

function taxIdNote(value: string): Message | undefined {
  const checked = checkTaxId(value);
  if (checked.ok) return undefined;
  switch (checked.problem) {
    case "checkDigit":
      return msg("rules.taxId.checkDigit", { value, expected: checked.expected });
    case "noCheckDigit":
      return msg("rules.taxId.noCheckDigit", { value, prefix: checked.prefix });
    case "branchSuffix":
      return msg("rules.taxId.branchSuffix", { value });
    case "personalProvince":
      return msg("rules.taxId.personalProvince", { value });
    case "shape":
      return msg("rules.taxId.shape", { value });
  }
}

function oldFontNote(value: unknown): Message | undefined {
  const encoding = typeof value === "string" ? oldFontOf(value) : undefined;
  return encoding === undefined ? undefined : msg("rules.oldFont", { encoding });
}
