// Choose the writer by extension and own the file: temp name + rename (atomic), permissions.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { open, rename, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { ToolError } from "../errors.js";
import type { SheetWriter, WriteOptions } from "./types.js";
import { createCsvWriter } from "./write-csv.js";
import type { StreamSheetWriter } from "./write-csv.js";

export { neutraliseFormula, unneutraliseFormula } from "./formula-guard.js";

/**
 * A SheetWriter for `file` (.csv/.txt comma, .tsv tab, .xlsx). Atomic by default: rows go to
 * `<file>.tmp-<pid>-<random>` beside it, renamed into place by close() and removed by abort().
 * Non-atomic writes the target directly, so a crash leaves a readable partial CSV.
 */
export async function createSheetWriter(file: string, options: WriteOptions): Promise<SheetWriter> {
  const extension = extname(file).toLowerCase();
  if (![".csv", ".tsv", ".txt", ".xlsx"].includes(extension)) {
    throw new ToolError("E_USAGE", `Cannot write ${file}: the file name must end in .xlsx, .csv, .tsv or .txt`, {
      hint: "Choose an output name such as customers.xlsx or customers.csv",
    });
  }
  // exceljs takes ~0.4 s to load: only a command that writes an .xlsx pays for it
  const xlsx = extension === ".xlsx" ? await import("./write-xlsx.js") : undefined;
  const atomic = options.atomic ?? true;
  const path = atomic ? join(dirname(file), `${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`) : file;
  const handle = await openForWriting(path, file, atomic, options.mode);
  const output = handle.createWriteStream(); // closes the handle when it finishes or is destroyed
  const writer: StreamSheetWriter =
    xlsx ? xlsx.createXlsxWriter(output, options) : createCsvWriter(output, options, extension === ".tsv" ? "\t" : (options.delimiter ?? ","));
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
  let state: "open" | "closed" | "aborted" = "open";

  return {
    async write(values, marks, cells) {
      if (state !== "open") throw new ToolError("E_INTERNAL", `${file} was already ${state}: cannot write more rows`);
      await guarded(writer.write(values, marks, cells)).catch((error: unknown) => {
        throw writeError(file, error);
      });
    },
    async close() {
      if (state !== "open") return;
      state = "closed";
      try {
        await guarded(writer.close());
        await closed;
        if (atomic) await rename(path, file);
      } catch (error) {
        if (atomic) await rm(path, { force: true });
        throw writeError(file, error);
      }
    },
    async abort() {
      if (state !== "open") return;
      state = "aborted";
      if (!atomic) {
        // leave what was written readable: finish the file as it stands
        await writer.close().catch(() => writer.destroy());
        await closed;
        return;
      }
      writer.destroy();
      output.destroy();
      await closed;
      await rm(path, { force: true });
    },
  };
}

async function openForWriting(path: string, file: string, exclusive: boolean, mode: number | undefined): Promise<FileHandle> {
  try {
    const handle = await open(path, exclusive ? "wx" : "w", mode ?? 0o666);
    // open()'s mode is only applied to a new file, and through the umask: set it exactly
    if (mode !== undefined) await handle.chmod(mode);
    return handle;
  } catch (error) {
    throw writeError(file, error);
  }
}

function writeError(file: string, error: unknown): unknown {
  if (error instanceof ToolError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === "ENOENT" ? "its folder does not exist"
    : code === "EACCES" || code === "EPERM" ? "permission denied"
    : code === "ENOSPC" ? "the disk is full"
    : code === "EISDIR" ? "it is a folder"
    : error instanceof Error ? error.message : String(error);
  return new ToolError("E_FILE_UNWRITABLE", `Cannot write ${file}: ${why}`, { cause: error, hint: "Choose another output path, or free space / fix permissions" });
}
