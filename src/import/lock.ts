// One run at a time per file: a lock file beside it, created exclusively, naming the process that holds it.
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { processAlive, trackTemp, untrackTemp } from "../temp-files.js";

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface RunLock {
  /** the lock files held */
  /** one line per lock taken over from a process that is gone, for the user */
  notices: Message[];
  /** removes the lock files; safe to call more than once */
  release(): void;
}

export const lockPathFor = (target: string): string => `${target}.lock`;

/**
 * Locks each of `targets` (a report, an input) for this process, or throws E_LOCKED naming the
 * run that holds one (nothing taken then). A lock whose process is gone (same host, pid not
 * running) is taken over, with a notice. `ifWritable` targets are locked when their folder lets
 * us (an input on a read-only share is still read).
 */
export function acquireLocks(command: string, targets: string[], ifWritable: string[] = [], now: () => number = Date.now): RunLock {
  const held: string[] = [];
  const notices: Message[] = [];
  const release = () => {
    for (const path of held.splice(0)) {
      rmSync(path, { force: true });
      untrackTemp(path);
    }
  };
  try {
    const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date(now()).toISOString(), command };
    for (const target of new Set([...targets, ...ifWritable])) {
      let notice: Message | undefined;
      try {
        notice = acquireOne(lockPathFor(target), target, me);
      } catch (error) {
        // no folder yet: the run fails on its own terms (file not found), with nothing to guard
        const missingFolder = error instanceof ToolError && (error.cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
        if (missingFolder || (error instanceof ToolError && error.code === "E_FILE_UNWRITABLE" && ifWritable.includes(target) && !targets.includes(target))) continue;
        throw error;
      }
      held.push(lockPathFor(target));
      // a second Ctrl-C exits at once: the lock goes with the process, not left for the next run to take over
      trackTemp(lockPathFor(target));
      if (notice) notices.push(notice);
    }
  } catch (error) {
    release();
    throw error;
  }
  return { notices, release };
}

function acquireOne(path: string, target: string, me: LockOwner): Message | undefined {
  if (createExclusive(path, target, me)) return undefined;
  const owner = readOwner(path);
  // A lock naming no process may be one being written this instant: only an old one is stale.
  if (owner ? isRunning(owner) : ageMs(path) < UNNAMED_STALE_MS) throw lockedBy(path, target, owner);
  rmSync(path, { force: true });
  // Once only: a run that took the stale lock between our two tries now holds it.
  if (!createExclusive(path, target, me)) throw lockedBy(path, target, readOwner(path));
  return owner ? msg("import.lock.tookOver", { path, pid: String(owner.pid), since: owner.startedAt }) : msg("import.lock.tookOverUnnamed", { path });
}

/** Creates the lock file with our name in it; false if it exists. */
function createExclusive(path: string, target: string, me: LockOwner): boolean {
  try {
    writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // the system's code (EACCES) or its own words
    throw new ToolError("E_FILE_UNWRITABLE", msg("import.lock.cannotCreate", { path, reason: code ?? (error as Error).message, target }), { cause: error, hint: msg("import.folderHint") });
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    if (typeof owner.pid !== "number" || typeof owner.startedAt !== "string") return undefined;
    return { pid: owner.pid, host: owner.host ?? hostname(), startedAt: owner.startedAt, command: owner.command ?? "finan-bulk" };
  } catch {
    return undefined;
  }
}

/** Whether the lock's process may still be running: on another host we cannot tell, so yes. */
function isRunning(owner: LockOwner): boolean {
  return owner.host !== hostname() || processAlive(owner.pid);
}

function lockedBy(path: string, target: string, owner: LockOwner | undefined): ToolError {
  const who = !owner
    ? msg("import.lock.unnamedOwner", { path, when: modified(path) })
    : owner.host === hostname()
      ? msg("import.lock.owner", { command: owner.command, pid: String(owner.pid), since: owner.startedAt })
      : msg("import.lock.ownerElsewhere", { command: owner.command, pid: String(owner.pid), host: owner.host, since: owner.startedAt });
  return new ToolError("E_LOCKED", msg("import.lock.inUse", { target, who }), { hint: msg("import.lock.inUseHint", { path }) });
}

const UNNAMED_STALE_MS = 10_000;

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function modified(path: string): Message | string {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return msg("import.lock.justNow");
  }
}
