// --manifest: a small JSON beside the export for downstream jobs, written after the file (so it never vouches for a file not there).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { cannotWrite } from "../file-errors.js";
import { msg } from "../i18n/text.js";
import type { DiffCounts } from "./diff.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export interface Manifest {
  file: string;
  format: "csv" | "xlsx";
  /** rows of customers in the file */
  customers: number;
  sha256: string;
  bytes: number;
  /** when the listing started: the file holds the customers as they were from then */
  snapshotAt: string;
  writtenAt: string;
  tool: "finan-bulk";
  version: string;
  changesOnly: boolean;
  changes: Omit<DiffCounts, "baseline"> | null;
}

export const manifestPathFor = (file: string): string => `${file}.manifest.json`;

/** Hashes the written file and writes its manifest beside it (0600, renamed into place); returns the manifest's path. */
export async function writeManifest(file: string, facts: { format: "csv" | "xlsx"; customers: number; startedMs: number; now: number; changesOnly: boolean; changes: DiffCounts | undefined }): Promise<string> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const { baseline: _baseline, ...changes } = facts.changes ?? { baseline: null };
  const manifest: Manifest = {
    file: basename(file),
    format: facts.format,
    customers: facts.customers,
    sha256: hash.digest("hex"),
    bytes,
    snapshotAt: new Date(facts.startedMs).toISOString(),
    writtenAt: new Date(facts.now).toISOString(),
    tool: "finan-bulk",
    version,
    changesOnly: facts.changesOnly,
    changes: facts.changes ? (changes as Omit<DiffCounts, "baseline">) : null,
  };
  const path = manifestPathFor(file);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await rm(temp, { force: true });
    await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw cannotWrite(path, error, { what: msg("accounting.manifest.what"), then: msg("accounting.manifest.then") });
  }
  return path;
}
