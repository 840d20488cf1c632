// Which columns an export writes, in which order, under which headers (SPEC "export", "Columns").
import { BANK_FIELDS, CONTACT_FIELDS, fieldForHeader, headerFor, normaliseHeader, templateFields } from "../customers/columns.js";
import type { FieldKey, Lang } from "../customers/columns.js";
import { fieldValue } from "../customers/from-payload.js";
import type { CustomerPayload } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { msg, t } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/** Server-owned fields written after the template's columns; the importer ignores them. */
export const META_COLUMNS = ["customer_id", "created_at", "updated_at"] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];

export type ColumnKey = FieldKey | MetaColumn;
export type GroupName = "contact_persons" | "bank_accounts";

/** One item of `--columns`: a field, a server field, or a whole group sized to the widest record. */
export type ColumnChoice = { kind: "column"; key: ColumnKey } | { kind: "group"; group: GroupName };

/** What the list endpoint returns: all that `--summary` can write. */
export const SUMMARY_KEYS: readonly ColumnKey[] = ["general_info.customer_code", "general_info.name", "general_info.type", "customer_id", "created_at"];

export interface ExportColumns {
  keys: ColumnKey[];
  headers: string[];
  /** another program's shape (export --profile): its cells for a record, in place of `keys` */
  valuesOf?: (record: CustomerPayload) => (string | undefined)[];
}

export interface GroupWidths {
  contacts: number;
  banks: number;
}

const GROUP_NAMES = new Map<string, GroupName>([
  ...["contact_persons", "contacts", "Người liên hệ"].map((name): [string, GroupName] => [normaliseHeader(name), "contact_persons"]),
  ...["bank_accounts", "banks", "Ngân hàng"].map((name): [string, GroupName] => [normaliseHeader(name), "bank_accounts"]),
]);
// created_at and updated_at answer to their Vietnamese headers too (Ngày tạo), as an export with --lang vi writes them
const META_NAMES = new Map<string, MetaColumn>(META_COLUMNS.flatMap((name) => [name, ...(name === "customer_id" ? [] : [t("vi", `export.column.${name}`)])].map((header): [string, MetaColumn] => [normaliseHeader(header), name])));

/**
 * Parses `--columns` ("Customer code, Tên khách hàng, bank_accounts.1.account_number, contacts")
 * up front, so a typo stops the run before any request; repeats are dropped (the importer
 * refuses a file with a header twice).
 */
export function parseColumnSelection(text: string, summaryOnly: boolean): ColumnChoice[] {
  const names = text.split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (names.length === 0) throw usage(msg("export.columns.none", { text }));
  const choices: ColumnChoice[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const choice = parseChoice(name);
    if (!choice) throw usage(msg("export.columns.unknown", { name }), validNamesHint(summaryOnly));
    if (summaryOnly && !(choice.kind === "column" && SUMMARY_KEYS.includes(choice.key))) {
      throw usage(msg("export.columns.notInSummary", { name }), validNamesHint(true));
    }
    const id = choice.kind === "column" ? choice.key : choice.group;
    if (seen.has(id)) continue;
    seen.add(id);
    choices.push(choice);
  }
  return choices;
}

function parseChoice(name: string): ColumnChoice | undefined {
  const key = normaliseHeader(name);
  const meta = META_NAMES.get(key);
  if (meta) return { kind: "column", key: meta };
  const group = GROUP_NAMES.get(key);
  if (group) return { kind: "group", group };
  const field = fieldForHeader(name);
  return field ? { kind: "column", key: field } : undefined;
}

/** Whether the columns depend on the widest record (so every record must be seen before writing). */
export function needsGroupWidths(selection: ColumnChoice[] | undefined, summaryOnly: boolean): boolean {
  if (summaryOnly) return false;
  return selection === undefined || selection.some((choice) => choice.kind === "group");
}

/**
 * The export's columns: by default the template's in template order with as many contact and
 * bank groups as the widest record, then customer_id, created_at, updated_at; with `--summary`
 * only what the list returns; with `--columns` the chosen ones in the order given.
 */
export function layoutColumns(selection: ColumnChoice[] | undefined, options: { lang: Lang; summaryOnly: boolean; widths: GroupWidths; timeZone?: string | undefined }): ExportColumns {
  const { lang, widths, timeZone } = options;
  let keys: ColumnKey[];
  if (selection) keys = selection.flatMap((choice) => (choice.kind === "column" ? [choice.key] : groupKeys(choice.group, widths)));
  else if (options.summaryOnly) keys = [...SUMMARY_KEYS];
  else keys = [...templateFields(widths.contacts, widths.banks), ...META_COLUMNS];
  return { keys, headers: keys.map((key) => headerOf(key, lang, timeZone)) };
}

function groupKeys(group: GroupName, widths: GroupWidths): FieldKey[] {
  const keys: FieldKey[] = [];
  if (group === "contact_persons") {
    for (let index = 1; index <= widths.contacts; index += 1) {
      for (const attr of CONTACT_FIELDS) keys.push(`contact_persons.${index}.${attr}`);
    }
  } else {
    for (let index = 1; index <= widths.banks; index += 1) {
      for (const attr of BANK_FIELDS) keys.push(`bank_accounts.${index}.${attr}`);
    }
  }
  return keys;
}

/** A record (full, or a list summary) as the cells of one row; a blank value is undefined. */
export function rowValues(record: CustomerPayload & { [meta in MetaColumn]?: unknown }, keys: readonly ColumnKey[]): (string | undefined)[] {
  return keys.map((key) => {
    if (!isMeta(key)) return fieldValue(record, key);
    const value = record[key];
    return typeof value === "string" && value !== "" ? value : undefined;
  });
}

function isMeta(key: ColumnKey): key is MetaColumn {
  return (META_COLUMNS as readonly string[]).includes(key);
}

/** A column's header; created_at and updated_at name the zone their times are written in, when they are converted. */
export function headerOf(key: ColumnKey, lang: Lang, timeZone?: string): string {
  if (!isMeta(key)) return headerFor(key, lang);
  if (key === "customer_id") return key;
  const name = t(lang, `export.column.${key}`);
  return timeZone === undefined ? name : t(lang, "export.column.inZone", { name, zone: timeZone });
}

function validNamesHint(summaryOnly: boolean): Message {
  if (summaryOnly) return msg("export.columns.summaryHint", { columns: SUMMARY_KEYS.map((key) => headerOf(key, "en")).join(", ") });
  const fixed = templateFields(0, 0).map((field) => headerFor(field, "en"));
  const contact = templateFields(1, 0).slice(fixed.length).map((field) => headerFor(field, "en").replace(" 1 ", " N "));
  const bank = templateFields(0, 1).slice(fixed.length).map((field) => headerFor(field, "en").replace(" 1 ", " N "));
  return msg("export.columns.hint", { columns: [...fixed, ...contact, ...bank, ...META_COLUMNS].join(", ") });
}

function usage(message: Message, hint?: Message): ToolError {
  return new ToolError("E_USAGE", message, hint === undefined ? {} : { hint });
}
