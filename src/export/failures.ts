// Whole-run failures of an export, as ToolErrors a person can act on.
import { toRunError } from "../api/run-error.js";
import { ToolError } from "../errors.js";

/** What was being done when it failed, for the message: "listing customers", "fetching KH001". */
export interface FailureContext {
  doing: string;
  file: string;
  clientId: string;
  /** the user pressed Ctrl-C: whatever failed after that is the interruption's doing */
  signal: AbortSignal | undefined;
}

/** The one place an export failure becomes a message: nothing was written under the target name. */
export function exportFailure(error: unknown, context: FailureContext): ToolError {
  const untouched = `Nothing was written to ${context.file}.`;
  // A list that would not converge is the export's failure: say that the target is untouched.
  if (error instanceof ToolError && error.code === "E_LIST_INCONSISTENT") {
    return new ToolError(error.code, `${error.message} ${untouched}`, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
  const failed = (reason: string) => `Export failed while ${context.doing}: ${reason}. ${untouched}`;
  return toRunError(error, {
    doing: context.doing,
    consequence: untouched,
    clientId: context.clientId,
    signal: context.signal,
    apiFailure: { message: failed, hint: "A partial export is never left behind. Run it again later; if the server is slow or busy, lower --rate or raise --retries and --max-wait." },
    otherFailure: failed,
  });
}
