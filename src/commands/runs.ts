import { basename, resolve } from "node:path";
import { ToolError } from "../errors.js";
import { writeLine } from "../io.js";
import { listRuns, pruneRuns } from "../import/history.js";
import type { RunInfo } from "../import/history.js";
import { statusText } from "../rows/status.js";
import type { RowStatus, StatusCounts } from "../rows/status.js";
import { msg, t, verbatim } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { defineCommand } from "./define.js";

/** `finan-bulk runs <report>`: the runs of a report, kept for undo; `--prune DAYS` removes older runs' journals. */
export const runsCommand = defineCommand({
  builder: (y, lang) =>
    y
      .positional("report", { type: "string", demandOption: true, describe: t(lang, "cli.help.runs.report") })
      .option("prune", { type: "number", describe: t(lang, "cli.help.runs.prune") })
      .example("$0 runs customers.report.xlsx", t(lang, "cli.help.runs.example")),
  run: async (args, io) => {
    const report = resolve(io.cwd, args.report);
    if (args.prune !== undefined && !(Number.isFinite(args.prune) && args.prune >= 0)) {
      throw new ToolError("E_USAGE", msg("cli.runs.pruneDays", { value: String(args.prune) }), { hint: msg("cli.runs.pruneHint", { report: args.report }) });
    }
    const removed = args.prune === undefined ? [] : pruneRuns(report, args.prune, io.now());
    const runs = listRuns(report).filter((run) => run.state.header?.command === "import");
    if (runs.length === 0 && removed.length === 0) {
      throw new ToolError("E_JOURNAL", msg("cli.runs.none", { report }), { hint: msg("cli.runs.noneHint") });
    }
    if (args.json) {
      writeLine(io.stdout, verbatim(JSON.stringify({ command: "runs", report, runs: runs.map(describe), pruned: removed.map(describe) })));
      return { failing: 0 };
    }
    const { lang } = io;
    for (const run of removed) writeLine(io.stderr, t(lang, "cli.runs.removed", { run: String(run.number), when: when(run), size: size(run.bytes) }));
    writeLine(io.stdout, t(lang, "cli.runs.title", { report }));
    for (const run of runs) {
      const { counts } = describe(run);
      const tally = (Object.entries(counts) as [RowStatus, number][]).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => t(lang, "output.summary.count", { count: n, status: statusText(lang, status) })).join(", ");
      writeLine(io.stdout, t(lang, "cli.runs.line", { run: String(run.number), when: when(run), state: stateOf(run), tally: tally || msg("cli.runs.noRowDone"), size: size(run.bytes), journal: basename(run.path) }));
    }
    if (runs.length > 1) writeLine(io.stdout, t(lang, "cli.runs.footer", { report: args.report }));
    return { failing: 0 };
  },
});

function describe(run: RunInfo) {
  const counts: StatusCounts = {};
  for (const result of run.state.done.values()) counts[result.status] = (counts[result.status] ?? 0) + 1;
  const state = run.state.undone ? `undone ${run.state.undone.slice(0, 16).replace("T", " ")}` : run.state.finished ? "finished" : "interrupted";
  return { number: run.number, startedAt: run.state.header?.startedAt, state, counts, bytes: run.bytes, journal: run.path, damagedLines: run.state.damaged };
}

/** The run's state for a person: undone (when), finished, interrupted. */
function stateOf(run: RunInfo): Message {
  if (run.state.undone) return msg("cli.runs.undone", { when: run.state.undone.slice(0, 16).replace("T", " ") });
  return msg(run.state.finished ? "cli.runs.finished" : "cli.runs.interrupted");
}

const when = (run: RunInfo) => (run.state.header?.startedAt ?? "?").slice(0, 19).replace("T", " ") + " UTC";

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
