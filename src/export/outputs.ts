// The files around an export: its lock, its overwrite claim, the state it compares with and keeps, its manifest.
import { resolve } from "node:path";
import type { CustomerType } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { claimOutput } from "../import/fingerprint.js";
import { acquireLocks } from "../import/lock.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { readBaselineFile } from "./baseline-file.js";
import type { Baseline } from "./compare.js";
import type { DiffCounts, DiffOptions } from "./diff.js";
import { writeManifest } from "./manifest.js";
import { createStateWriter, readState } from "./state.js";

export interface OutputsOptions {
  /** the export's file, its dated name filled in */
  file: string;
  format: "csv" | "xlsx";
  force: boolean;
  /** --state, as given (found from cwd; named so in messages) */
  state: string | undefined;
  changesOnly: boolean;
  /** --changes-since, as given */
  changesSince: string | undefined;
  cwd: string;
  manifest: boolean;
  type: CustomerType | undefined;
  summaryOnly: boolean;
  now: () => number;
}

export interface ExportOutputs {
  /** for runExport; undefined without --state or --changes-since */
  diff: DiffOptions | undefined;
  /** lines to say before the run (a lock taken over, a first state) */
  notices: Message[];
  /** the file is in place: keep its fingerprint, commit the state, write the manifest; returns the manifest's path */
  succeeded(facts: { customers: number; startedMs: number; changes: DiffCounts | undefined }): Promise<string | undefined>;
  /** the run failed: the old state and fingerprint stay */
  failed(): Promise<void>;
}

/**
 * Checks the flags together, locks the output (and the state) for this run, claims the output
 * (refused if a person changed it since the tool wrote it, unless --force), and reads the baseline.
 */
export async function prepareOutputs(options: OutputsOptions): Promise<ExportOutputs> {
  const { file } = options;
  const state = options.state === undefined ? undefined : resolve(options.cwd, options.state);
  const changesSince = options.changesSince === undefined ? undefined : resolve(options.cwd, options.changesSince);
  if (options.changesOnly && state === undefined && changesSince === undefined) {
    throw new ToolError("E_USAGE", msg("accounting.changesOnly.needsBaseline"), { hint: msg("accounting.changesOnly.needsBaselineHint") });
  }
  if (options.summaryOnly && (options.changesOnly || changesSince !== undefined || state !== undefined)) {
    throw new ToolError("E_USAGE", msg("accounting.changesOnly.summaryOnly"), { hint: msg("accounting.changesOnly.summaryOnlyHint") });
  }
  for (const [given, other] of [[options.state, state], [options.changesSince, changesSince]]) {
    if (given !== undefined && other === file) throw new ToolError("E_USAGE", msg("accounting.state.isOutput", { state: given }), { hint: msg("accounting.state.isOutputHint") });
  }
  const lock = acquireLocks("finan-bulk export", [file, ...(state === undefined ? [] : [state])], [], options.now);
  try {
    const notices = [...lock.notices];
    const claim = claimOutput(file, options.force, { what: msg("accounting.overwrite.what"), hint: msg("accounting.overwrite.hint", { date: "{date}" }) });
    let baseline: Baseline | undefined;
    try {
      if (changesSince !== undefined && options.changesSince !== undefined) baseline = { ...(await readBaselineFile(changesSince)), path: options.changesSince };
      else if (state !== undefined && options.state !== undefined) {
        const read = await readState(state);
        baseline = read && { ...read, path: options.state };
        if (!baseline) notices.push(msg("accounting.state.first", { path: options.state }));
      }
    } catch (error) {
      claim.done();
      throw error;
    }
    const writer = state === undefined ? undefined : createStateWriter(state, { file, type: options.type, now: options.now() });
    const comparing = state !== undefined || changesSince !== undefined;
    return {
      diff: comparing ? { baseline, changesOnly: options.changesOnly, state: writer } : undefined,
      notices,
      async succeeded(facts) {
        try {
          claim.done();
          await writer?.commit();
          if (!options.manifest) return undefined;
          return await writeManifest(file, { format: options.format, customers: facts.customers, startedMs: facts.startedMs, now: options.now(), changesOnly: options.changesOnly, changes: facts.changes });
        } finally {
          lock.release();
        }
      },
      async failed() {
        try {
          claim.done();
          await writer?.abort();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
