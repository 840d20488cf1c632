// The statuses a row can end with, named once for reports, journals, summaries and --only.
import { t } from "../i18n/text.js";
import type { Text } from "../i18n/text.js";
import type { Lang } from "../i18n/lang.js";

/** What an import, dry run or validate writes in a report's status column: what `--only` picks from. */
export const REPORT_STATUSES = ["created", "replaced", "deleted", "skipped", "invalid", "failed", "would-create", "would-replace", "would-delete", "valid"] as const;

/** What an undo or its plan adds. */
export const UNDO_STATUSES = ["restored", "would-restore"] as const;

export type RowStatus = (typeof REPORT_STATUSES)[number] | (typeof UNDO_STATUSES)[number];

/** Rows per status, as a run's summary counts them. */
export type StatusCounts = Partial<Record<RowStatus, number>>;

/** Why a row was left alone, for the summary to count: `conflict` (changed on the server; --force overrides), `no-backup`. */
export type RowReason = "conflict" | "no-backup";

const REPORT_STATUS_SET: ReadonlySet<string> = new Set(REPORT_STATUSES);

/** Whether a report's status cell holds one of the statuses an import report is written with. */
export function isReportStatus(text: string | undefined): text is (typeof REPORT_STATUSES)[number] {
  return text !== undefined && REPORT_STATUS_SET.has(text);
}

/** Rows that did not go through and need the user: what `--only failed,invalid` re-runs. */
const FAILING: readonly RowStatus[] = ["invalid", "failed"];

export function isFailing(status: string | undefined): boolean {
  return FAILING.some((failing) => failing === status);
}

/** How many rows of a run did not go through (invalid or failed). */
export function countFailing(counts: StatusCounts): number {
  return FAILING.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

/** An import wrote the record (what undo reverses): created or replaced. */
export function isWritten(status: string | undefined): status is "created" | "replaced" {
  return status === "created" || status === "replaced";
}

const ALL_STATUSES: readonly RowStatus[] = [...REPORT_STATUSES, ...UNDO_STATUSES];

/** A status as a report or summary in a language writes it: `created`, `đã tạo`. */
export function statusText(lang: Lang, status: RowStatus): Text {
  return t(lang, `status.${status}`);
}

/** Letters only, without marks or case: "Không hợp lệ", "khong hop le" and "KHÔNG HỢP LỆ" are one status. */
function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[\s_]+/g, " ").trim();
}

const STATUS_BY_TEXT = new Map<string, RowStatus>(ALL_STATUSES.flatMap((status) => [[plain(status), status], [plain(statusText("vi", status)), status]] as const));

/** A status written in either language (a report's cell, an --only value), or undefined if it is none. */
export function parseStatus(text: string | undefined): RowStatus | undefined {
  return text === undefined ? undefined : STATUS_BY_TEXT.get(plain(text));
}
