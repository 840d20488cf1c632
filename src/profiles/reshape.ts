// A row of another program's file in our shape: value maps applied, and the fields its roles fill
// (KiotViet's area and company, "a|b" tags, Họ + Tên) as extra columns after the file's own.
import { fieldForHeader, normaliseHeader } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { headerText } from "../customers/header.js";
import type { BoundColumns } from "../customers/header.js";
import { parseCustomerType } from "../customers/schema.js";
import type { RowOutcome } from "../customers/to-payload.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { displayCell } from "../spreadsheet/display-cell.js";
import type { Cell, SheetRow } from "../spreadsheet/types.js";
import { splitArea } from "./area.js";
import { bankCodeForName } from "./banks.js";
import type { SourcePlan } from "./plan.js";
import type { Role } from "./types.js";

export interface Reshaper {
  /** the header row with a column for each field a role fills */
  header: SheetRow;
  /** headers that are neither bound nor warned about: roles, and columns with no Finan field */
  ignore: Set<string>;
  /** the run's warnings: the columns not sent, listed once */
  warnings: Message[];
  /** a column not read for want of sure meaning, when the type has no other column: the run cannot go on */
  unsureType: string | undefined;
  row(row: SheetRow): SheetRow;
  /** the added columns' bindings and issues name the file's column they come from */
  finishBind(bound: BoundColumns): void;
  outcome(outcome: RowOutcome): RowOutcome;
}

const text = (value: string): Cell => ({ kind: "text", text: value });
const cellText = (cell: Cell | undefined): string | undefined => displayCell(cell)?.trim() || undefined;

export function createReshaper(headerRow: SheetRow, plan: SourcePlan, defaults: ReadonlyMap<FieldKey, string> = new Map()): Reshaper {
  const headers = headerRow.cells.map(headerText);
  const start = headers.length;
  const keys = headers.map(normaliseHeader);
  const ignore = new Set<string>();
  const roleAt = new Map<Role, number>();
  const valuesAt = new Map<number, Map<string, string>>();
  const fieldAt = new Map<FieldKey, number>();
  keys.forEach((key, column) => {
    if (key === "") return;
    const role = plan.roles.get(key);
    if (role !== undefined || plan.noField.has(key) || plan.unsure.has(key)) ignore.add(key);
    if (role !== undefined && !roleAt.has(role)) roleAt.set(role, column);
    const values = plan.values.get(key);
    if (values !== undefined) valuesAt.set(column, new Map([...values].map(([from, to]) => [normaliseHeader(from), to])));
    const field = role === undefined && !ignore.has(key) ? (plan.fields.get(key) ?? fieldForHeader(headers[column] ?? "")) : undefined;
    if (field !== undefined && !fieldAt.has(field)) fieldAt.set(field, column);
  });

  // Each field a role fills, unless the file has a column of its own for it; where it comes from.
  const added: { field: FieldKey; from: number | undefined }[] = [];
  const add = (field: FieldKey, role: Role, cellFrom?: FieldKey): void => {
    const from = roleAt.has(role) ? (cellFrom === undefined ? roleAt.get(role) : fieldAt.get(cellFrom)) : undefined;
    if (from !== undefined && !fieldAt.has(field) && !added.some((entry) => entry.field === field)) added.push({ field, from });
  };
  add("address.province", "area");
  add("address.district", "area");
  add("general_info.custom_tag", "tags");
  add("general_info.name", "lastName");
  add("general_info.name", "firstName");
  add("general_info.name", "company");
  add("contact_persons.1.name", "company", "general_info.name");
  add("contact_persons.1.phone_number", "company", "general_info.phone");
  // a program's file that names banks without codes (MISA): the code from the bank table, on a unique match
  const bankNameAt = fieldAt.get("bank_accounts.1.bank_name");
  const fillsBankCode = plan.profile !== undefined && bankNameAt !== undefined && !fieldAt.has("bank_accounts.1.bank_code");
  if (fillsBankCode) added.push({ field: "bank_accounts.1.bank_code", from: bankNameAt });
  // --default: a column of its own when the file has none for the field
  for (const field of defaults.keys()) if (!fieldAt.has(field) && !added.some((entry) => entry.field === field)) added.push({ field, from: undefined });
  const addedAt = new Map(added.map(({ field }, at) => [field, start + at]));
  const defaultAt = [...defaults].map(([field, value]) => ({ field, value, column: fieldAt.get(field) ?? addedAt.get(field) ?? -1 }));
  let defaulted: FieldKey[] = [];
  let notes: Message[] = [];
  const header: SheetRow = { ...headerRow, cells: [...headerRow.cells, ...added.map(({ field }) => text(field))] };

  const present = (set: Set<string>): string[] => headers.filter((header, column) => set.has(keys[column] ?? "") && header !== "");
  const warnings: Message[] = [];
  const noField = present(plan.noField);
  if (noField.length > 0) warnings.push(msg("sources.noField", { headers: noField.map((header) => `"${header}"`).join(", ") }));

  const typeAt = fieldAt.get("general_info.type");
  const unsureType = typeAt === undefined && !defaults.has("general_info.type") ? present(plan.unsure)[0] : undefined;
  const nameAt = fieldAt.get("general_info.name");
  const phoneAt = fieldAt.get("general_info.phone");

  function row(sheetRow: SheetRow): SheetRow {
    notes = [];
    const cells = sheetRow.cells.slice(0, start);
    cells.length = start + added.length;
    for (const [column, values] of valuesAt) {
      const value = cellText(cells[column]);
      const ours = value === undefined ? undefined : values.get(normaliseHeader(value));
      if (ours !== undefined) cells[column] = text(ours);
    }
    const put = (field: FieldKey, value: Cell | string | undefined): void => {
      const at = addedAt.get(field);
      if (at !== undefined && value !== undefined) cells[at] = typeof value === "string" ? text(value) : value;
    };
    const at = (role: Role): string | undefined => {
      const column = roleAt.get(role);
      return column === undefined ? undefined : cellText(cells[column]);
    };
    const area = at("area");
    if (area !== undefined) {
      const { province, district } = splitArea(area);
      put("address.province", province);
      put("address.district", district);
    }
    const tags = at("tags");
    if (tags !== undefined) put("general_info.custom_tag", tags.split("|").map((tag) => tag.trim()).filter(Boolean).join(", "));
    const fullName = [at("lastName"), at("firstName")].filter(Boolean).join(" ");
    if (fullName !== "") put("general_info.name", fullName);
    const typeText = typeAt === undefined ? undefined : cellText(cells[typeAt]);
    const isCompany = typeText !== undefined && parseCustomerType(typeText) === "company";
    const companyOfPerson = isCompany ? undefined : at("company");
    // a person's company has no field: kept in the report, and said, not dropped without a word
    if (companyOfPerson !== undefined) notes.push(msg("sources.companyOfPerson", { header: headers[roleAt.get("company") ?? 0] ?? "", value: companyOfPerson }));
    if (roleAt.has("company") && isCompany) {
      // KiotViet's company row: the company is the customer, the person named on the row its contact 1
      const person = nameAt === undefined ? undefined : cells[nameAt];
      const company = at("company");
      if (company !== undefined && nameAt !== undefined) cells[nameAt] = text(company);
      else put("general_info.name", company);
      put("contact_persons.1.name", person);
      put("contact_persons.1.phone_number", phoneAt === undefined ? undefined : cells[phoneAt]);
    }
    const bankName = fillsBankCode && bankNameAt !== undefined ? cellText(cells[bankNameAt]) : undefined;
    const bankCode = bankName === undefined ? undefined : bankCodeForName(bankName);
    if (bankName !== undefined && bankCode !== undefined) {
      put("bank_accounts.1.bank_code", bankCode);
      notes.push(msg("sources.bankCodeFilled", { header: headers[bankNameAt ?? 0] ?? "", code: bankCode, name: bankName }));
    }
    defaulted = [];
    for (const { field, value, column } of defaultAt) {
      if (cellText(cells[column]) !== undefined) continue;
      cells[column] = text(value);
      defaulted.push(field);
    }
    return { ...sheetRow, cells };
  }

  const origin = (column: number | undefined): number | undefined => (column !== undefined && column >= start ? added[column - start]?.from : column);

  return {
    header,
    ignore,
    warnings,
    unsureType,
    row,
    finishBind(bound) {
      for (const binding of bound.bindings) {
        const from = origin(binding.column);
        if (from !== binding.column && from !== undefined) binding.header = headers[from] ?? binding.header;
      }
    },
    outcome(mapped) {
      const outcome = notes.length === 0 ? mapped : { ...mapped, warnings: [...mapped.warnings, ...notes] };
      if (outcome.ok) return defaulted.length === 0 ? outcome : { ...outcome, defaulted };
      if (!outcome.issues.some((issue) => (issue.column ?? 0) >= start)) return outcome;
      return { ...outcome, issues: outcome.issues.map((issue) => (issue.column === undefined ? issue : { ...issue, column: origin(issue.column) ?? issue.column })) };
    },
  };
}
