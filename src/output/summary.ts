// The end of a run: counts per status, time, rate and report path, or one JSON object with --json.
import type { Io } from "../io.js";
import { writeLine } from "../io.js";
import type { Lang } from "../i18n/lang.js";
import { LOCALE } from "../i18n/lang.js";
import { msg, render, t, verbatim } from "../i18n/text.js";
import type { Message, Text } from "../i18n/text.js";
import { statusText } from "../rows/status.js";
import type { RowStatus, StatusCounts } from "../rows/status.js";

/** A line said in the run's language; plain text until its producer is converted to the catalogue. */
export type Said = Message;

export interface RunSummary {
  /** e.g. msg("output.title.import") */
  title: Said;
  rows: number;
  counts: StatusCounts;
  report?: string | undefined;
  elapsedMs: number;
  /** requests sent, for the effective rate */
  requests?: number | undefined;
  warnings?: readonly Said[] | undefined;
  /** lines said after the counts (a stop reason, a hint) */
  notes?: readonly Said[] | undefined;
}

/** A summary's message in the language. */
export function saidText(lang: Lang, said: Said): Text {
  return render(lang, said);
}

/** Seconds with one decimal, as the language writes them: 1.5 (en), 1,5 (vi). */
export function secondsText(lang: Lang, ms: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(ms / 1000);
}

/** The end of a run: counts per status, time, rate, report path; or one JSON object (English) with --json. */
export function printSummary(io: Io, summary: RunSummary, json: boolean, extra: Record<string, unknown> = {}): void {
  const seconds = summary.elapsedMs / 1000;
  if (json) {
    const object = {
      ...extra,
      rows: summary.rows,
      counts: summary.counts,
      report: summary.report,
      elapsedMs: summary.elapsedMs,
      requests: summary.requests,
      rowsPerSecond: seconds > 0 ? round(summary.rows / seconds) : undefined,
      requestsPerSecond: summary.requests !== undefined && seconds > 0 ? round(summary.requests / seconds) : undefined,
      warnings: (summary.warnings ?? []).map((said) => saidText("en", said)),
      notes: (summary.notes ?? []).map((said) => saidText("en", said)),
    };
    // JSON for programs: English, whatever the language
    writeLine(io.stdout, verbatim(JSON.stringify(object)));
    return;
  }
  const { lang } = io;
  for (const warning of summary.warnings ?? []) writeLine(io.stderr, t(lang, "output.warning", { text: saidText(lang, warning) }));
  writeLine(io.stderr, summaryLine(lang, summary));
  for (const note of summary.notes ?? []) writeLine(io.stderr, saidText(lang, note));
  if (summary.report) writeLine(io.stderr, t(lang, "output.summary.report", { file: summary.report }));
}

/** `Import: 3 rows — 2 created, 1 invalid in 0.4 s, 5 requests (12.5/s).` */
function summaryLine(lang: Lang, summary: RunSummary): Text {
  const seconds = summary.elapsedMs / 1000;
  const requests = summary.requests !== undefined && seconds > 0
    ? t(lang, "output.summary.requests", { requests: msg("common.requests", { count: summary.requests }), perSecond: round(summary.requests / seconds) })
    : "";
  const title = saidText(lang, summary.title);
  const rows = msg("common.rows", { count: summary.rows });
  const counts = countsText(lang, summary.counts);
  const values = { title, rows, seconds: secondsText(lang, summary.elapsedMs), requests };
  return counts ? t(lang, "output.summary.counted", { ...values, counts }) : t(lang, "output.summary.uncounted", values);
}

/** `2 created, 1 invalid`: most rows first. */
function countsText(lang: Lang, counts: StatusCounts): string {
  return (Object.entries(counts) as [RowStatus, number | undefined][])
    .flatMap(([status, n]) => (n === undefined ? [] : [[status, n] as const]))
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => t(lang, "output.summary.count", { count: n, status: statusText(lang, status) }))
    .join(", ");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
