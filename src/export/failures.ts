// Whole-run failures of an export, as ToolErrors a person can act on.
import { toRunError } from "../api/run-error.js";
import type { Said } from "../api/run-error.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";

/** What was being done when it failed, for the message: "listing customers", "fetching KH001". */
export interface FailureContext {
  doing: Said;
  file: string;
  clientId: string;
  /** the user pressed Ctrl-C: whatever failed after that is the interruption's doing */
  signal: AbortSignal | undefined;
}

/** The one place an export failure becomes a message: nothing was written under the target name. */
export function exportFailure(error: unknown, context: FailureContext): ToolError {
  const untouched = msg("export.failed.untouched", { file: context.file });
  // A list that would not converge is the export's failure: say that the target is untouched.
  if (error instanceof ToolError && error.code === "E_LIST_INCONSISTENT") {
    return new ToolError(error.code, msg("export.failed.listInconsistent", { text: error.said, untouched }), { cause: error, ...(error.hintSaid === undefined ? {} : { hint: error.hintSaid }) });
  }
  const failed = (reason: Said) => msg("export.failed.while", { doing: context.doing, reason, untouched });
  return toRunError(error, {
    doing: context.doing,
    consequence: untouched,
    clientId: context.clientId,
    signal: context.signal,
    apiFailure: { said: failed, hint: msg("export.failed.hint") },
    otherFailure: failed,
  });
}
