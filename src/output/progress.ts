// The live progress line on stderr: rows of an import, validate or undo; phases of an export or listing.
import type { Writable } from "node:stream";
import type { Io } from "../io.js";
import type { Lang } from "../i18n/lang.js";
import { LOCALE } from "../i18n/lang.js";
import { formatNumber, msg, t } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { statusText } from "../rows/status.js";
import type { RowStatus, StatusCounts } from "../rows/status.js";
import { saidText } from "./summary.js";
import type { Said } from "./summary.js";

export interface ProgressState {
  done: number;
  total: number | undefined;
  counts: StatusCounts;
}

const EVERY_MS_TTY = 200;
const EVERY_MS_LOG = 5000;

/** Rows done/total, rows/s, ETA and counts per status: live on a terminal, off one a line every 5 s at most (cron logs stay short). */
/** `label` is what is under way, e.g. msg("output.progress.importing"). */
export function createProgress(io: Io, label: Said) {
  const started = io.now();
  const live = liveLine(io.stderr);
  let last = 0;

  const { lang } = io;
  function line(state: ProgressState): string {
    const elapsed = Math.max(0.001, (io.now() - started) / 1000);
    const rate = state.done / elapsed;
    const counts = (Object.entries(state.counts) as [RowStatus, number | undefined][])
      .flatMap(([status, n]) => (n !== undefined && n > 0 ? [t(lang, "output.progress.count", { status: statusText(lang, status), count: n })] : []))
      .join(", ");
    const rows = state.total === undefined ? msg("common.rows", { count: state.done }) : msg("output.progress.rowsOf", { done: formatNumber(lang, state.done), count: state.total });
    const parts: string[] = [
      t(lang, "output.progress.rows", { label: saidText(lang, label), rows }),
      t(lang, "output.progress.rate", { rate: fixed(lang, rate, rate < 10 ? 1 : 0) }),
    ];
    if (state.total !== undefined && rate > 0 && state.done < state.total) parts.push(t(lang, "output.progress.eta", { clock: clock((state.total - state.done) / rate) }));
    if (counts) parts.push(counts);
    const text = parts.join(" · ");
    if (!io.isTTY || state.total === undefined || state.total === 0) return text;
    const width = 20;
    const filled = Math.min(width, Math.round((state.done / state.total) * width));
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text}`;
  }

  return {
    update(state: ProgressState): void {
      const now = io.now();
      if (now - last < (io.isTTY ? EVERY_MS_TTY : EVERY_MS_LOG)) return;
      last = now;
      if (io.isTTY) live.draw(line(state));
      else if (now - started >= EVERY_MS_LOG) io.stderr.write(`${line(state)}\n`);
    },
    /** Clears the live line before the summary is printed. */
    finish: live.clear,
  };
}

export type ExportPhase = "listing" | "fetching" | "writing";

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  /** known once the list is complete, or from the server's meta while listing */
  total?: number;
  /** the listing pass (the list is read until a pass finds nobody new) */
  pass?: number;
}

interface ProgressLine {
  update(progress: ExportProgress): void;
  /** erases the line before the summary is printed */
  clear(): void;
}

const PHASE: Record<ExportPhase, Message> = { listing: msg("output.progress.listing"), fetching: msg("output.progress.fetching"), writing: msg("output.progress.writing") };

/** An export's (or an import's listing's) phase, count and rate; nothing at all off a terminal, so cron logs stay clean. */
export function createProgressLine(stream: Writable, isTTY: boolean, now: () => number, lang: Lang = "en"): ProgressLine {
  if (!isTTY) return { update() {}, clear() {} };
  const live = liveLine(stream);
  let last = Number.NEGATIVE_INFINITY;
  let phaseStarted = now();
  let phase: ExportPhase | undefined;
  return {
    update(progress) {
      const time = now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStarted = time;
      } else if (time - last < EVERY_MS_TTY) return;
      last = time;
      const done = `${formatNumber(lang, progress.done)}${progress.total === undefined ? "" : `/${formatNumber(lang, progress.total)}`}`;
      const seconds = (time - phaseStarted) / 1000;
      const named = PHASE[progress.phase];
      const shown = progress.pass !== undefined && progress.pass > 1 ? msg("output.progress.pass", { phase: named, pass: String(progress.pass) }) : named;
      live.draw(seconds > 0.5 ? t(lang, "output.progress.phaseRate", { phase: shown, done, rate: Math.round(progress.done / seconds) }) : t(lang, "output.progress.phase", { phase: shown, done }));
    },
    clear: live.clear,
  };
}

/** One line redrawn in place; clear() erases it (only if drawn) before the summary is printed. */
function liveLine(stream: Writable) {
  let drawn = false;
  return {
    draw(text: string): void {
      stream.write(`\r\x1b[2K${text}`);
      drawn = true;
    },
    clear(): void {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}

/** A rate with a fixed number of decimals, as the language writes it: 5.0 (en), 5,0 (vi). */
function fixed(lang: Lang, value: number, digits: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
