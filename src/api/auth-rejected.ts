// A 401: thrown mid-run as AuthRejected, said at the end as E_AUTH_REJECTED naming the credential to check.
import type { ApiError } from "./api-error.js";
import { ToolError } from "../errors.js";

/** 401: the credentials (or the clock) are wrong, so every further request would fail too. */
export class AuthRejected extends Error {
  override readonly name = "AuthRejected";
  constructor(readonly error: ApiError) {
    super(error.detail ?? error.message, { cause: error });
  }
}

/** A 401 as a whole-run error: what was being done, what it means for the files, which credential to check. */
export function credentialsRejected(error: ApiError, doing: string, consequence: string, clientId: string): ToolError {
  const why = error.detail ?? "authentication failed";
  return new ToolError("E_AUTH_REJECTED", `The server rejected the credentials while ${doing} (HTTP ${error.status ?? 401}: ${why}). ${consequence}`, {
    cause: error,
    hint: credentialHint(why, clientId),
  });
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
