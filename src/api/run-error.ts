// Anything thrown during a run → the ToolError its command prints; the one place a 401 is worded.
import { ApiError } from "./api-error.js";
import { EXIT_INTERRUPTED, ToolError } from "../errors.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/** A sentence of a run's context: a catalogue message, or plain English from a caller not converted yet. */
export type Said = Message;

/** What a run was doing when it failed, and how its command says so. */
export interface RunContext {
  /** "listing the existing customers", "fetching customer KH001 (…)" */
  doing: Said;
  /** what the failure means for the user's files: "Nothing was sent.", "Nothing was written to out.xlsx." */
  consequence: Said;
  /** named in a 401's hint (never the secret) */
  clientId: string;
  /** the run's stop signal (Ctrl-C, SIGTERM): once aborted, whatever failed is the interruption's doing */
  signal?: AbortSignal | undefined;
  /**
   * The sentence and hint of an API failure other than a 401, as this command says it; the
   * error's own message when absent. `said` gets the failure as a message (any language);
   * `message`, its English text (for callers not converted yet).
   */
  apiFailure?: { said: (reason: Message) => Message; hint: Said };
  /** the sentence of any other failure, as this command says it; the error's own message when absent */
  otherFailure?: (reason: Message) => Message;
}

/** 401 or 403: the credentials (or the clock) are wrong, so every further request would fail too and the run must stop. */
export function isAuthRejection(error: unknown): error is ApiError {
  return error instanceof ApiError && error.kind === "auth";
}

/** Turns anything thrown during a run into the ToolError its command prints: code, message, hint and exit code. */
export function toRunError(error: unknown, context: RunContext): ToolError {
  if (error instanceof ToolError) return error;
  if (context.signal?.aborted) {
    return new ToolError("E_INTERRUPTED", msg("api.run.interrupted", { doing: context.doing, consequence: context.consequence }), { cause: error, exitCode: EXIT_INTERRUPTED });
  }
  if (isAuthRejection(error)) return credentialsRejected(error, context);
  if (error instanceof ApiError) {
    const wording = context.apiFailure;
    const said = wording === undefined ? error.said : wording.said(error.said);
    return new ToolError("E_API", said, { cause: error, ...(wording === undefined ? {} : { hint: wording.hint }) });
  }
  const reason = msg("common.asIs", { text: error instanceof Error ? error.message : String(error) });
  const internal = new ToolError("E_INTERNAL", context.otherFailure?.(reason) ?? reason, { cause: error });
  // --debug shows where the defect happened, not where it was worded
  if (error instanceof Error && error.stack !== undefined) internal.stack = error.stack;
  return internal;
}

/** The server's reason for a 401 (with our word on the clock), or "authentication failed". */
function authWhy(error: ApiError): Message {
  return error.detailSaid ?? msg("api.auth.failed");
}

/** A 401 as a whole-run error: what was being done, what it means for the files, which credential to check. */
function credentialsRejected(error: ApiError, context: RunContext): ToolError {
  const status = String(error.status ?? 401);
  return new ToolError("E_AUTH_REJECTED", msg("api.run.authRejected", { doing: context.doing, status, why: authWhy(error), consequence: context.consequence }), {
    cause: error,
    hint: credentialHint(error.detail ?? "authentication failed", context.clientId),
  });
}

/** Why a run stopped part-way at a 401, for its summary. */
export function authStopSaid(error: ApiError, row: number): Message {
  return msg("api.run.authStopped", { status: String(error.status ?? 401), why: authWhy(error), row: String(row) });
}

/** The report's message for the row a 401 stopped the run at. */
export function authRowSaid(error: ApiError): Message {
  return msg("api.run.authRow", { why: error.detailSaid ?? error.said });
}

/** Which credential to check, from the server's reason when it names one. */
function credentialHint(reason: string, clientId: string): Message {
  const text = reason.toLowerCase();
  if (text.includes("clock") || text.includes("timestamp")) return msg("api.hint.clock");
  if (text.includes("client")) return msg("api.hint.clientId", { clientId });
  if (text.includes("signature")) return msg("api.hint.secret", { clientId });
  return msg("api.hint.credentials", { clientId });
}
