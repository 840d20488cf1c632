import { basename, resolve } from "node:path";
import { ToolError } from "../errors.js";
import { writeLine } from "../io.js";
import { listRuns, pruneRuns } from "../import/history.js";
import type { RunInfo } from "../import/history.js";
import type { StatusCounts } from "../rows/status.js";
import { defineCommand } from "./define.js";

/** `finan-bulk runs <report>`: the runs of a report, kept for undo; `--prune DAYS` removes older runs' journals. */
export const runsCommand = defineCommand({
  builder: (y) =>
    y
      .positional("report", { type: "string", demandOption: true, describe: "The report an import wrote" })
      .option("prune", { type: "number", describe: "Remove the journals of runs started more than DAYS days ago (never the latest)" })
      .example("$0 runs customers.report.xlsx", "When each run ran, its counts, its journal's size"),
  run: async (args, io) => {
    const report = resolve(io.cwd, args.report);
    if (args.prune !== undefined && !(Number.isFinite(args.prune) && args.prune >= 0)) {
      throw new ToolError("E_USAGE", `--prune ${args.prune}: give a number of days (0 or more).`, { hint: `e.g. finan-bulk runs ${args.report} --prune 30 removes the journals of runs started more than 30 days ago (never the latest run's).` });
    }
    const removed = args.prune === undefined ? [] : pruneRuns(report, args.prune, io.now());
    const runs = listRuns(report).filter((run) => run.state.header?.command === "import");
    if (runs.length === 0 && removed.length === 0) {
      throw new ToolError("E_JOURNAL", `No runs of ${report}: no import journal beside it.`, { hint: "Give the report an import wrote (e.g. customers.report.xlsx); a --dry-run keeps no journal." });
    }
    if (args.json) {
      writeLine(io.stdout, JSON.stringify({ command: "runs", report, runs: runs.map(describe), pruned: removed.map(describe) }));
      return { failing: 0 };
    }
    for (const run of removed) writeLine(io.stderr, `Removed the journal of run ${run.number} (started ${when(run)}, ${size(run.bytes)}): it can no longer be undone.`);
    writeLine(io.stdout, `Runs of ${report} (newest last; each journal holds the records as they were before, personal data):`);
    for (const run of runs) {
      const { state, counts } = describe(run);
      const tally = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${n} ${status}`).join(", ") || "no row done";
      writeLine(io.stdout, `  run ${run.number}  ${when(run)}  ${state}  ${tally}  ${size(run.bytes)}  ${basename(run.path)}`);
    }
    if (runs.length > 1) writeLine(io.stdout, `Undo the latest: finan-bulk undo ${args.report}; an earlier one (newest first): --run N. Remove old journals: --prune DAYS.`);
    return { failing: 0 };
  },
});

function describe(run: RunInfo) {
  const counts: StatusCounts = {};
  for (const result of run.state.done.values()) counts[result.status] = (counts[result.status] ?? 0) + 1;
  const state = run.state.undone ? `undone ${run.state.undone.slice(0, 16).replace("T", " ")}` : run.state.finished ? "finished" : "interrupted";
  return { number: run.number, startedAt: run.state.header?.startedAt, state, counts, bytes: run.bytes, journal: run.path, damagedLines: run.state.damaged };
}

const when = (run: RunInfo) => (run.state.header?.startedAt ?? "?").slice(0, 19).replace("T", " ") + " UTC";

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
