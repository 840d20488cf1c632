// Whole-run failures of an export, as ToolErrors a person can act on.
import { Interrupted, PacedFailure } from "../api/pacer.js";
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
  if (error instanceof ToolError) return error;
  const untouched = `Nothing was written to ${context.file}.`;
  if (context.interrupted || error instanceof Interrupted) {
    return new ToolError("E_INTERRUPTED", `Interrupted while ${context.doing}. ${untouched}`, { cause: error, exitCode: EXIT_INTERRUPTED });
  }
  if (error instanceof PacedFailure && error.error.kind === "auth") {
    const why = error.error.detail ?? "authentication failed";
    return new ToolError("E_AUTH_REJECTED", `The server rejected the credentials while ${context.doing} (HTTP ${error.error.status ?? 401}: ${why}). ${untouched}`, {
      cause: error,
      hint: credentialHint(why, context.clientId),
    });
  }
  if (error instanceof PacedFailure) {
    return new ToolError("E_API", `Export failed while ${context.doing}: ${error.message}. ${untouched}`, {
      cause: error,
      hint: "A partial export is never left behind. Run it again later; if the server is slow or busy, lower --rate or raise --retries and --max-wait.",
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ToolError("E_INTERNAL", `Export failed while ${context.doing}: ${reason}. ${untouched}`, { cause: error });
}

/** Which credential to check, from the server's reason when it names one. */
function credentialHint(reason: string, clientId: string): string {
  const text = reason.toLowerCase();
  const where = "(Finan web app → Settings → Open API), and that --base-url points at the right server";
  if (text.includes("clock") || text.includes("timestamp")) {
    return "Check this machine's clock: requests are signed with the current time and accepted only within 30 s of the server's.";
  }
  if (text.includes("client")) return `Check FINAN_CLIENT_ID (now "${clientId}") ${where}.`;
  if (text.includes("signature")) return `Check FINAN_SECRET_KEY: it does not match client "${clientId}" ${where}.`;
  return `Check FINAN_CLIENT_ID (now "${clientId}") and FINAN_SECRET_KEY ${where}.`;
}
