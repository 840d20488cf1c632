// A report's runs: each run's journal kept beside it, found again for `runs` and `undo --run N`.
import { existsSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { JournalWriter, readJournal } from "./journal.js";
import type { JournalState, RunHeader } from "./journal.js";

/**
 * Run history: every run's journal is kept beside its report. The latest run's is
 * `<report>.journal`; a new run sets it aside as `<report>.run-<N>.<start time>.journal`, so a
 * person can tell when each ran, and `undo --run N` can still reverse it.
 */

export const journalPathFor = (report: string) => `${report}.journal`;

export interface RunInfo {
  number: number;
  path: string;
  /** the journal's first entry, read without its rows */
  readonly header: RunHeader | undefined;
  readonly state: JournalState;
  bytes: number;
  latest: boolean;
}

const ARCHIVED = /^\.run-(\d+)\.(.+)\.journal$/;

/** Every run of a report with a journal, oldest first. */
export function listRuns(report: string): RunInfo[] {
  const runs: RunInfo[] = [];
  const base = basename(report);
  const folder = dirname(report);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return runs;
  }
  for (const name of names) {
    const match = name.startsWith(base) ? ARCHIVED.exec(name.slice(base.length)) : null;
    if (!match) continue;
    const path = join(folder, name);
    let state: JournalState | undefined;
    // read when asked for: undo of the latest run need not read every older journal (before-images of every row)
    runs.push({ number: Number(match[1]), path, get header() { return this.state.header; }, get state() { return (state ??= readJournal(path)); }, bytes: statSync(path).size, latest: false });
  }
  runs.sort((a, b) => a.number - b.number);
  const latest = journalPathFor(report);
  if (existsSync(latest)) {
    // its header now, its rows when asked for: a new run beside it needs only its number and start
    const head = readJournal(latest, { entries: false });
    let state: JournalState | undefined;
    const number = head.header?.run ?? (runs.at(-1)?.number ?? 0) + 1;
    runs.push({ number, path: latest, header: head.header, get state() { return (state ??= readJournal(latest)); }, bytes: statSync(latest).size, latest: true });
  }
  return runs;
}

/** A new run's journal: the previous run's is set aside under its number and start time, never overwritten. */
export async function beginRun(report: string, header: Omit<RunHeader, "run">, run?: number): Promise<JournalWriter> {
  const path = journalPathFor(report);
  const runs = listRuns(report);
  const previous = runs.at(-1);
  if (previous?.latest) renameSync(path, archivedPath(report, previous.number, previous.header?.startedAt));
  return JournalWriter.create(path, { ...header, run: run ?? (previous?.number ?? 0) + 1 });
}

function archivedPath(report: string, number: number, startedAt: string | undefined): string {
  // 2026-12-06T07:10:43.123Z → 2026-12-06T07-10-43Z: readable, sortable, and a valid file name everywhere
  const stamp = (startedAt ?? new Date().toISOString()).replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const path = `${report}.run-${number}.${stamp}.journal`;
  return existsSync(path) ? `${report}.run-${number}.${stamp}-${Date.now()}.journal` : path;
}

/** The run `undo --run N` (or the latest) names, or a clear refusal. */
export function findRun(report: string, number: number | undefined): { run: RunInfo; runs: RunInfo[] } {
  // an archived journal beside a report is always an import's; the latest may be another command's (an undo report given)
  const runs = listRuns(report).filter((run) => !run.latest || run.header?.command === "import");
  const run = number === undefined ? runs.at(-1) : runs.find((candidate) => candidate.number === number);
  if (run) return { run, runs };
  if (runs.length === 0) {
    throw new ToolError("E_JOURNAL", msg("import.journal.noJournal", { report, journal: journalPathFor(report), pattern: `${basename(report)}.run-N.*.journal` }), { hint: msg("import.journal.noJournalHint") });
  }
  // run numbers as `runs` lists them, ungrouped
  throw new ToolError("E_USAGE", msg("import.journal.noRun", { report, number: String(number), runs: runs.map((r) => r.number).join(", ") }), { hint: msg("import.journal.noRunHint", { report }) });
}

/** Removes the journals of runs (never the latest) started more than `days` days before `now`; returns them. */
export function pruneRuns(report: string, days: number, now: number): RunInfo[] {
  const cutoff = now - days * 86_400_000;
  const removed: RunInfo[] = [];
  for (const run of listRuns(report)) {
    const started = Date.parse(run.state.header?.startedAt ?? "");
    if (run.latest || !(started < cutoff)) continue;
    unlinkSync(run.path);
    removed.push(run);
  }
  return removed;
}
