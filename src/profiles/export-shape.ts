// export --profile: a record as one row of another program's import file, and what that file cannot carry.
import { fieldValue } from "../customers/from-payload.js";
import { templateFields } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import type { CustomerPayload } from "../customers/types.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { bankNameForCode } from "./banks.js";
import type { Profile, ProfileColumn, Role } from "./types.js";

export type OrgFlag = "0" | "1";

export interface ProfileShape {
  profile: Profile;
  headers: string[];
  /** one row's cells, in `headers` order; notes what the row could not carry */
  row(record: CustomerPayload): (string | undefined)[];
  /** what was left out: each field (a group's 2nd+ entries as N) with the customers that had it */
  dropped(): { field: string; customers: number }[];
  /** customers whose blank bank name was filled from the bank table */
  namesFilled(): string[];
}

// What each role writes back, and the fields it carries
const ROLE_FIELDS: Record<Role, FieldKey[]> = {
  area: ["address.province", "address.district"],
  tags: ["general_info.custom_tag"],
  company: [],
  lastName: [],
  firstName: [],
};

export function createProfileShape(profile: Profile, options: { orgFlag?: OrgFlag | undefined } = {}): ProfileShape {
  const carried = new Set<FieldKey>();
  for (const column of profile.columns) {
    if (column.target === undefined) continue;
    if (column.target in ROLE_FIELDS) for (const field of ROLE_FIELDS[column.target as Role]) carried.add(field);
    else carried.add(column.target as FieldKey);
  }
  // the MISA flag carries the type only when the user said which value means an organisation
  if (options.orgFlag !== undefined && profile.columns.some((column) => column.unsure)) carried.add("general_info.type");
  const droppedBy = new Map<string, number>();
  const filled: string[] = [];

  const cell = (column: ProfileColumn, record: CustomerPayload): string | undefined => {
    const type = fieldValue(record, "general_info.type");
    if (column.unsure) return options.orgFlag === undefined || type === undefined ? undefined : type === "company" ? options.orgFlag : options.orgFlag === "0" ? "1" : "0";
    const target = column.target;
    if (target === undefined) return undefined;
    if (target === "area") return [fieldValue(record, "address.province"), fieldValue(record, "address.district")].filter(Boolean).join(" - ") || undefined;
    if (target === "tags") return fieldValue(record, "general_info.custom_tag")?.split(", ").join("|");
    if (target === "company") return type === "company" ? fieldValue(record, "general_info.name") : undefined;
    if (target === "lastName" || target === "firstName") return undefined;
    // KiotViet's company row: the person on it is contact 1, as its import reads it
    if (target === "general_info.name" && profile.columns.some((other) => other.target === "company") && type === "company") {
      return fieldValue(record, "contact_persons.1.name") ?? fieldValue(record, "general_info.name");
    }
    const value = fieldValue(record, target);
    if (value !== undefined && column.values !== undefined) return Object.entries(column.values).find(([, ours]) => ours === value)?.[0] ?? value;
    if (value === undefined && target.endsWith(".bank_name")) return filledBankName(record, target);
    return value;
  };

  function filledBankName(record: CustomerPayload, target: FieldKey): string | undefined {
    const code = fieldValue(record, target.replace(/bank_name$/, "bank_code") as FieldKey);
    const name = code === undefined ? undefined : bankNameForCode(code);
    if (name !== undefined) filled.push(fieldValue(record, "general_info.customer_code") ?? "");
    return name;
  }

  const noteDropped = (record: CustomerPayload): void => {
    const seen = new Set<string>();
    for (const field of templateFields(countOf(record, "contacts"), countOf(record, "banks"))) {
      if (carried.has(field) || fieldValue(record, field) === undefined) continue;
      const kind = field.replace(/\.([2-9]|\d\d+)\./, ".N.");
      if (!seen.has(kind)) droppedBy.set(kind, (droppedBy.get(kind) ?? 0) + 1);
      seen.add(kind);
    }
  };

  return {
    profile,
    headers: profile.columns.map((column) => column.header),
    row(record) {
      noteDropped(record);
      return profile.columns.map((column) => cell(column, record));
    },
    dropped: () => [...droppedBy].map(([field, customers]) => ({ field, customers })),
    namesFilled: () => filled,
  };
}

function countOf(record: CustomerPayload, group: "contacts" | "banks"): number {
  const list = group === "contacts" ? record.general_info?.contact_persons : record.bank_accounts;
  return Array.isArray(list) ? list.length : 0;
}

/** The summary's lines about a profile file: what it left out, and bank names filled from the table. */
export function profileNotes(shape: ProfileShape): Message[] {
  const notes = shape.dropped().map(({ field, customers }) => msg("sources.export.dropped", { field, count: customers, name: shape.profile.name }));
  const filled = shape.namesFilled();
  if (filled.length > 0) notes.push(msg("sources.export.bankNameFilled", { count: filled.length, codes: filled.slice(0, 10).join(", ") }));
  return notes;
}
