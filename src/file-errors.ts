// Why a file could not be written, in words a person can act on, from the system's error code.
import { ToolError } from "./errors.js";
import type { ErrorCode } from "./errors.js";
import { msg } from "./i18n/text.js";
import type { Message } from "./i18n/text.js";

/** The cause of a failed read or write as a phrase ("the disk is full"); the system's own words when unknown. */
export function fileProblem(error: unknown, platform: NodeJS.Platform = process.platform): Message | string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Windows refuses to replace or remove a file another program holds open: Excel does, for every file it shows
  if (platform === "win32" && (code === "EBUSY" || code === "EPERM")) return msg("files.problem.openElsewhere");
  switch (code) {
    case "ENOSPC":
      return msg("files.problem.diskFull");
    case "EDQUOT":
      return msg("files.problem.quota");
    case "EIO":
      return msg("files.problem.io");
    case "EROFS":
      return msg("files.problem.readOnly");
    case "ENOENT":
      return msg("files.problem.noFolder");
    case "EACCES":
    case "EPERM":
      return msg("files.problem.permission");
    case "EISDIR":
      return msg("files.problem.folder");
    case "ELOOP":
      return msg("files.problem.link");
    case "EBUSY":
      return msg("files.problem.busy");
    case "EFBIG":
      return msg("files.problem.tooBig");
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** What to do about it, for the hint line. */
function fileHint(error: unknown, platform: NodeJS.Platform = process.platform): Message {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (platform === "win32" && (code === "EBUSY" || code === "EPERM")) return msg("files.hint.closeInExcel");
  if (code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG") return msg("files.hint.freeSpace");
  if (code === "ELOOP") return msg("files.hint.removeLink");
  return msg("files.hint.otherPath");
}

/**
 * A ToolError (exit 2) naming the file and the cause: the one shape of every failed write.
 * `what` names the kind of file ("the journal"), `then` says what it means for the run.
 */
export function cannotWrite(
  file: string,
  error: unknown,
  options: { code?: ErrorCode; what?: Message | string; then?: Message | string; platform?: NodeJS.Platform } = {},
): ToolError {
  if (error instanceof ToolError) return error;
  const target = options.what === undefined ? msg("files.target", { file }) : msg("files.namedTarget", { what: options.what, file });
  const problem = fileProblem(error, options.platform);
  const said = options.then === undefined ? msg("files.cannotWrite", { target, problem }) : msg("files.cannotWriteThen", { target, problem, then: options.then });
  return new ToolError(options.code ?? "E_FILE_UNWRITABLE", said, { cause: error, hint: fileHint(error, options.platform) });
}
