import { resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import { writeLine } from "../io.js";
import { claimOutput } from "../import/fingerprint.js";
import { acquireLocks } from "../import/lock.js";
import { defaultReportPath, refuseInputAsReport } from "../import/report.js";
import { runImport } from "../import/run.js";
import { REPORT_STATUSES, countFailing, isReportStatus } from "../rows/status.js";
import type { RowStatus } from "../rows/status.js";
import { printSummary } from "../output/summary.js";
import { render } from "../i18n/text.js";
import { defineCommand } from "./define.js";
import { OVERWRITE_REPORT_FLAG, pacingOptions, readerOptions, withNetworkFlags, withReaderFlags } from "./options.js";

/** `finan-bulk import <input>`: exit 0 all rows through, 1 some invalid or failed, 2 could not proceed, 130 interrupted. */
export const importCommand = defineCommand({
  builder: (y) =>
    withNetworkFlags(withReaderFlags(y.positional("input", { type: "string", demandOption: true, describe: "The .csv or .xlsx to import" })))
      .option("mode", { choices: ["create", "upsert", "merge"] as const, default: "upsert" as const, describe: "create: skip existing codes; upsert: replace them (blank cells clear); merge: replace, keeping what the row leaves blank" })
      .option("dry-run", { type: "boolean", default: false, describe: "Plan only: say per row what would happen, send no write" })
      .option("report", { type: "string", describe: "Report file (default <input>.report.<ext>; for a report or check as input, <name>.report-2.<ext>, -3, …)" })
      .option("force", OVERWRITE_REPORT_FLAG)
      .option("only", { type: "string", describe: "Re-run only rows of a report with these statuses, e.g. failed,invalid" })
      .option("backup", { type: "boolean", default: true, describe: "Journal each record before replacing it, so undo can restore it (--no-backup skips the GET)" })
      .example("$0 import customers.xlsx --dry-run", "See what would be created, replaced or cleared")
      .example("$0 import customers.report.xlsx --only failed,invalid", "Re-run the rows you fixed in the report"),
  run: async (args, io) => {
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr);
    const only = args.only === undefined ? undefined : parseOnly(args.only);
    const input = resolve(io.cwd, args.input);
    // A dry run never overwrites the report (and so the undo record) of a real run.
    const report = args.report === undefined ? defaultReportPath(input, args.dryRun ? "dry-run" : "report") : resolve(io.cwd, args.report);
    // One run at a time on a report (and its journal), and on an input that a real run sends.
    const lock = acquireLocks("finan-bulk import", [report], args.dryRun ? [] : [input], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, `finan-bulk import: ${render(io.lang, notice)}`);
    let summary;
    try {
      refuseInputAsReport(report, input);
      const claim = claimOutput(report, args.force === true, args.dryRun ? "plan" : "report");
      summary = await runImport({
        input,
        report,
        inputOptions: readerOptions(args, io.cwd),
        mode: args.mode,
        dryRun: args.dryRun,
        backup: args.backup,
        only,
        connection,
        pacing: pacingOptions(args),
        io,
      }).finally(() => claim.done());
    } finally {
      lock.release();
    }
    const notes: string[] = [];
    if (summary.stopReason) notes.push(summary.stopReason);
    if (summary.resumed) notes.push("Resumed an interrupted run: rows already done were not sent again.");
    if (summary.goneSinceSent.length > 0) notes.push(`${summary.goneSinceSent.length} customer(s) written before the interruption are no longer in the file (${summary.goneSinceSent.slice(0, 5).join(", ")}${summary.goneSinceSent.length > 5 ? ", …" : ""}): they stay on the server as that run left them; undo of this report reverses them too.`);
    if (summary.changedSinceSent > 0) notes.push(`${summary.changedSinceSent} row(s) done before the interruption have changed in the file since: the server holds them as first sent. Once this run has finished, run the import again to send the changes.`);
    if (summary.wouldClear > 0) notes.push(`${summary.wouldClear} row(s) would CLEAR fields the server holds (a replace sends the row as the whole record): the message column of ${report} names them after WOULD CLEAR. To keep them, fill those cells or use --mode merge.`);
    if (summary.stopped === "interrupted") notes.push("Interrupted: run the same command again to continue where it stopped.");
    if (summary.pace) notes.push(summary.pace.note);
    const failing = countFailing(summary.counts);
    if (failing > 0 && summary.stopped === undefined) {
      // a dry run's report is a plan: re-running it with --only would leave the planned rows unsent
      notes.push(args.dryRun
        ? `Fix the ${failing} invalid row(s) (in ${args.input}, or in the plan ${report}), then run the import without --dry-run.`
        : `Fix the ${failing} invalid or failed row(s) in the report, then: finan-bulk import ${report} --only failed,invalid`);
    }
    printSummary(io, { title: args.dryRun ? "Dry run" : "Import", rows: summary.rows, counts: summary.counts, report, elapsedMs: summary.elapsedMs, requests: summary.requests, warnings: summary.warnings, notes }, args.json, {
      command: "import",
      input: args.input,
      mode: args.mode,
      dryRun: args.dryRun,
      journal: summary.journal,
      resumed: summary.resumed,
      stopped: summary.stopped ?? null,
      pace: summary.pace?.bound ?? null,
      // with --json, why a run that stopped early is not ok
      ...(summary.stopReason ? { reason: summary.stopReason } : {}),
      ...(args.dryRun ? { wouldClear: summary.wouldClear } : {}),
    });
    return { failing, stopped: summary.stopped };
  },
});

function parseOnly(text: string): Set<RowStatus> {
  const statuses = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = statuses.filter((s) => !isReportStatus(s));
  if (statuses.length === 0 || unknown.length > 0) {
    throw new ToolError("E_USAGE", `--only ${text}: ${unknown.length ? `unknown status ${unknown.join(", ")}` : "name at least one status"}.`, { hint: `Use statuses from a report, e.g. --only failed,invalid (known: ${REPORT_STATUSES.join(", ")}).` });
  }
  return new Set(statuses.filter(isReportStatus));
}
