import { resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { EXIT_CANNOT_PROCEED, EXIT_INTERRUPTED, EXIT_OK, EXIT_ROWS_FAILED } from "../errors.js";
import type { Io } from "../io.js";
import { defaultReportPath } from "../import/report.js";
import { runUndo } from "../import/undo.js";
import { AuthRejected, credentialsRejected } from "../api/session.js";
import { printSummary } from "../output/summary.js";
import { pacingOptions } from "./options.js";
import type { NetworkArgs } from "./options.js";

interface UndoArgs extends NetworkArgs {
  report: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
}

/** `finan-bulk undo <report>`: delete what an import created, restore what it replaced. */
export async function undoCommand(args: UndoArgs, io: Io): Promise<number> {
  const connection = resolveConnection(args, io.env, io.cwd, io.stderr);
  const report = resolve(io.cwd, args.report);
  // a plan goes beside the real undo's report, never over it
  const undoReport = defaultReportPath(report, args.dryRun ? "undo-plan" : "undo");
  let summary;
  try {
    summary = await runUndo({
      report,
      undoReport,
      dryRun: args.dryRun ?? false,
      force: args.force ?? false,
      connection,
      pacing: pacingOptions(args),
      io,
    });
  } catch (error) {
    if (error instanceof AuthRejected) throw credentialsRejected(error.error, "undoing", "Nothing more was sent.", connection.clientId);
    throw error;
  }
  const notes: string[] = [];
  if (summary.withoutBackup > 0) notes.push(`${summary.withoutBackup} replaced record(s) cannot be restored: the import ran with --no-backup, so it kept no copy of them as they were. They are left as the import made them.`);
  if (summary.conflicts > 0) notes.push(`${summary.conflicts} record(s) changed on the server since the import were left alone; run again with --force to overwrite them.`);
  if (summary.stopped === "auth") notes.push("Stopped: the server rejected the credentials. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY.");
  if (summary.stopped === "interrupted") notes.push("Interrupted: run the same command again to continue.");
  printSummary(io, { title: args.dryRun ? "Undo plan" : "Undo", rows: summary.rows, counts: summary.counts, report: undoReport, elapsedMs: summary.elapsedMs, requests: summary.requests, notes }, args.json ?? false, { command: "undo", dryRun: args.dryRun ?? false, stopped: summary.stopped ?? null });
  if (summary.stopped === "auth") return EXIT_CANNOT_PROCEED;
  if (summary.stopped === "interrupted") return EXIT_INTERRUPTED;
  return (summary.counts.failed ?? 0) > 0 || summary.conflicts > 0 ? EXIT_ROWS_FAILED : EXIT_OK;
}
