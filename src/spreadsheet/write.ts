// Choose the writer by extension and own the file: temp name + rename (atomic), permissions.
import { once } from "node:events";
import { open, rename, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { cannotWrite } from "../file-errors.js";
import { sweepLeftovers, tempPathBeside, tempPatternFor, trackTemp, untrackTemp } from "../temp-files.js";
import type { SheetWriter, WriteOptions } from "./types.js";
import { createCsvWriter } from "./write-csv.js";
import type { StreamSheetWriter } from "./write-csv.js";

/**
 * A SheetWriter for `file` (.csv/.txt comma, .tsv tab, .xlsx). Rows go to a new file
 * `<file>.tmp-<pid>-<random>` beside it, renamed over `file` by close() and removed by abort():
 * a link planted at `file` is replaced, never written through, and a failure leaves no half file.
 */
export async function createSheetWriter(file: string, options: WriteOptions): Promise<SheetWriter> {
  const extension = extname(file).toLowerCase();
  if (![".csv", ".tsv", ".txt", ".xlsx"].includes(extension)) {
    throw new ToolError("E_USAGE", msg("sheet.badOutputName", { file }), { hint: msg("sheet.outputNameHint") });
  }
  // exceljs takes ~0.4 s to load: only a command that writes an .xlsx pays for it
  const xlsx = extension === ".xlsx" ? await import("./write-xlsx.js") : undefined;
  xlsx?.checkExcelWidth(file, options.columns.length);
  // a killed earlier run of this same output left its temp file: its process is gone, so it goes
  await sweepLeftovers(dirname(file), tempPatternFor(file));
  const path = tempPathBeside(file);
  const handle = await openForWriting(path, file, options.mode);
  trackTemp(path);
  const output = handle.createWriteStream(); // closes the handle when it finishes or is destroyed
  const writer: StreamSheetWriter =
    xlsx ? xlsx.createXlsxWriter(output, options, file) : createCsvWriter(output, options, extension === ".tsv" ? "\t" : (options.delimiter ?? ","));
  const closed = once(output, "close").then(
    () => undefined,
    () => undefined,
  );
  // A disk error stops the writers' pipes without ending them: each write races it, or could wait
  // forever. The race is per call (one listener, removed after) so nothing accumulates per row.
  let failure: unknown;
  output.on("error", (error: unknown) => (failure ??= error));
  const guarded = async <T>(work: Promise<T>): Promise<T> => {
    if (failure !== undefined) throw failure;
    let onError: (error: unknown) => void = () => undefined;
    const failedNow = new Promise<never>((_resolve, reject) => {
      onError = reject;
      output.once("error", onError);
    });
    try {
      return await Promise.race([work, failedNow]);
    } finally {
      output.off("error", onError);
    }
  };
  let state: "open" | "closed" | "aborted" | "failed" = "open";
  let failedWith: unknown;
  // the temp file goes at once; still tracked if it cannot be removed, for the exit hook to retry
  const discard = async (): Promise<void> => {
    writer.destroy();
    output.destroy();
    await closed;
    await rm(path, { force: true }).then(() => untrackTemp(path), () => undefined);
  };

  return {
    async write(values, marks, cells) {
      if (state === "failed") throw failedWith;
      if (state !== "open") throw new ToolError("E_INTERNAL", msg(state === "closed" ? "sheet.writerClosed" : "sheet.writerAborted", { file }));
      try {
        await guarded(writer.write(values, marks, cells));
      } catch (error) {
        // nothing more can go in: the half-written temp file is removed now, not left to the caller
        state = "failed";
        failedWith = cannotWrite(file, error);
        await discard();
        throw failedWith;
      }
    },
    async close() {
      if (state === "failed") throw failedWith;
      if (state !== "open") return;
      state = "closed";
      try {
        await guarded(writer.close());
        await closed;
        await rename(path, file);
        untrackTemp(path);
      } catch (error) {
        await discard();
        throw cannotWrite(file, error);
      }
    },
    async abort() {
      if (state !== "open") return;
      state = "aborted";
      await discard();
    },
  };
}

async function openForWriting(path: string, file: string, mode: number | undefined): Promise<FileHandle> {
  try {
    // "wx": a new file or nothing, so a link planted at the temp name is refused, not followed
    const handle = await open(path, "wx", mode ?? 0o666);
    // open()'s mode is only applied through the umask: set it exactly
    if (mode !== undefined) await handle.chmod(mode);
    return handle;
  } catch (error) {
    throw cannotWrite(file, error);
  }
}
