// Finding the header row and binding its columns to fields (SPEC "Columns").
import { ToolError } from "../errors.js";
import type { Cell, SheetRow } from "../spreadsheet/types.js";
import { columnLetter, fieldForHeader, headerFor, headerMessage, normaliseHeader } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { isActionHeader } from "./actions.js";
import type { ColumnMapping } from "./mapping.js";
import { CATALOGUE } from "../i18n/catalogue.js";
import { LANGS } from "../i18n/lang.js";
import type { Lang } from "../i18n/lang.js";
import { entryText, msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { t } from "../i18n/text.js";

/** The columns our own report adds; ignored on read so a report is itself a valid input. */
export const RESULT_COLUMNS = [
  "row",
  "status",
  "customer_id",
  "http_status",
  "api_code",
  "request_id",
  "message",
  "attempts",
] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

// An export adds these beside the template columns, in either language and with or without the zone of its times
// ("Ngày tạo (Asia/Ho_Chi_Minh)"); a round trip must not warn about them.
const EXPORT_METADATA = (["created_at", "updated_at"] as const).flatMap((name) => LANGS.map((lang) => t(lang, `export.column.${name}`)));

/** Every report of ours (validate, import, undo) has these. */
const REPORT_MARKS: ResultColumn[] = ["row", "status", "message"];
/** Result columns whose names a user's own list may well have. */
const PLAIN_WORDS = new Set<ResultColumn>(["row", "status", "message", "attempts"]);
/** Our result columns by their names in either language (report.column.*); customer_id is one name in both. */
const RESULT_BY_KEY = new Map<string, { name: ResultColumn; langs: Lang[] }>();
for (const name of RESULT_COLUMNS) {
  for (const lang of LANGS) {
    const key = normaliseHeader(entryText(CATALOGUE[`report.column.${name}`][lang], lang, undefined));
    RESULT_BY_KEY.set(key, { name, langs: [...(RESULT_BY_KEY.get(key)?.langs ?? []), lang] });
  }
}
const METADATA_KEYS = new Set(EXPORT_METADATA.map(normaliseHeader));
/** A changes-only export's `change` column, in either language: a result column, whose `deleted` rows are refused. */
export const CHANGE_HEADERS = new Set(LANGS.map((lang) => normaliseHeader(t(lang, "accounting.column.change"))));
// and the list of changed columns beside it: said by the export, nothing to import
const CHANGED_COLUMNS_HEADERS = new Set(LANGS.map((lang) => normaliseHeader(t(lang, "accounting.column.changedColumns"))));
/** The `deleted` word of the change column, in either language. */
export const DELETED_CHANGE = new Set(LANGS.map((lang) => normaliseHeader(t(lang, "accounting.change.deleted"))));

const REQUIRED: FieldKey[] = ["general_info.customer_code", "general_info.name", "general_info.type"];
const HEADER_SEARCH_ROWS = 10;

export interface ColumnBinding {
  column: number;
  /** the header as the user's file has it */
  header: string;
  field: FieldKey;
}

export interface BindOptions {
  mapping?: ColumnMapping;
  /** headers to skip without a warning (any spelling that normalises the same) */
  ignore?: Set<string>;
  /** --mode delete: customer_code or customer_id is the one column needed */
  codesOnly?: boolean;
}

export interface BoundColumns {
  bindings: ColumnBinding[];
  /** columns with a header that names no field: the caller warns once */
  unknown: { column: number; header: string }[];
  /** our report's result columns found in the header (ignored as data) */
  resultColumns: number[];
  /** the `status` result column, for `--only failed,invalid` */
  statusColumn: number | undefined;
  /** which result column each of `resultColumns` is, whatever language its header is in */
  resultNames: Map<number, ResultColumn>;
  /** the Action (Thao tác) column: each row's operation over --mode */
  actionColumn?: number | undefined;
  /** a changes-only export's `change` column (also among `resultColumns`) */
  changeColumn?: number;
}

/** A header cell as text; numbers count (a header "2024"), other kinds do not. */
export function headerText(cell: Cell | undefined): string {
  if (cell?.kind === "text") return cell.text.normalize("NFC").trim();
  if (cell?.kind === "number") return String(cell.value);
  return "";
}

function resolve(header: string, mapping: ColumnMapping | undefined): FieldKey | undefined {
  return mapping?.get(normaliseHeader(header)) ?? fieldForHeader(header);
}

/** A header that alone says which customer a row is: customer_code, or customer_id (an export's). */
function namesCustomer(header: string, mapping: ColumnMapping | undefined): boolean {
  return resolve(header, mapping) === "general_info.customer_code" || RESULT_BY_KEY.get(normaliseHeader(header))?.name === "customer_id";
}

/** The first row within the first 10 that names at least two known columns (title rows may sit above). */
export function findHeaderRow(
  rows: SheetRow[],
  options: { mapping?: ColumnMapping; codesOnly?: boolean } = {},
): { index: number; row: SheetRow } | undefined {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = rows[index];
    if (!row) continue;
    const known = row.cells.filter((cell) => resolve(headerText(cell), options.mapping) !== undefined);
    if (known.length >= 2 || (options.codesOnly && row.cells.some((cell) => namesCustomer(headerText(cell), options.mapping)))) return { index, row };
  }
  return undefined;
}

/** Binds each header cell to a field; duplicates and missing required columns stop the run. */
export function bindColumns(headerRow: SheetRow, options: BindOptions = {}): BoundColumns {
  const ignore = new Set([...(options.ignore ?? [])].map(normaliseHeader));
  const bound: BoundColumns = { bindings: [], unknown: [], resultColumns: [], statusColumn: undefined, resultNames: new Map() };
  const byField = new Map<FieldKey, ColumnBinding>();
  const resultNamed = new Map<ResultColumn, NamedColumn[]>();
  headerRow.cells.forEach((cell, column) => {
    const header = headerText(cell);
    const key = normaliseHeader(header);
    if (key === "" || ignore.has(key)) return;
    const field = resolve(header, options.mapping);
    if (field === undefined && bound.actionColumn === undefined && isActionHeader(header)) {
      bound.actionColumn = column;
      return;
    }
    if (field === undefined && (CHANGE_HEADERS.has(key) || CHANGED_COLUMNS_HEADERS.has(key))) {
      bound.resultColumns.push(column);
      if (CHANGE_HEADERS.has(key)) bound.changeColumn = column;
      return;
    }
    if (field === undefined) {
      const result = RESULT_BY_KEY.get(key);
      if (result !== undefined) resultNamed.set(result.name, [...(resultNamed.get(result.name) ?? []), { column, header, langs: result.langs }]);
      else if (!METADATA_KEYS.has(normaliseHeader(header.replace(/\s*\([^()]*\)\s*$/, "")))) bound.unknown.push({ column, header });
      return;
    }
    const first = byField.get(field);
    if (first) throw duplicateError(headerRow.row, first, { column, header, field }, options.mapping);
    const binding = { column, header, field };
    byField.set(field, binding);
    bound.bindings.push(binding);
  });
  placeResultColumns(bound, resultNamed);
  if (options.codesOnly) {
    if (!byField.has("general_info.customer_code") && !bound.resultColumns.some((column) => bound.resultNames.get(column) === "customer_id")) {
      throw new ToolError("E_MAPPING", msg("actions.columns.missing", { row: String(headerRow.row) }), { hint: msg("actions.columns.missingHint") });
    }
    return bound;
  }
  const missing = REQUIRED.filter((field) => !byField.has(field));
  if (missing.length > 0) throw missingError(headerRow.row, missing, bound.bindings);
  return bound;
}

interface NamedColumn {
  column: number;
  header: string;
  /** the languages whose report names the column so */
  langs: Lang[];
}

/**
 * Columns named like our report's result columns are ours when the file is one of our reports
 * (it has row, status and message, all named in one language; they come last, so the last of
 * each name is ours), and customer_id, http_status, api_code and request_id always are (an export
 * has customer_id). A plain word otherwise (a customer "Status", a "Message" for the sales team,
 * a "Dòng" of the user's own) is the user's own column: kept in the report, with the
 * unknown-column warning.
 */
function placeResultColumns(bound: BoundColumns, named: Map<ResultColumn, NamedColumn[]>): void {
  const inLang = (lang: Lang) => (entry: NamedColumn) => entry.langs.includes(lang);
  const reportLang = LANGS.find((lang) => REPORT_MARKS.every((name) => named.get(name)?.some(inLang(lang))));
  for (const [name, columns] of named) {
    const own = reportLang === undefined ? [] : columns.filter(inLang(reportLang));
    const ours = own.length > 0 ? own.at(-1) : PLAIN_WORDS.has(name) ? undefined : columns.at(-1);
    for (const entry of columns) {
      if (entry !== ours) bound.unknown.push({ column: entry.column, header: entry.header });
      else {
        bound.resultColumns.push(entry.column);
        bound.resultNames.set(entry.column, name);
        if (name === "status") bound.statusColumn = entry.column;
      }
    }
  }
  bound.unknown.sort((a, b) => a.column - b.column);
  bound.resultColumns.sort((a, b) => a - b);
}

// Up to this many unknown columns get a line each; past it, one line counts them (120,000 lines helped nobody).
const UNKNOWN_NAMED = 3;
const NAME_CHARS = 40;

/** The run's warnings about columns that name no field: a line each for a few, one counted line for many. */
export function unknownColumnWarnings(unknown: BoundColumns["unknown"]): Message[] {
  if (unknown.length <= UNKNOWN_NAMED) return unknown.map(({ header }) => msg("customers.columns.unknown", { header }));
  // headers quoted from the file with their column letters: the same in every language
  const shown = unknown.slice(0, UNKNOWN_NAMED).map(({ column, header }) => `"${header.length > NAME_CHARS ? `${header.slice(0, NAME_CHARS)}…` : header}" (${columnLetter(column)})`);
  return [msg("customers.columns.unknownMany", { count: unknown.length, shown: shown.join(", "), more: unknown.length - UNKNOWN_NAMED })];
}

function duplicateError(row: number, first: ColumnBinding, second: ColumnBinding, mapping: ColumnMapping | undefined): ToolError {
  // when the --columns mapping sent one of them there, the fix is in the mapping, not the sheet
  const [one, other] = [first, second].filter((binding) => mapping?.has(normaliseHeader(binding.header))).map((binding) => binding.header);
  const field = first.field;
  const hint = one === undefined
    ? msg("customers.columns.duplicateHint")
    : other === undefined
      ? msg("customers.columns.duplicateMappedOne", { header: one, field })
      : msg("customers.columns.duplicateMappedBoth", { first: one, second: other, field });
  const said = msg("customers.columns.duplicate", {
    row: String(row),
    first: columnLetter(first.column),
    second: columnLetter(second.column),
    firstHeader: first.header,
    secondHeader: second.header,
    header: headerMessage(field),
    field,
  });
  return new ToolError("E_HEADER_DUPLICATE", said, { hint });
}

function missingError(row: number, missing: FieldKey[], bindings: ColumnBinding[]): ToolError {
  const names = missing.map((field) => `${headerFor(field, "en")} / ${headerFor(field, "vi")} (${field})`);
  const recognised = bindings.map((b) => `${columnLetter(b.column)} "${b.header}" → ${b.field}`);
  // both languages' names and the file's own headers: the same words whichever language is spoken
  return new ToolError(
    "E_MAPPING",
    msg("customers.columns.missing", { row: String(row), names: names.join(", "), recognised: recognised.length > 0 ? recognised.join(", ") : msg("customers.columns.nothing") }),
    { hint: msg("customers.columns.missingHint") },
  );
}
