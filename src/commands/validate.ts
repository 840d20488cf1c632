import { resolve } from "node:path";
import { writeLine } from "../io.js";
import type { Io } from "../io.js";
import { countRecords, readInput } from "../customers/read-input.js";
import type { InputOptions, InputRow } from "../customers/read-input.js";
import type { RowResult } from "../rows/result.js";
import { claimOutput } from "../import/fingerprint.js";
import { acquireLocks } from "../import/lock.js";
import { defaultReportPath, openReport, refuseInputAsReport } from "../import/report.js";
import { invalidResult, marksFor, withWarnings } from "../rows/result.js";
import { createProgress } from "../output/progress.js";
import { printSummary } from "../output/summary.js";
import { render } from "../i18n/text.js";
import { defineCommand } from "./define.js";
import { OVERWRITE_REPORT_FLAG, readerOptions, withReaderFlags } from "./options.js";

export interface ValidateSummary {
  rows: number;
  counts: { valid: number; invalid: number };
  /** warnings inside rows (a restored leading 0, ...); run warnings (unknown columns) are separate */
  rowWarnings: number;
  /** the most common kinds of issue, most frequent first */
  topReasons: { reason: string; rows: number }[];
  warnings: string[];
  interrupted: boolean;
  elapsedMs: number;
}

const TOP_REASONS = 5;
// Kinds of issue are few once row-specific parts are gone; the cap keeps memory flat regardless.
const MAX_REASON_KINDS = 1000;

/** `finan-bulk validate <input>`: no network; exit 0 all rows valid, 1 any invalid, 2 could not proceed. */
export const validateCommand = defineCommand({
  builder: (y) =>
    withReaderFlags(y.positional("input", { type: "string", demandOption: true, describe: "The .csv or .xlsx to check" }))
      .option("report", { type: "string", describe: "Report file (default <input>.check.<ext>)" })
      .option("force", OVERWRITE_REPORT_FLAG)
      .example("$0 validate customers.xlsx", "Writes customers.check.xlsx beside it"),
  run: async (args, io) => {
    const input = resolve(io.cwd, args.input);
    const report = args.report === undefined ? defaultReportPath(input, "check") : resolve(io.cwd, args.report);
    const lock = acquireLocks("finan-bulk validate", [report], [], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, `finan-bulk validate: ${render(io.lang, notice)}`);
    let summary: ValidateSummary;
    try {
      refuseInputAsReport(report, input);
      const claim = claimOutput(report, args.force === true);
      try {
        summary = await runValidate(input, report, readerOptions(args, io.cwd), io);
      } finally {
        claim.done();
      }
    } finally {
      lock.release();
    }
    const notes = summary.topReasons.length === 0 ? [] : ["Top reasons:", ...summary.topReasons.map(({ reason, rows }) => `  ${rows.toLocaleString("en-US")} × ${reason}`)];
    if (summary.rowWarnings > 0) notes.push(`${summary.rowWarnings.toLocaleString("en-US")} warning(s) in rows: see the message column of the report.`);
    if (summary.interrupted) notes.push("Interrupted: the report holds the rows checked so far.");
    else if (summary.counts.invalid > 0) notes.push(`Fix the ${summary.counts.invalid.toLocaleString("en-US")} invalid row(s) in the report (each problem names its column), then validate or import the report itself.`);
    printSummary(io, { title: "Validation", rows: summary.rows, counts: summary.counts, report, elapsedMs: summary.elapsedMs, warnings: summary.warnings, notes }, args.json, {
      command: "validate",
      input: args.input,
      rowWarnings: summary.rowWarnings,
      topReasons: summary.topReasons,
      interrupted: summary.interrupted,
    });
    return { failing: summary.counts.invalid, stopped: summary.interrupted ? "interrupted" : undefined };
  },
});

/** read → map → validate → report, in input order, with bounded memory; nothing is sent anywhere. */
export async function runValidate(input: string, reportPath: string, options: InputOptions, io: Io): Promise<ValidateSummary> {
  const started = io.now();
  const total = io.isTTY ? await countRecords(input, options) : undefined;
  const table = await readInput(input, options);
  const report = await openReport(reportPath, table.headers, "validate", io.lang, input, table.source.delimiter);
  const summary: ValidateSummary = { rows: 0, counts: { valid: 0, invalid: 0 }, rowWarnings: 0, topReasons: [], warnings: [...table.warnings], interrupted: false, elapsedMs: 0 };
  const reasons = new Map<string, number>();
  const progress = createProgress(io, "Validating");
  let finished = false;
  try {
    for await (const row of table.rows) {
      const result = resultOf(row);
      await report.write(row, result, marksFor(row, table.kept));
      summary.rows += 1;
      summary.counts[result.status === "valid" ? "valid" : "invalid"] += 1;
      summary.rowWarnings += row.outcome.warnings.length;
      if (!row.outcome.ok) countReasons(reasons, row.outcome.issues);
      progress.update({ done: summary.rows, total, counts: summary.counts });
      if (io.signal.aborted) {
        summary.interrupted = true;
        break;
      }
    }
    finished = true;
  } finally {
    progress.finish();
    await (finished ? report.close() : report.close().catch(() => report.abort()));
  }
  summary.topReasons = [...reasons].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).slice(0, TOP_REASONS).map(([reason, rows]) => ({ reason, rows }));
  summary.elapsedMs = io.now() - started;
  return summary;
}

function resultOf(row: InputRow): RowResult {
  const { outcome } = row;
  if (!outcome.ok) return invalidResult(outcome);
  return withWarnings({ row: row.row, status: "valid", customerCode: outcome.customerCode }, outcome);
}

/** Each kind of issue counted once per row, e.g. `Email (general_info.email): is not an email address`. */
function countReasons(reasons: Map<string, number>, issues: { message: string }[]): void {
  for (const reason of new Set(issues.map((issue) => reasonKind(issue.message)))) {
    const seen = reasons.get(reason);
    if (seen !== undefined) reasons.set(reason, seen + 1);
    else if (reasons.size < MAX_REASON_KINDS) reasons.set(reason, 1);
  }
}

/** The message without the row's own values: quoted text, dates, row numbers. */
export function reasonKind(message: string): string {
  return message
    .replace(/"[^"]*"/g, "\"…\"")
    .replace(/\(\d{4}-\d{2}-\d{2}\)/g, "(…)")
    .replace(/\bat row \d+/g, "at row …");
}
