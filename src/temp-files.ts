// This process's temporary files: named after it, removed on exit, a killed run's leftovers removed by the next.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { lstat, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const live = new Set<string>();
let hooked = false;

/** `<target>.tmp-<pid>-<random>` beside `target`: the same folder, so the final rename is atomic. */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/** Removes `path` when the process exits, however it exits (a second Ctrl-C calls process.exit). */
export function trackTemp(path: string): void {
  live.add(path);
  if (hooked) return;
  hooked = true;
  process.on("exit", removeTrackedSync);
}

/** `path` was renamed into place or removed: nothing to clean up any more. */
export function untrackTemp(path: string): void {
  live.delete(path);
}

function removeTrackedSync(): void {
  for (const path of live) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // exiting: nothing better to do than leave it to the next run's sweep
    }
  }
  live.clear();
}

/**
 * Writes `data` to a new file beside `target` and renames it over: a link planted at `target` is
 * replaced, never written through, and a reader never sees half a file.
 */
export async function replaceFile(target: string, data: string, mode = 0o600): Promise<void> {
  const temp = tempPathBeside(target);
  trackTemp(temp);
  try {
    await writeFile(temp, data, { encoding: "utf8", flag: "wx", mode });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    untrackTemp(temp);
  }
}

/** Whether a process with this id is running (a process of another user counts as running). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes entries of `folder` whose name matches `pattern` (group 1: the pid that made them),
 * older than this process and whose process is gone: a killed run's temp files. Never fails the
 * run that sweeps.
 */
export async function sweepLeftovers(folder: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    const path = join(folder, name);
    const changed = await lstat(path).then((stats) => stats.mtimeMs, () => Number.POSITIVE_INFINITY);
    if (changed >= performance.timeOrigin) continue;
    await rm(path, { recursive: true, force: true }).then(() => removed.push(path), () => undefined);
  }
  return removed;
}

/** The pattern of `tempPathBeside(target)` names, for sweeping. */
export function tempPatternFor(target: string): RegExp {
  return new RegExp(`^${escapeRegExp(basename(target))}\\.tmp-(\\d+)-[0-9a-f]+$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
