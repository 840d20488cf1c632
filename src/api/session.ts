import { createClient } from "./client.js";
import type { ApiResponse, FinanClient } from "./client.js";
import type { ApiError } from "./api-error.js";
import { PacedFailure, createPacer } from "./pacer.js";
import type { Pacer, PacerOptions } from "./pacer.js";
import type { Connection } from "../config.js";
import { ToolError } from "../errors.js";

/** How a run paces its requests (flags --rate, --concurrency, --retries, --max-wait). */
export type Pacing = Omit<PacerOptions, "signal">;

export interface ApiSession {
  client: FinanClient;
  pacer: Pacer;
  close(): Promise<void>;
}

/** A client with one keep-alive connection per request in flight, and the run's one pacer. */
export function openSession(connection: Connection, pacing: Pacing, signal: AbortSignal): ApiSession {
  const client = createClient({ ...connection, connections: pacing.concurrency, headersTimeoutMs: connection.timeoutMs, bodyTimeoutMs: connection.timeoutMs });
  const pacer = createPacer({ ...pacing, signal });
  return { client, pacer, close: () => client.close() };
}

/** 401: the credentials (or the clock) are wrong, so every further request would fail too. */
export class AuthRejected extends Error {
  override readonly name = "AuthRejected";
  constructor(readonly error: ApiError) {
    super(error.detail ?? error.message, { cause: error });
  }
}

/**
 * One row's requests through the pacer, counting that row's attempts (retries included) and
 * turning a 401 into AuthRejected, which stops the run.
 */
export function rowRequests(pacer: Pacer) {
  let attempts = 0;
  let last: ApiResponse<unknown> | undefined;
  return {
    get attempts() {
      return attempts;
    },
    /** the last answer received, for the report's http_status, api_code and request_id */
    get last() {
      return last;
    },
    async send<T>(task: () => Promise<ApiResponse<T>>, idempotent: boolean): Promise<ApiResponse<T>> {
      try {
        const result = await pacer.run(task, { idempotent });
        attempts += result.attempts;
        last = result.value;
        return result.value;
      } catch (error) {
        if (error instanceof PacedFailure) {
          attempts += error.attempts;
          if (error.error.kind === "auth") throw new AuthRejected(error.error);
        }
        throw error;
      }
    },
  };
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
