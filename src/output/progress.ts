import type { Io } from "../io.js";

export interface ProgressState {
  done: number;
  total: number | undefined;
  counts: Record<string, number>;
}

const EVERY_MS_TTY = 200;
const EVERY_MS_LOG = 5000;

/**
 * A live line on a terminal (done/total, rows/s, ETA, counts per status); off a terminal a
 * plain line every few seconds at most, so cron logs stay short. Always on stderr.
 */
export function createProgress(io: Io, label: string) {
  const started = io.now();
  let last = 0;
  let drawn = false;

  function line(state: ProgressState): string {
    const elapsed = Math.max(0.001, (io.now() - started) / 1000);
    const rate = state.done / elapsed;
    const counts = Object.entries(state.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${status} ${n.toLocaleString("en-US")}`)
      .join(", ");
    const parts = [`${label} ${state.done.toLocaleString("en-US")}${state.total === undefined ? "" : `/${state.total.toLocaleString("en-US")}`} rows`, `${rate.toFixed(rate < 10 ? 1 : 0)} rows/s`];
    if (state.total !== undefined && rate > 0 && state.done < state.total) parts.push(`ETA ${clock((state.total - state.done) / rate)}`);
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
      if (io.isTTY) {
        io.stderr.write(`\r\x1b[2K${line(state)}`);
        drawn = true;
      } else if (now - started >= EVERY_MS_LOG) {
        io.stderr.write(`${line(state)}\n`);
      }
    },
    /** Clears the live line before the summary is printed. */
    finish(): void {
      if (drawn) io.stderr.write("\r\x1b[2K");
    },
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}
