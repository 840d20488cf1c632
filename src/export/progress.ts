// One live line on a terminal while exporting; nothing at all off a terminal (cron logs stay clean).
import type { Writable } from "node:stream";

export type ExportPhase = "listing" | "fetching" | "writing";

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  /** known once the list is complete, or from the server's meta while listing */
  total?: number;
  /** the listing pass (the list is read until a pass finds nobody new) */
  pass?: number;
}

export interface ProgressLine {
  update(progress: ExportProgress): void;
  /** erases the line before the summary is printed */
  clear(): void;
}

const EVERY_MS = 200;
const VERB: Record<ExportPhase, string> = { listing: "Listing", fetching: "Fetching", writing: "Writing" };

export function createProgressLine(stream: Writable, isTTY: boolean, now: () => number): ProgressLine {
  if (!isTTY) return { update() {}, clear() {} };
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let phaseStarted = now();
  let phase: ExportPhase | undefined;
  return {
    update(progress) {
      const time = now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStarted = time;
      } else if (time - last < EVERY_MS) return;
      last = time;
      const count = progress.done.toLocaleString("en-US");
      const total = progress.total === undefined ? "" : `/${progress.total.toLocaleString("en-US")}`;
      const seconds = (time - phaseStarted) / 1000;
      const rate = seconds > 0.5 ? ` · ${Math.round(progress.done / seconds).toLocaleString("en-US")}/s` : "";
      const pass = progress.pass !== undefined && progress.pass > 1 ? ` (pass ${progress.pass})` : "";
      stream.write(`\r\x1b[2K${VERB[progress.phase]} customers${pass}: ${count}${total}${rate}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
