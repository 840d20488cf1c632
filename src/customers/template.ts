// What `finan-bulk template` writes: template columns, two example rows, the Type choices, instructions.
import { templateColumns } from "./columns.js";
import type { FieldKey, Lang } from "./columns.js";
import { instructionRows } from "./template-instructions.js";
import type { CustomerType } from "./types.js";
import { t } from "../i18n/text.js";

export interface TemplateContent {
  sheetName: string;
  headers: string[];
  /** one personal and one company example, in header order ("" = blank) */
  examples: string[][];
  /** column index of Type and the dropdown's choices */
  typeColumn: number;
  typeChoices: string[];
  instructions: { name: string; rows: string[][] };
}

const CONTACT_GROUPS = 2;
const BANK_GROUPS = 2;

/** A type as the template's dropdown (and a Vietnamese export) writes it: personal / Cá nhân, company / Tổ chức. */
export function typeLabel(lang: Lang, type: CustomerType): string {
  return t(lang, `template.type.${type}`);
}

// Fictional but realistic: +84, leading zeros (phone, tax id, 16-digit account), diacritics.
const PERSONAL: Partial<Record<FieldKey, string>> = {
  "general_info.customer_code": "VD001",
  "general_info.name": "Nguyễn Thị Lan",
  "general_info.phone_code": "+84",
  "general_info.phone": "0933456789",
  "general_info.email": "lan.nguyen@example.com",
  "general_info.custom_tag": "Khách lẻ",
  "address.country": "Việt Nam",
  "address.province": "TP. Hồ Chí Minh",
  "address.district": "Quận 3",
  "address.ward": "Phường Võ Thị Sáu",
  "address.address": "45 Trần Quốc Thảo",
  "address.zip_code": "70000",
  "bank_accounts.1.bank_code": "203",
  "bank_accounts.1.bank_name": "Vietcombank",
  "bank_accounts.1.account_holder_name": "NGUYEN THI LAN",
  "bank_accounts.1.account_number": "0071001234567",
};

const COMPANY: Partial<Record<FieldKey, string>> = {
  "general_info.customer_code": "VD002",
  "general_info.name": "Công ty TNHH Thương mại Sao Việt",
  "general_info.phone_code": "+84",
  "general_info.phone": "024 3791 5678",
  "general_info.email": "ketoan@saoviet.example.com",
  "general_info.tax_id": "0312345673",
  "general_info.custom_tag": "Đại lý",
  "address.country": "Việt Nam",
  "address.province": "Hà Nội",
  "address.district": "Quận Cầu Giấy",
  "address.ward": "Phường Dịch Vọng Hậu",
  "address.address": "Số 8 Trần Thái Tông",
  "address.zip_code": "10000",
  "contact_persons.1.name": "Trần Văn Bình",
  "contact_persons.1.phone_number": "0912345678",
  "contact_persons.1.email": "binh.tran@saoviet.example.com",
  "contact_persons.2.name": "Lê Thị Hoa",
  "contact_persons.2.phone_number": "+84 907 654 321",
  "contact_persons.2.email": "hoa.le@saoviet.example.com",
  "bank_accounts.1.bank_code": "202",
  "bank_accounts.1.bank_name": "BIDV",
  "bank_accounts.1.account_holder_name": "CONG TY TNHH THUONG MAI SAO VIET",
  "bank_accounts.1.account_number": "31410001234567",
  "bank_accounts.2.bank_code": "311",
  "bank_accounts.2.bank_name": "MB",
  "bank_accounts.2.account_holder_name": "CONG TY TNHH THUONG MAI SAO VIET",
  "bank_accounts.2.account_number": "0451000123456789",
};

/** The example rows' values, by field (the type aside): what a filled template's leftover examples are known by. */
export const TEMPLATE_EXAMPLES: readonly Partial<Record<FieldKey, string>>[] = [PERSONAL, COMPANY];

/** The template in one language: headers, examples and instructions all derive from the field table. */
export function templateContent(lang: Lang): TemplateContent {
  const columns = templateColumns(lang, CONTACT_GROUPS, BANK_GROUPS);
  const example = (values: Partial<Record<FieldKey, string>>, type: CustomerType): string[] =>
    columns.map(({ field }) => (field === "general_info.type" ? typeLabel(lang, type) : (values[field] ?? "")));
  // the optional Action column comes last, blank: a blank cell follows --mode
  return {
    sheetName: t(lang, "template.sheet.customers"),
    headers: [...columns.map(({ header }) => header), t(lang, "actions.column.header")],
    examples: [[...example(PERSONAL, "personal"), ""], [...example(COMPANY, "company"), ""]],
    typeColumn: columns.findIndex(({ field }) => field === "general_info.type"),
    typeChoices: [typeLabel(lang, "personal"), typeLabel(lang, "company")],
    instructions: { name: t(lang, "template.sheet.instructions"), rows: instructionRows(columns.map(({ field }) => field)) },
  };
}
