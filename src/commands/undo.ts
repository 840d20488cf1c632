import { resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import { acquireLocks } from "../import/lock.js";
import { defaultReportPath } from "../import/report.js";
import { writeLine } from "../io.js";
import { runUndo } from "../undo/run.js";
import { printSummary } from "../output/summary.js";
import { render } from "../i18n/text.js";
import { defineCommand } from "./define.js";
import { pacingOptions, withNetworkFlags } from "./options.js";

/** `finan-bulk undo <report>`: delete what an import created, restore what it replaced. */
export const undoCommand = defineCommand({
  builder: (y) =>
    withNetworkFlags(y.positional("report", { type: "string", demandOption: true, describe: "The report the import wrote" }))
      .option("dry-run", { type: "boolean", default: false, describe: "Plan only" })
      .option("force", { type: "boolean", default: false, describe: "Also undo records changed on the server since the run, or a run a later run touched" })
      .option("run", { type: "number", describe: "The run to undo, as `runs` lists them (default the latest)" })
      .example("$0 undo customers.report.xlsx --dry-run", "See what undo would do")
      .example("$0 undo customers.report.xlsx --run 1", "Undo an earlier run (after undoing the later ones)"),
  run: async (args, io) => {
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr);
    const report = resolve(io.cwd, args.report);
    if (args.run !== undefined && !(Number.isInteger(args.run) && args.run > 0)) {
      throw new ToolError("E_USAGE", `--run ${args.run}: give a run's number as \`finan-bulk runs ${args.report}\` lists them (1, 2, …).`);
    }
    // a plan goes beside the real undo's report, never over it; an earlier run's undo has a report of its own
    const suffix = `${args.dryRun ? "undo-plan" : "undo"}${args.run === undefined ? "" : `-run-${args.run}`}`;
    const undoReport = defaultReportPath(report, suffix);
    // one run at a time: no undo while an import of that report (or another undo of it) runs
    const lock = acquireLocks("finan-bulk undo", [report, undoReport], [], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, `finan-bulk undo: ${render(io.lang, notice)}`);
    let summary;
    try {
      summary = await runUndo({
        report,
        run: args.run,
        undoReport,
        dryRun: args.dryRun,
        force: args.force,
        connection,
        pacing: pacingOptions(args),
        io,
      });
    } finally {
      lock.release();
    }
    const notes: string[] = [];
    if (summary.undoneBefore && summary.earlierRun !== undefined) notes.push(`Run ${summary.run} had already been undone (${summary.undoneBefore}). To undo the run before it: finan-bulk undo ${args.report} --run ${summary.earlierRun}`);
    if (summary.damaged.length > 0) notes.push(`The journal of run ${summary.run} is damaged at line ${summary.damaged.join(", ")}: what those lines recorded could not be reversed. Every other row was; check those customers by hand.`);
    if (summary.reportMissing) notes.push(`There is no report at ${report} (an .xlsx report is written when the run ends, and this one did not): undo worked from the run's journal alone, and its report lists the customers by code.`);
    else if (summary.reportUnreadable) notes.push(`The report could not be read (${summary.reportUnreadable}): undo worked from the run's journal alone, and its report lists the customers by code.`);
    else if (summary.notInReport > 0) notes.push(`${summary.notInReport} row(s) of the journal are not in the report (in flight when the import stopped, or the report was edited since): they were undone too, and listed after the report's rows.`);
    if (summary.withoutBackup > 0) notes.push(`${summary.withoutBackup} replaced record(s) cannot be restored: the import ran with --no-backup, so it kept no copy of them as they were. They are left as the import made them.`);
    if (summary.conflicts > 0) notes.push(`${summary.conflicts} record(s) changed on the server since the import were left alone; run again with --force to overwrite them.`);
    if (summary.stopped === "auth") notes.push("Stopped: the server rejected the credentials. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY.");
    if (summary.stopped === "interrupted") notes.push("Interrupted: run the same command again to continue.");
    if (summary.pace) notes.push(summary.pace.note);
    printSummary(io, { title: args.dryRun ? "Undo plan" : "Undo", rows: summary.rows, counts: summary.counts, report: undoReport, elapsedMs: summary.elapsedMs, requests: summary.requests, notes }, args.json, { command: "undo", run: summary.run, dryRun: args.dryRun, stopped: summary.stopped ?? null, pace: summary.pace?.bound ?? null });
    return { failing: (summary.counts.failed ?? 0) + summary.conflicts + summary.damaged.length, stopped: summary.stopped };
  },
});
