// The one API error shape (method, path, HTTP status, API code, request_id) and the kinds that decide a retry.
import type { HttpMethod } from "./sign.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/**
 * How a failed request may be handled:
 * - `retryable`: nothing was applied (429, 5xx answered, connection refused): send again later;
 * - `rejected`: the server refused this request (4xx): sending it again gives the same answer;
 * - `auth`: 401: the credentials or the clock are wrong; the whole run must stop;
 * - `outcome-unknown`: the request may have been applied (timeout or reset after sending).
 */
export type FailureKind = "retryable" | "rejected" | "auth" | "outcome-unknown";

export interface ApiErrorDetails {
  method: HttpMethod;
  path: string;
  kind: FailureKind;
  status?: number;
  apiCode?: number;
  requestId?: string;
  /** `message.error` of the envelope, or the transport error's description */
  detail?: string;
  /** `detail` as a catalogue message when it is our own wording; absent, `detail` is the server's text, quoted */
  detailSaid?: Message;
  /** milliseconds the server asked us to wait (Retry-After) */
  retryAfterMs?: number;
  cause?: unknown;
}

/** One error shape for every API failure: `[PUT] /api/v1/customers/…: 400 104000 email must email`. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly method: HttpMethod;
  readonly path: string;
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly apiCode: number | undefined;
  readonly requestId: string | undefined;
  readonly detail: string | undefined;
  /** the detail in the run's language: our wording, or the server's own text quoted as a value */
  readonly detailSaid: Message | undefined;
  /** the whole message, in any language (`message` is its English) */
  said: Message;
  readonly retryAfterMs: number | undefined;
  /** attempts made (retries included), set by the pacer when it gives up on this error */
  attempts: number | undefined;

  constructor(details: ApiErrorDetails) {
    const detailSaid = details.detailSaid ?? (details.detail === undefined || details.detail === "" ? undefined : msg("api.serverSaid", { text: details.detail }));
    const said = failureMessage(details, detailSaid);
    super(render("en", said), details.cause === undefined ? undefined : { cause: details.cause });
    this.said = said;
    this.detailSaid = detailSaid;
    this.method = details.method;
    this.path = details.path;
    this.kind = details.kind;
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.requestId = details.requestId;
    this.detail = details.detail;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** The pacer gives up: how many attempts were made, and the message that says why it stopped retrying. */
  gaveUp(attempts: number, message?: Message): this {
    this.attempts = attempts;
    if (message !== undefined) {
      this.said = message;
      this.message = render("en", message);
    }
    return this;
  }
}

/** `[PUT] /api/v1/customers/…: 400 104000 email must email`, and its Vietnamese. */
function failureMessage(details: ApiErrorDetails, detail: Message | undefined): Message {
  const { method, path } = details;
  // ids and codes are not numbers to group: 104000, not 104,000
  const status = details.status === undefined ? undefined : String(details.status);
  const code = details.apiCode === undefined ? undefined : String(details.apiCode);
  const answer = status !== undefined && code !== undefined
    ? msg("api.answer.statusCode", { status, code })
    : status !== undefined
      ? msg("api.answer.status", { status })
      : code !== undefined
        ? msg("api.answer.code", { code })
        : undefined;
  if (answer && detail) return msg("api.failed.answerDetail", { method, path, answer, detail });
  if (answer) return msg("api.failed.answer", { method, path, answer });
  return msg("api.failed.detail", { method, path, detail: detail ?? "" });
}

/** API business codes seen on this API (API.md "Responses"). */
export const API_CODE = {
  ok: 102000,
  created: 102001,
  invalid: 104000,
  unauthorized: 104001,
  notFound: 104004,
  duplicate: 104100,
  systemError: 105000,
} as const;

/** Retry-After as seconds or an HTTP date, in milliseconds from `nowMs`; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
