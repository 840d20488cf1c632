// The end of a run: counts per status, time, rate and report path, or one JSON object with --json.
import type { Io } from "../io.js";
import { writeLine } from "../io.js";
import type { StatusCounts } from "../rows/status.js";

export interface RunSummary {
  /** e.g. "Import", "Validation", "Undo" */
  title: string;
  rows: number;
  counts: StatusCounts;
  report?: string | undefined;
  elapsedMs: number;
  /** requests sent, for the effective rate */
  requests?: number | undefined;
  warnings?: string[] | undefined;
  /** lines said after the counts (a stop reason, a hint) */
  notes?: string[] | undefined;
}

/** The end of a run: counts per status, time, rate, report path; or one JSON object with --json. */
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
      warnings: summary.warnings ?? [],
      notes: summary.notes ?? [],
    };
    writeLine(io.stdout, JSON.stringify(object));
    return;
  }
  for (const warning of summary.warnings ?? []) writeLine(io.stderr, `warning: ${warning}`);
  const counts = Object.entries(summary.counts)
    .flatMap(([status, n]) => (n === undefined ? [] : [[status, n] as const]))
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${n.toLocaleString("en-US")} ${status}`)
    .join(", ");
  const rate = summary.requests !== undefined && seconds > 0 ? `, ${summary.requests.toLocaleString("en-US")} requests (${round(summary.requests / seconds)}/s)` : "";
  writeLine(io.stderr, `${summary.title}: ${summary.rows.toLocaleString("en-US")} rows${counts ? ` — ${counts}` : ""} in ${seconds.toFixed(1)} s${rate}.`);
  for (const note of summary.notes ?? []) writeLine(io.stderr, note);
  if (summary.report) writeLine(io.stderr, `Report: ${summary.report}`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
