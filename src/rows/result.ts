// A row's result: what reports, journals and the row runner share, and how an input row becomes one.
import type { RowOutcome } from "../customers/to-payload.js";
import type { CellMark } from "../spreadsheet/types.js";
import type { InputRow } from "../customers/read-input.js";
import { parseStatus } from "./status.js";
import type { RowReason, RowStatus } from "./status.js";
import { render } from "../i18n/text.js";
import type { Lang } from "../i18n/lang.js";

/** A row's final result, as reported and as journaled. */
export interface RowResult {
  row: number;
  status: RowStatus;
  /** why a row was left alone, when the summary counts it (conflicts, rows without a backup) */
  reason?: RowReason | undefined;
  customerCode?: string | undefined;
  customerId?: string | undefined;
  httpStatus?: number | undefined;
  apiCode?: number | undefined;
  requestId?: string | undefined;
  message?: string | undefined;
  attempts?: number | undefined;
}

/** The result of a row that cannot be sent (or is skipped, as a template's example), with its issues and warnings in the message, in the report's language. */
export function invalidResult(outcome: Extract<RowOutcome, { ok: false }>, lang: Lang): RowResult {
  if (outcome.skipped !== undefined) return { row: outcome.row, status: "skipped", customerCode: outcome.customerCode, message: render(lang, outcome.skipped) };
  const said = [...outcome.issues.map((issue) => issue.message), ...outcome.warnings];
  return { row: outcome.row, status: "invalid", customerCode: outcome.customerCode, message: said.map((message) => render(lang, message)).join("; ") };
}

/** Warnings (a phone's restored 0, an unknown bank) ride along in the message of a row that went through. */
export function withWarnings(result: RowResult, outcome: RowOutcome, lang: Lang): RowResult {
  if (outcome.warnings.length === 0) return result;
  return { ...result, message: [result.message, ...outcome.warnings.map((warning) => render(lang, warning))].filter(Boolean).join("; ") };
}

/** Cell notes for an XLSX report: each issue of an invalid row on its own cell. */
export function marksFor(input: InputRow, kept: number[], lang: Lang): CellMark[] {
  if (input.outcome.ok) return [];
  const marks: CellMark[] = [];
  for (const issue of input.outcome.issues) {
    const at = issue.column === undefined ? -1 : kept.indexOf(issue.column);
    if (at >= 0) marks.push({ column: at, note: render(lang, issue.message), severity: "error" });
  }
  return marks;
}

/** An earlier report's result, carried over for a row that `--only` leaves alone. */
export function carriedResult(input: InputRow): RowResult {
  const previous = input.previous;
  const number = (text: string | undefined) => (text === undefined || text === "" ? undefined : Number(text));
  return {
    row: input.row,
    // carried as the report says (in either language), even a status edited by hand: this run did not touch the row
    status: (parseStatus(previous.status) ?? previous.status ?? "skipped") as RowStatus,
    customerId: previous.customer_id,
    httpStatus: number(previous.http_status),
    apiCode: number(previous.api_code),
    requestId: previous.request_id,
    message: previous.message,
    attempts: number(previous.attempts),
  };
}
