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
import { planRow } from "../import/row-plan.js";
import { render } from "../i18n/text.js";
import type { InLangs, Message } from "../i18n/text.js";
import type { Lang } from "../i18n/lang.js";
import { createProgress } from "../output/progress.js";
import { printSummary } from "../output/summary.js";
import type { Said } from "../output/summary.js";
import { msg, t } from "../i18n/text.js";
import { saveMapping } from "../profiles/save.js";
import type { SourcePlan } from "../profiles/plan.js";
import { defineCommand } from "./define.js";
import { overwriteReportFlag, readerOptions, withReaderFlags } from "./options.js";

export interface ValidateSummary {
  rows: number;
  /** `skipped`: a template's example rows left in the file, only when there are any */
  counts: { valid: number; invalid: number; skipped?: number };
  /** warnings inside rows (a restored leading 0, ...); run warnings (unknown columns) are separate */
  rowWarnings: number;
  /** the most common kinds of issue, most frequent first: `reason` in English (for --json), `shown` in each language */
  topReasons: { reason: string; shown: InLangs; rows: number }[];
  warnings: Message[];
  interrupted: boolean;
  elapsedMs: number;
}

const TOP_REASONS = 5;
// Kinds of issue are few once row-specific parts are gone; the cap keeps memory flat regardless.
const MAX_REASON_KINDS = 1000;

/** `finan-bulk validate <input>`: no network; exit 0 all rows valid, 1 any invalid, 2 could not proceed. */
export const validateCommand = defineCommand({
  builder: (y, lang) =>
    withReaderFlags(y.positional("input", { type: "string", demandOption: true, describe: t(lang, "cli.help.validate.input") }), lang)
      .option("report", { type: "string", describe: t(lang, "cli.help.validate.report") })
      .option("save-columns", { type: "string", describe: t(lang, "sources.help.saveColumns") })
      .option("force", overwriteReportFlag(lang))
      .example("$0 validate customers.xlsx", t(lang, "cli.help.validate.example")),
  run: async (args, io) => {
    const input = resolve(io.cwd, args.input);
    const report = args.report === undefined ? defaultReportPath(input, "check") : resolve(io.cwd, args.report);
    const lock = acquireLocks("finan-bulk validate", [report], [], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, t(io.lang, "cli.notice", { command: "validate", text: notice }));
    let summary: ValidateSummary;
    try {
      refuseInputAsReport(report, input);
      const claim = claimOutput(report, args.force === true);
      try {
        const saveTo = args.saveColumns === undefined ? undefined : resolve(io.cwd, args.saveColumns);
        const onHeader = saveTo === undefined ? {} : { onHeader: (headers: string[], plan: SourcePlan | undefined) => saveMapping(saveTo, headers, plan, args.force === true) };
        summary = await runValidate(input, report, { ...readerOptions(args, io.cwd), ...onHeader }, io);
      } finally {
        claim.done();
      }
    } finally {
      lock.release();
    }
    const notes: Said[] = summary.topReasons.length === 0 ? [] : [msg("cli.validate.topReasons"), ...summary.topReasons.map(({ shown, rows }) => msg("cli.validate.reason", { count: rows, reason: shown }))];
    if (summary.rowWarnings > 0) notes.push(msg("cli.validate.rowWarnings", { count: summary.rowWarnings }));
    if (summary.interrupted) notes.push(msg("cli.validate.interrupted"));
    else if (summary.counts.invalid > 0) notes.push(msg("cli.validate.fix", { count: summary.counts.invalid }));
    printSummary(io, { title: msg("output.title.validate"), rows: summary.rows, counts: summary.counts, report, elapsedMs: summary.elapsedMs, warnings: summary.warnings, notes }, args.json, {
      command: "validate",
      input: args.input,
      rowWarnings: summary.rowWarnings,
      topReasons: summary.topReasons.map(({ reason, rows }) => ({ reason, rows })),
      interrupted: summary.interrupted,
    });
    return { failing: summary.counts.invalid, stopped: summary.interrupted ? "interrupted" : undefined };
  },
});

/** read → map → validate → report, in input order, with bounded memory; nothing is sent anywhere. */
export async function runValidate(input: string, reportPath: string, options: InputOptions, io: Io): Promise<ValidateSummary> {
  const started = io.now();
  const total = io.isTTY ? await countRecords(input, { ...options, onHeader: undefined }) : undefined;
  const table = await readInput(input, options);
  const report = await openReport(reportPath, table.headers, "validate", io.lang, input, table.source.delimiter);
  const summary: ValidateSummary = { rows: 0, counts: { valid: 0, invalid: 0 }, rowWarnings: 0, topReasons: [], warnings: table.warnings, interrupted: false, elapsedMs: 0 };
  const reasons = new Map<string, { shown: InLangs; rows: number }>();
  const progress = createProgress(io, msg("output.progress.validating"));
  let finished = false;
  try {
    for await (const row of table.rows) {
      const { result, ownIssues } = resultOf(row, io.lang);
      await report.write(row, result, ownIssues ? marksFor(row, table.kept, io.lang) : []);
      summary.rows += 1;
      if (result.status === "skipped") summary.counts.skipped = (summary.counts.skipped ?? 0) + 1;
      else summary.counts[result.status === "valid" ? "valid" : "invalid"] += 1;
      summary.rowWarnings += row.outcome.warnings.length;
      if (ownIssues && !row.outcome.ok) countReasons(reasons, row.outcome.issues.map((issue) => issue.message));
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
  summary.topReasons = [...reasons].sort(([a, m], [b, n]) => n.rows - m.rows || a.localeCompare(b)).slice(0, TOP_REASONS).map(([reason, { shown, rows }]) => ({ reason, shown, rows }));
  summary.elapsedMs = io.now() - started;
  return summary;
}

/** The row's result; `ownIssues`: its cells' issues are why it is invalid (a delete row reads its code alone). */
function resultOf(row: InputRow, lang: Lang): { result: RowResult; ownIssues: boolean } {
  // the Action column's word is checked too; a delete row needs only its code (import asks for --allow-delete)
  // a template's example row left in the file is skipped, whatever its Action cell says
  if (!row.outcome.ok && row.outcome.skipped !== undefined) return { result: invalidResult(row.outcome, lang), ownIssues: false };
  const plan = planRow(row, { mode: "upsert", allowDelete: true, lang });
  if (plan.kind === "done" && plan.result.status === "invalid") return { result: plan.result, ownIssues: !plan.deleting && !row.outcome.ok };
  if (plan.kind !== "write") return { result: { row: row.row, status: "valid", customerCode: row.outcome.customerCode }, ownIssues: false };
  return { result: withWarnings({ row: row.row, status: "valid", customerCode: plan.outcome.customerCode }, plan.outcome, lang), ownIssues: false };
}

/** Each kind of issue counted once per row, e.g. `Email (general_info.email): is not an email address`. */
function countReasons(reasons: Map<string, { shown: InLangs; rows: number }>, issues: Message[]): void {
  // counted by the English kind, so --json names it in English whatever the language shown
  const kinds = new Map(issues.map((issue) => [reasonKind(render("en", issue)), issue] as const));
  for (const [reason, issue] of kinds) {
    const seen = reasons.get(reason);
    if (seen !== undefined) seen.rows += 1;
    else if (reasons.size < MAX_REASON_KINDS) reasons.set(reason, { shown: { en: reason, vi: reasonKind(render("vi", issue)) }, rows: 1 });
  }
}

/** The message without the row's own values: quoted text, dates, row numbers. */
export function reasonKind(message: string): string {
  return message
    .replace(/"[^"]*"/g, "\"…\"")
    .replace(/\(\d{4}-\d{2}-\d{2}\)/g, "(…)")
    .replace(/\bat row \d+/g, "at row …")
    .replace(/\bdòng \d+/g, "dòng …");
}
