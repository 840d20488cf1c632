// Whole-run failures of an export, as ToolErrors a person can act on.
import { ApiError } from "../api/api-error.js";
import { credentialsRejected } from "../api/auth-rejected.js";
import { EXIT_INTERRUPTED, ToolError } from "../errors.js";

/** What was being done when it failed, for the message: "listing customers", "fetching KH001". */
export interface FailureContext {
  doing: string;
  file: string;
  clientId: string;
  /** the user pressed Ctrl-C: whatever failed after that is the interruption's doing */
  interrupted: boolean;
}

/** The one place an export failure becomes a message: nothing was written under the target name. */
export function exportFailure(error: unknown, context: FailureContext): ToolError {
  const untouched = `Nothing was written to ${context.file}.`;
  // A list that would not converge is the export's failure: say that the target is untouched.
  if (error instanceof ToolError && error.code === "E_LIST_INCONSISTENT") {
    return new ToolError(error.code, `${error.message} ${untouched}`, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
  }
  if (error instanceof ToolError) return error;
  if (context.interrupted) {
    return new ToolError("E_INTERRUPTED", `Interrupted while ${context.doing}. ${untouched}`, { cause: error, exitCode: EXIT_INTERRUPTED });
  }
  if (error instanceof ApiError && error.kind === "auth") return credentialsRejected(error, context.doing, untouched, context.clientId);
  if (error instanceof ApiError) {
    return new ToolError("E_API", `Export failed while ${context.doing}: ${error.message}. ${untouched}`, {
      cause: error,
      hint: "A partial export is never left behind. Run it again later; if the server is slow or busy, lower --rate or raise --retries and --max-wait.",
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ToolError("E_INTERNAL", `Export failed while ${context.doing}: ${reason}. ${untouched}`, { cause: error });
}
