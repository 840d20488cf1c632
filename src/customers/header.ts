// Finding the header row and binding its columns to fields (SPEC "Columns").
import { ToolError } from "../errors.js";
import type { Cell, SheetRow } from "../spreadsheet/types.js";
import { columnLetter, fieldForHeader, headerFor, normaliseHeader } from "./columns.js";
import type { FieldKey } from "./columns.js";
import type { ColumnMapping } from "./mapping.js";
import { LANGS } from "../i18n/lang.js";
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
const RESULT_BY_KEY = new Map<string, ResultColumn>(RESULT_COLUMNS.map((name) => [normaliseHeader(name), name]));
const METADATA_KEYS = new Set(EXPORT_METADATA.map(normaliseHeader));

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
}

export interface BoundColumns {
  bindings: ColumnBinding[];
  /** columns with a header that names no field: the caller warns once */
  unknown: { column: number; header: string }[];
  /** our report's result columns found in the header (ignored as data) */
  resultColumns: number[];
  /** the `status` result column, for `--only failed,invalid` */
  statusColumn: number | undefined;
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

/** The first row within the first 10 that names at least two known columns (title rows may sit above). */
export function findHeaderRow(
  rows: SheetRow[],
  options: { mapping?: ColumnMapping } = {},
): { index: number; row: SheetRow } | undefined {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = rows[index];
    if (!row) continue;
    const known = row.cells.filter((cell) => resolve(headerText(cell), options.mapping) !== undefined);
    if (known.length >= 2) return { index, row };
  }
  return undefined;
}

/** Binds each header cell to a field; duplicates and missing required columns stop the run. */
export function bindColumns(headerRow: SheetRow, options: BindOptions = {}): BoundColumns {
  const ignore = new Set([...(options.ignore ?? [])].map(normaliseHeader));
  const bound: BoundColumns = { bindings: [], unknown: [], resultColumns: [], statusColumn: undefined };
  const byField = new Map<FieldKey, ColumnBinding>();
  const resultNamed = new Map<ResultColumn, { column: number; header: string }[]>();
  headerRow.cells.forEach((cell, column) => {
    const header = headerText(cell);
    const key = normaliseHeader(header);
    if (key === "" || ignore.has(key)) return;
    const field = resolve(header, options.mapping);
    if (field === undefined) {
      const result = RESULT_BY_KEY.get(key);
      if (result !== undefined) resultNamed.set(result, [...(resultNamed.get(result) ?? []), { column, header }]);
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
  const missing = REQUIRED.filter((field) => !byField.has(field));
  if (missing.length > 0) throw missingError(headerRow.row, missing, bound.bindings);
  return bound;
}

/**
 * Columns named like our report's result columns are ours when the file is one of our reports
 * (it has row, status and message; they come last, so the last of each name is ours), and
 * customer_id, http_status, api_code and request_id always are (an export has customer_id).
 * A plain word otherwise (a customer "Status", a "Message" for the sales team) is the user's own
 * column: kept in the report, with the unknown-column warning.
 */
function placeResultColumns(bound: BoundColumns, named: Map<ResultColumn, { column: number; header: string }[]>): void {
  const isReport = REPORT_MARKS.every((name) => named.has(name));
  for (const [name, columns] of named) {
    const ours = isReport || !PLAIN_WORDS.has(name) ? columns.at(-1) : undefined;
    for (const entry of columns) {
      if (entry !== ours) bound.unknown.push(entry);
      else {
        bound.resultColumns.push(entry.column);
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
export function unknownColumnWarnings(unknown: BoundColumns["unknown"]): string[] {
  if (unknown.length <= UNKNOWN_NAMED) {
    return unknown.map(({ header }) => `Column "${header}" is not a customer field: it is kept in the report but not sent. Map it with --columns if it should be.`);
  }
  const shown = unknown.slice(0, UNKNOWN_NAMED).map(({ column, header }) => `"${header.length > NAME_CHARS ? `${header.slice(0, NAME_CHARS)}…` : header}" (${columnLetter(column)})`);
  const more = (unknown.length - UNKNOWN_NAMED).toLocaleString("en-US");
  return [`${unknown.length.toLocaleString("en-US")} columns are not customer fields: ${shown.join(", ")} and ${more} more. They are kept in the report but not sent; map them with --columns if they should be.`];
}

function duplicateError(row: number, first: ColumnBinding, second: ColumnBinding, mapping: ColumnMapping | undefined): ToolError {
  const columns = `${columnLetter(first.column)} and ${columnLetter(second.column)}`;
  // when the --columns mapping sent one of them there, the fix is in the mapping, not the sheet
  const mapped = [first, second].filter((binding) => mapping?.has(normaliseHeader(binding.header))).map((binding) => `"${binding.header}"`);
  const hint = mapped.length > 0
    ? `Your --columns mapping sends ${mapped.join(" and ")} to ${first.field}: map ${mapped.length > 1 ? "one of them" : "it"} to another field or leave ${mapped.length > 1 ? "one" : "it"} out of the mapping (or rename a column in the sheet), then run again.`
    : "Delete or rename one of the two columns, then run again.";
  return new ToolError(
    "E_HEADER_DUPLICATE",
    `Header row ${row}: columns ${columns} ("${first.header}" and "${second.header}") are both ` +
      `${headerFor(first.field, "en")} (${first.field}).`,
    { hint },
  );
}

function missingError(row: number, missing: FieldKey[], bindings: ColumnBinding[]): ToolError {
  const names = missing.map((field) => `${headerFor(field, "en")} / ${headerFor(field, "vi")} (${field})`);
  const recognised = bindings.map((b) => `${columnLetter(b.column)} "${b.header}" → ${b.field}`);
  return new ToolError(
    "E_MAPPING",
    `Header row ${row} has no column for ${names.join(", ")}, so no row could be sent. ` +
      `Recognised: ${recognised.length > 0 ? recognised.join(", ") : "nothing"}.`,
    { hint: "Name the columns as the template does (finan-bulk template), or map yours with --columns mapping.json." },
  );
}
