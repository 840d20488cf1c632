// Why a file could not be written, in words a person can act on, from the system's error code.
import { ToolError } from "./errors.js";
import type { ErrorCode } from "./errors.js";

/** The cause of a failed read or write as a phrase ("the disk is full"); the raw message when unknown. */
function fileProblem(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Windows refuses to replace or remove a file another program holds open: Excel does, for every file it shows
  if (platform === "win32" && (code === "EBUSY" || code === "EPERM")) return "the file is open in another program (close it in Excel)";
  switch (code) {
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "your disk quota is used up";
    case "EIO":
      return "the disk reported an input/output error";
    case "EROFS":
      return "the file system is read-only";
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ELOOP":
      return "it is a symbolic link, and finan-bulk does not write through links";
    case "EBUSY":
      return "the file is in use by another program";
    case "EFBIG":
      return "the file is larger than this file system allows";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** What to do about it, for the hint line. */
function fileHint(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (platform === "win32" && (code === "EBUSY" || code === "EPERM")) return "Close the file in Excel (or the program showing it), then run the same command again.";
  if (code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG") return "Free some space (or choose a folder on another disk), then run the same command again.";
  if (code === "ELOOP") return "Remove the link (or give another file name), then run the same command again.";
  return "Choose another path, or fix the folder's permissions, then run the same command again.";
}

/** A ToolError (exit 2) naming the file and the cause: the one shape of every failed write. */
export function cannotWrite(file: string, error: unknown, options: { code?: ErrorCode; what?: string; then?: string; platform?: NodeJS.Platform } = {}): ToolError {
  if (error instanceof ToolError) return error;
  const what = options.what === undefined ? file : `${options.what} ${file}`;
  const then = options.then === undefined ? "" : ` ${options.then}`;
  return new ToolError(options.code ?? "E_FILE_UNWRITABLE", `Cannot write ${what}: ${fileProblem(error, options.platform)}.${then}`, { cause: error, hint: fileHint(error, options.platform) });
}
