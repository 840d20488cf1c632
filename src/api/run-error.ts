// Anything thrown during a run → the ToolError its command prints; the one place a 401 is worded.
import { ApiError } from "./api-error.js";
import { EXIT_INTERRUPTED, ToolError } from "../errors.js";

/** What a run was doing when it failed, and how its command says so. */
export interface RunContext {
  /** "listing the existing customers", "fetching customer KH001 (…)" */
  doing: string;
  /** what the failure means for the user's files: "Nothing was sent.", "Nothing was written to out.xlsx." */
  consequence: string;
  /** named in a 401's hint (never the secret) */
  clientId: string;
  /** the run's stop signal (Ctrl-C, SIGTERM): once aborted, whatever failed is the interruption's doing */
  signal?: AbortSignal | undefined;
  /** the sentence and hint of an API failure other than a 401, as this command says it; the error's own message when absent */
  apiFailure?: { message: (reason: string) => string; hint: string };
  /** the sentence of any other failure, as this command says it; the error's own message when absent */
  otherFailure?: (reason: string) => string;
}

/** 401 or 403: the credentials (or the clock) are wrong, so every further request would fail too and the run must stop. */
export function isAuthRejection(error: unknown): error is ApiError {
  return error instanceof ApiError && error.kind === "auth";
}

/** Turns anything thrown during a run into the ToolError its command prints: code, message, hint and exit code. */
export function toRunError(error: unknown, context: RunContext): ToolError {
  if (error instanceof ToolError) return error;
  if (context.signal?.aborted) {
    return new ToolError("E_INTERRUPTED", `Interrupted while ${context.doing}. ${context.consequence}`, { cause: error, exitCode: EXIT_INTERRUPTED });
  }
  if (isAuthRejection(error)) return credentialsRejected(error, context);
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    const { message, hint } = context.apiFailure ?? { message: () => reason, hint: undefined };
    return new ToolError("E_API", message(reason), { cause: error, ...(hint === undefined ? {} : { hint }) });
  }
  const internal = new ToolError("E_INTERNAL", context.otherFailure?.(reason) ?? reason, { cause: error });
  // --debug shows where the defect happened, not where it was worded
  if (error instanceof Error && error.stack !== undefined) internal.stack = error.stack;
  return internal;
}

/** A 401 as a whole-run error: what was being done, what it means for the files, which credential to check. */
function credentialsRejected(error: ApiError, context: RunContext): ToolError {
  const why = error.detail ?? "authentication failed";
  return new ToolError("E_AUTH_REJECTED", `The server rejected the credentials while ${context.doing} (HTTP ${error.status ?? 401}: ${why}). ${context.consequence}`, {
    cause: error,
    hint: credentialHint(why, context.clientId),
  });
}

/** Why a run stopped part-way at a 401, for its summary. */
export function authStopReason(error: ApiError, row: number): string {
  return `The server rejected the credentials (HTTP ${error.status ?? 401}, ${error.detail ?? "authentication failed"}) at row ${row}. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY (and this machine's clock).`;
}

/** The report's message for the row a 401 stopped the run at. */
export function authRowMessage(error: ApiError): string {
  return `authentication rejected: ${error.detail ?? error.message}; check FINAN_CLIENT_ID and FINAN_SECRET_KEY`;
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
