import { resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import { acquireLocks } from "../import/lock.js";
import { defaultReportPath } from "../import/report.js";
import { writeLine } from "../io.js";
import { runUndo } from "../undo/run.js";
import { printSummary } from "../output/summary.js";
import type { Said } from "../output/summary.js";
import { msg, t } from "../i18n/text.js";
import { defineCommand } from "./define.js";
import { pacingOptions, withNetworkFlags } from "./options.js";

/** `finan-bulk undo <report>`: delete what an import created, restore what it replaced. */
export const undoCommand = defineCommand({
  builder: (y, lang) =>
    withNetworkFlags(y.positional("report", { type: "string", demandOption: true, describe: t(lang, "cli.help.undo.report") }), lang)
      .option("dry-run", { type: "boolean", default: false, describe: t(lang, "cli.help.undo.dryRun") })
      .option("force", { type: "boolean", default: false, describe: t(lang, "cli.help.undo.force") })
      .option("run", { type: "number", describe: t(lang, "cli.help.undo.run") })
      .example("$0 undo customers.report.xlsx --dry-run", t(lang, "cli.help.undo.exampleDryRun"))
      .example("$0 undo customers.report.xlsx --run 1", t(lang, "cli.help.undo.exampleRun")),
  run: async (args, io) => {
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr, io.lang);
    const report = resolve(io.cwd, args.report);
    if (args.run !== undefined && !(Number.isInteger(args.run) && args.run > 0)) {
      throw new ToolError("E_USAGE", msg("cli.undo.runNumber", { run: String(args.run), report: args.report }));
    }
    // a plan goes beside the real undo's report, never over it; an earlier run's undo has a report of its own
    const suffix = `${args.dryRun ? "undo-plan" : "undo"}${args.run === undefined ? "" : `-run-${args.run}`}`;
    const undoReport = defaultReportPath(report, suffix);
    // one run at a time: no undo while an import of that report (or another undo of it) runs
    const lock = acquireLocks("finan-bulk undo", [report, undoReport], [], io.now);
    for (const notice of lock.notices) writeLine(io.stderr, t(io.lang, "cli.notice", { command: "undo", text: notice }));
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
    const notes: Said[] = [];
    if (summary.undoneBefore && summary.earlierRun !== undefined) notes.push(msg("cli.undo.alreadyUndone", { run: String(summary.run), when: summary.undoneBefore, report: args.report, earlier: String(summary.earlierRun) }));
    if (summary.damaged.length > 0) notes.push(msg("cli.undo.damaged", { run: String(summary.run), lines: summary.damaged.join(", ") }));
    if (summary.reportMissing) notes.push(msg("cli.undo.reportMissing", { report }));
    else if (summary.reportUnreadable) notes.push(msg("cli.undo.reportUnreadable", { reason: summary.reportUnreadable }));
    else if (summary.notInReport > 0) notes.push(msg("cli.undo.notInReport", { count: summary.notInReport }));
    if (summary.withoutBackup > 0) notes.push(msg("cli.undo.withoutBackup", { count: summary.withoutBackup }));
    if (summary.conflicts > 0) notes.push(msg("cli.undo.conflicts", { count: summary.conflicts }));
    if (summary.stopped === "auth") notes.push(msg("cli.undo.authStopped"));
    if (summary.stopped === "interrupted") notes.push(msg("cli.undo.interrupted"));
    if (summary.pace) notes.push(summary.pace.said);
    printSummary(io, { title: msg(args.dryRun ? "output.title.undoPlan" : "output.title.undo"), rows: summary.rows, counts: summary.counts, report: undoReport, elapsedMs: summary.elapsedMs, requests: summary.requests, notes }, args.json, { command: "undo", run: summary.run, dryRun: args.dryRun, stopped: summary.stopped ?? null, pace: summary.pace?.bound ?? null });
    return { failing: (summary.counts.failed ?? 0) + summary.conflicts + summary.damaged.length, stopped: summary.stopped };
  },
});
