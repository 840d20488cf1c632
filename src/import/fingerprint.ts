// What the tool last wrote to a file, kept beside it, so no run overwrites a file the user changed since.
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

type Fingerprint =
  /** a run is writing the file (or was killed while it did): the file is the tool's */
  | { state: "writing"; pid: number; previous?: Fingerprint | undefined }
  | { state: "written"; sha256: string; size: number; mtimeMs: number; writtenAt: string };

export interface OutputClaim {
  /** Records what the run left in the file (or, if it wrote nothing, puts the last record back). */
  done(): void;
}

/** `.name.report.csv.fingerprint` beside `name.report.csv`: hidden, and found from the file's name alone. */
export const fingerprintPathFor = (path: string): string => join(dirname(path), `.${basename(path)}.fingerprint`);

/**
 * Claims `path` for a run that will write it: refused (E_OVERWRITE, nothing done) when the file
 * exists and is not as the tool last wrote it (edited since, or never written by the tool), unless
 * `force`. Call done() when the run has written it, on every exit path.
 */
export function claimOutput(path: string, force: boolean, kind: "report" | "plan" | { what: Message; hint: Message } = "report"): OutputClaim {
  const what = typeof kind === "object" ? kind.what : msg(kind === "plan" ? "import.overwrite.plan" : "import.overwrite.report");
  const sidecar = fingerprintPathFor(path);
  const previous = readFingerprint(sidecar);
  const before = statOf(path);
  if (before && !force) {
    const why = changedBecause(path, before, previous, what);
    if (why) throw new ToolError("E_OVERWRITE", why, { hint: typeof kind === "object" ? kind.hint : msg("import.overwrite.hint", { file: basename(path) }) });
  }
  // no folder yet: nothing there to protect, and the run makes the folder or fails on its own terms
  if (existsSync(dirname(path))) store(sidecar, { state: "writing", pid: process.pid, previous: previous?.state === "writing" ? previous.previous : previous });
  return {
    done() {
      const after = statOf(path);
      if (after && !(before && sameStat(before, after))) {
        store(sidecar, { state: "written", sha256: sha256Of(path), size: after.size, mtimeMs: after.mtimeMs, writtenAt: new Date().toISOString() });
      } else if (after && previous) store(sidecar, previous);
      else rmSync(sidecar, { force: true });
    },
  };
}

/** Why the existing file is not the tool's to overwrite; undefined if it is. */
function changedBecause(path: string, now: Stats, fingerprint: Fingerprint | undefined, what: Message): Message | undefined {
  if (fingerprint === undefined) return msg("import.overwrite.notOurs", { what, path });
  if (fingerprint.state === "writing") return undefined;
  if (now.size === fingerprint.size && now.mtimeMs === fingerprint.mtimeMs) return undefined;
  if (sha256Of(path) === fingerprint.sha256) return undefined;
  return msg("import.overwrite.changed", { what, path, writtenAt: fingerprint.writtenAt });
}

function readFingerprint(sidecar: string): Fingerprint | undefined {
  try {
    const value = JSON.parse(readFileSync(sidecar, "utf8")) as Fingerprint;
    return value.state === "writing" || (value.state === "written" && typeof value.sha256 === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Written aside and renamed over: never through a link planted at the sidecar's name. */
function store(sidecar: string, fingerprint: Fingerprint): void {
  const temp = `${sidecar}.${process.pid}.tmp`;
  try {
    rmSync(temp, { force: true });
    writeFileSync(temp, `${JSON.stringify(fingerprint)}\n`, { flag: "wx", mode: 0o600 });
    renameSync(temp, sidecar);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ToolError("E_FILE_UNWRITABLE", msg("import.overwrite.cannotWriteFingerprint", { sidecar, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), {
      cause: error,
      hint: msg("import.folderHint"),
    });
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const sameStat = (a: Stats, b: Stats): boolean => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Read in chunks: a report of a million rows is hashed without holding it in memory. */
function sha256Of(path: string): string {
  const hash = createHash("sha256");
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
