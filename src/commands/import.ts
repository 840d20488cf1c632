import { resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import { writeLine } from "../io.js";
import { claimOutput } from "../import/fingerprint.js";
import { acquireLocks } from "../import/lock.js";
import { defaultReportPath, refuseInputAsReport } from "../import/report.js";
import { runImport } from "../import/run.js";
import { REPORT_STATUSES, countFailing, isReportStatus, parseStatus, statusText } from "../rows/status.js";
import type { RowStatus } from "../rows/status.js";
import { printSummary } from "../output/summary.js";
import type { Said } from "../output/summary.js";
import { msg, render, t } from "../i18n/text.js";
import { defineCommand } from "./define.js";
import { overwriteReportFlag, pacingOptions, readerOptions, withNetworkFlags, withReaderFlags } from "./options.js";

/** `finan-bulk import <input>`: exit 0 all rows through, 1 some invalid or failed, 2 could not proceed, 130 interrupted. */
export const importCommand = defineCommand({
  builder: (y, lang) =>
    withNetworkFlags(withReaderFlags(y.positional("input", { type: "string", demandOption: true, describe: t(lang, "cli.help.import.input") }), lang), lang)
      .option("mode", { choices: ["create", "upsert", "update", "merge", "delete"] as const, default: "upsert" as const, describe: t(lang, "cli.help.import.mode") })
      .option("allow-delete", { type: "boolean", default: false, describe: t(lang, "actions.help.allowDelete") })
      .option("dry-run", { type: "boolean", default: false, describe: t(lang, "cli.help.import.dryRun") })
      .option("report", { type: "string", describe: t(lang, "cli.help.import.report") })
      .option("force", overwriteReportFlag(lang))
      .option("only", { type: "string", describe: t(lang, "cli.help.import.only") })
      .option("backup", { type: "boolean", default: true, describe: t(lang, "cli.help.import.backup") })
      .example("$0 import customers.xlsx --dry-run", t(lang, "cli.help.import.exampleDryRun"))
      .example("$0 import customers.report.xlsx --only failed,invalid", t(lang, "cli.help.import.exampleOnly")),
  run: async (args, io) => {
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr, io.lang);
    const only = args.only === undefined ? undefined : parseOnly(args.only);
    const input = resolve(io.cwd, args.input);
    // A dry run never overwrites the report (and so the undo record) of a real run.
    const report = args.report === undefined ? defaultReportPath(input, args.dryRun ? "dry-run" : "report") : resolve(io.cwd, args.report);
    // One run at a time on a report (and its journal), and on an input that a real run sends.
    const lock = acquireLocks("finan-bulk import", [report], args.dryRun ? [] : [input], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, t(io.lang, "cli.notice", { command: "import", text: notice }));
    let summary;
    try {
      refuseInputAsReport(report, input);
      const claim = claimOutput(report, args.force === true, args.dryRun ? "plan" : "report");
      summary = await runImport({
        input,
        report,
        // a file that only names the customers to delete needs no other column
        inputOptions: { ...readerOptions(args, io.cwd), ...(args.mode === "delete" ? { codesOnly: true } : {}) },
        mode: args.mode,
        dryRun: args.dryRun,
        backup: args.backup,
        allowDelete: args.allowDelete,
        only,
        connection,
        pacing: pacingOptions(args),
        io,
      }).finally(() => claim.done());
    } finally {
      lock.release();
    }
    const notes: Said[] = [];
    if (summary.stopReason) notes.push(summary.stopReason);
    if (summary.resumed) notes.push(msg("cli.import.resumed"));
    const gone = summary.goneSinceSent;
    if (gone.length > 0) notes.push(msg("cli.import.goneSinceSent", { count: gone.length, codes: `${gone.slice(0, 5).join(", ")}${gone.length > 5 ? ", …" : ""}` }));
    if (summary.changedSinceSent > 0) notes.push(msg("cli.import.changedSinceSent", { count: summary.changedSinceSent }));
    if (summary.wouldClear > 0) notes.push(msg("cli.import.wouldClear", { count: summary.wouldClear, report }));
    const [wouldDelete, deleted] = [summary.counts["would-delete"] ?? 0, summary.counts.deleted ?? 0];
    if (wouldDelete > 0) notes.push(msg("actions.note.wouldDelete", { count: wouldDelete, report }));
    if (deleted > 0 && !args.dryRun) notes.push(msg("actions.note.deleted", { count: deleted, report }));
    if (summary.stopped === "interrupted") notes.push(msg("cli.import.interrupted"));
    if (summary.pace) notes.push(summary.pace.said);
    const failing = countFailing(summary.counts);
    if (failing > 0 && summary.stopped === undefined) {
      // a dry run's report is a plan: re-running it with --only would leave the planned rows unsent
      notes.push(args.dryRun ? msg("cli.import.fixPlan", { count: failing, input: args.input, report }) : msg("cli.import.fix", { count: failing, report }));
    }
    printSummary(io, { title: msg(args.dryRun ? "output.title.dryRun" : "output.title.import"), rows: summary.rows, counts: summary.counts, report, elapsedMs: summary.elapsedMs, requests: summary.requests, warnings: summary.warnings, notes }, args.json, {
      command: "import",
      input: args.input,
      mode: args.mode,
      dryRun: args.dryRun,
      journal: summary.journal,
      resumed: summary.resumed,
      stopped: summary.stopped ?? null,
      pace: summary.pace?.bound ?? null,
      // with --json, why a run that stopped early is not ok
      ...(summary.stopReason ? { reason: render("en", summary.stopReason) } : {}),
      ...(args.dryRun ? { wouldClear: summary.wouldClear, wouldDelete } : {}),
    });
    return { failing, stopped: summary.stopped };
  },
});

/** --only's statuses, written in either language (as a report in either language has them). */
function parseOnly(text: string): Set<RowStatus> {
  const given = text.split(",").map((s) => s.trim()).filter(Boolean);
  const statuses = given.map((word) => ({ word, status: parseStatus(word) }));
  const unknown = statuses.filter(({ status }) => !isReportStatus(status)).map(({ word }) => word);
  if (given.length === 0 || unknown.length > 0) {
    const said = unknown.length ? msg("cli.import.onlyUnknown", { text, statuses: unknown.join(", ") }) : msg("cli.import.onlyEmpty", { text });
    throw new ToolError("E_USAGE", said, { hint: msg("cli.import.onlyHint", { known: { en: REPORT_STATUSES.join(", "), vi: REPORT_STATUSES.map((status) => statusText("vi", status)).join(", ") } }) });
  }
  return new Set(statuses.flatMap(({ status }) => (isReportStatus(status) ? [status] : [])));
}
