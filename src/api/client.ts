// The Finan One Customers API over undici: signed requests, bounded answers, every failure an ApiError.
import { Pool, errors as undiciErrors } from "undici";
import type { Dispatcher } from "undici";
import { z } from "zod";
import type { CustomerPayload, CustomerRecord } from "../customers/types.js";
import { ApiError, parseRetryAfter } from "./api-error.js";
import { BodyTooLarge, LIST_PAGE_LIMIT, RECORD_LIMIT, readBodyText } from "./body.js";
import type { BodyLimit } from "./body.js";
import { parseJson } from "./json.js";
import { readListEntries } from "./list-entries.js";
import type { ListedCustomer } from "./list-entries.js";
import type { FailureKind } from "./api-error.js";
import { signRequest } from "./sign.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { HttpMethod } from "./sign.js";

export interface ClientOptions {
  /** e.g. https://api.finan.one/open: the signed path is what follows this URL's path */
  baseUrl: string;
  clientId: string;
  secretKey: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** the whole request, from sending to the last byte of the answer (--timeout); default 90 s */
  timeoutMs?: number;
  /** keep-alive connections to hold open (match the run's concurrency) */
  connections?: number;
  /** injectable for tests; default a keep-alive Pool on the base URL's origin */
  dispatcher?: Dispatcher;
  /** milliseconds since the epoch; default Date.now */
  clock?: () => number;
}

export interface ApiResponse<T> {
  status: number;
  apiCode: number | undefined;
  requestId: string | undefined;
  data: T;
}

interface RawResponse extends ApiResponse<unknown> {
  meta: unknown;
}

export interface PageMeta {
  total?: number;
  pages?: number;
  page?: number;
  page_size?: number;
}

export interface CustomerPage {
  customers: ListedCustomer[];
  meta: PageMeta | undefined;
}

const envelopeSchema = z.looseObject({
  code: z.coerce.number().optional(),
  request_id: z.string().optional(),
  message: z.looseObject({ content: z.string().optional(), error: z.unknown().optional() }).optional(),
  data: z.unknown().optional(),
  meta: z.unknown().optional(),
});

const metaSchema = z.looseObject({
  total: z.coerce.number().optional(),
  pages: z.coerce.number().optional(),
  page: z.coerce.number().optional(),
  page_size: z.coerce.number().optional(),
});

const recordSchema = z.looseObject({ customer_id: z.string().min(1) });

/** Transport errors raised before any byte of the request could reach the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

export type FinanClient = ReturnType<typeof createClient>;

/** The Customers API over one keep-alive pool; every call is signed afresh with the current time. */
/** One customer's path, as requested and as named in errors. */
export const customerPath = (customerId: string): string => `/api/v1/customers/${encodeURIComponent(customerId)}`;

export function createClient(options: ClientOptions) {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  const { origin } = base;
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 90_000;
  // A 404 page before any envelope came back means no Finan API lives at the base URL.
  let envelopeSeen = false;
  const dispatcher =
    options.dispatcher ??
    new Pool(base.origin, {
      connections: options.connections ?? 8,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 60_000,
      keepAliveTimeout: 10_000,
    });

  async function call(method: HttpMethod, path: string, body: unknown, limit: BodyLimit): Promise<RawResponse> {
    // Serialise once: the exact string signed is the exact string sent.
    const payload = body === undefined ? "" : JSON.stringify(body);
    const timestamp = Math.floor(clock() / 1000);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
      "x-client-id": options.clientId,
      "x-timestamp": String(timestamp),
      "x-signature": signRequest(options.secretKey, method, path, payload, timestamp),
    };
    let response: Dispatcher.ResponseData | undefined;
    let text: string;
    // undici's timeouts are idle timers: a server trickling a byte a second would hold a request forever.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new RequestDeadline(timeoutMs)), timeoutMs);
    try {
      response = await dispatcher.request({ origin: base.origin, path: prefix + path, method, headers, body: payload === "" ? null : payload, signal: deadline.signal });
      text = await readBodyText(response, limit);
    } catch (error) {
      throw transportError(method, path, deadline.signal.aborted ? deadline.signal.reason : error, response?.statusCode);
    } finally {
      clearTimeout(timer);
    }
    return interpret(method, path, response, text);
  }

  function interpret(method: HttpMethod, path: string, response: Dispatcher.ResponseData, text: string): RawResponse {
    const status = response.statusCode;
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    let envelope: z.infer<typeof envelopeSchema> | undefined;
    try {
      const parsed = envelopeSchema.safeParse(parseJson(text));
      if (parsed.success) envelope = parsed.data;
    } catch {
      envelope = undefined;
    }
    if (envelope) envelopeSeen = true;
    const apiCode = envelope?.code;
    const requestId = envelope?.request_id ?? header("x-request-id");
    const okCode = apiCode === undefined || Math.floor(apiCode / 1000) % 10 === 2;
    if (status >= 200 && status < 300 && envelope && okCode) {
      return { status, apiCode, requestId, data: envelope.data, meta: envelope.meta };
    }
    const base = { method, path, status, apiCode, requestId };
    const detail = describeDetail(envelope, text, status);
    if (status === 401 || status === 403) {
      return fail({ ...base, kind: "auth", ...explainAuth(detail, header("date"), clock()) });
    }
    if (status === 429) {
      return fail({ ...base, kind: "retryable", ...detail, retryAfterMs: parseRetryAfter(header("retry-after"), clock()) });
    }
    if (status >= 300 && status < 400) {
      return fail({ ...base, kind: "rejected", ...said(explainRedirect(header("location"), `${origin}${prefix}${path}`, options.baseUrl)) });
    }
    if (status === 404 && !envelope && !envelopeSeen) {
      return fail({ ...base, kind: "rejected", ...said(explainNoApi(options.baseUrl, detail)) });
    }
    let kind: FailureKind;
    // A gateway's 502/503/504 may come after the backend applied the write: only a GET is safe to call plain.
    if (status >= 500) kind = method === "GET" ? "retryable" : "outcome-unknown";
    else if (status >= 400) kind = "rejected";
    // A 2xx we cannot read: the server may have applied a write.
    else kind = method === "GET" ? "retryable" : "outcome-unknown";
    return fail({ ...base, kind, ...(detail ?? said(msg("api.answer.notEnvelope"))) });
  }

  async function listPage(page: number, pageSize: number): Promise<ApiResponse<CustomerPage>> {
    const path = `/api/v1/customers?page=${page}&page_size=${pageSize}`;
    const response = await call("GET", path, undefined, LIST_PAGE_LIMIT);
    const entries = readListEntries(response.data);
    if (!entries.ok) {
      throw new ApiError({ method: "GET", path, kind: entries.retryable ? "retryable" : "rejected", status: response.status, apiCode: response.apiCode, requestId: response.requestId, ...said(entries.detail) });
    }
    const { customers } = entries;
    const meta = metaSchema.safeParse(response.meta);
    const { status, apiCode, requestId } = response;
    return { status, apiCode, requestId, data: { customers, meta: meta.success ? meta.data : undefined } };
  }

  async function record(method: HttpMethod, path: string, body?: CustomerPayload): Promise<ApiResponse<CustomerRecord>> {
    const response = await call(method, path, body, RECORD_LIMIT);
    const parsed = recordSchema.safeParse(response.data);
    if (!parsed.success) {
      const kind: FailureKind = method === "GET" ? "retryable" : "outcome-unknown";
      throw new ApiError({ method, path, kind, status: response.status, apiCode: response.apiCode, requestId: response.requestId, ...said(msg("api.answer.noCustomerId")) });
    }
    const { status, apiCode, requestId } = response;
    return { status, apiCode, requestId, data: parsed.data as unknown as CustomerRecord };
  }


  return {
    createCustomer: (payload: CustomerPayload) => record("POST", "/api/v1/customers", payload),
    listPage,
    getCustomer: (customerId: string) => record("GET", customerPath(customerId)),
    replaceCustomer: (customerId: string, payload: CustomerPayload) => record("PUT", customerPath(customerId), payload),
    deleteCustomer: async (customerId: string): Promise<ApiResponse<unknown>> => {
      const { status, apiCode, requestId, data } = await call("DELETE", customerPath(customerId), undefined, RECORD_LIMIT);
      return { status, apiCode, requestId, data };
    },
    close: () => (options.dispatcher ? Promise.resolve() : dispatcher.close()),
  };
}

function fail(details: ConstructorParameters<typeof ApiError>[0]): never {
  throw new ApiError(details);
}

/** A detail in English (the error's `detail`) and as a message (`detailSaid`): our words, or the server's quoted. */
interface Detail {
  detail: string;
  detailSaid?: Message;
}

/** Our own wording of a detail, kept in both forms. */
function said(message: Message): Detail {
  return { detail: render("en", message), detailSaid: message };
}

/** The server's reason: its `message.error` or `message.content` as it wrote them (quoted, never translated). */
function describeDetail(envelope: { message?: { content?: string; error?: unknown } | undefined } | undefined, text: string, status: number): Detail | undefined {
  const error = envelope?.message?.error;
  if (typeof error === "string" && error !== "") return { detail: error };
  if (error !== undefined && error !== null) return { detail: JSON.stringify(error) };
  if (envelope?.message?.content) return { detail: envelope.message.content };
  if (envelope === undefined && text.trim() !== "") return said(msg("api.answer.notJson", { status: String(status), preview: text.replace(/\s+/g, " ").trim().slice(0, 80) }));
  return undefined;
}

/** A 401 caused by a wrong clock is common and baffling: say by how much the clock is off. */
function explainAuth(detail: Detail | undefined, serverDate: string | undefined, nowMs: number): Detail {
  const why = detail?.detailSaid ?? (detail ? msg("api.serverSaid", { text: detail.detail }) : msg("api.auth.failed"));
  const serverMs = serverDate ? Date.parse(serverDate) : Number.NaN;
  const skewSeconds = Number.isNaN(serverMs) ? 0 : Math.round((nowMs - serverMs) / 1000);
  if (Math.abs(skewSeconds) <= 10) return detail ?? said(why);
  // the seconds are a measurement, not a count to group: 3600, not 3,600
  return said(msg(skewSeconds < 0 ? "api.auth.clockBehind" : "api.auth.clockAhead", { detail: why, seconds: String(Math.abs(skewSeconds)) }));
}

/** The --timeout for the whole request passed. */
class RequestDeadline extends Error {
  override readonly name = "RequestDeadline";
  readonly said: Message;
  constructor(readonly timeoutMs: number) {
    const said = msg("api.timeout.whole", { seconds: String(timeoutMs / 1000) });
    super(render("en", said));
    this.said = said;
  }
}

/** A redirect is not followed: a signature is valid for one path only, and an https → http hop would leak data. */
function explainRedirect(location: string | undefined, requestUrl: string, baseUrl: string): Message {
  return location ? msg("api.redirect.to", { location: absolute(location, requestUrl).slice(0, 200), baseUrl }) : msg("api.redirect.nowhere", { baseUrl });
}

function absolute(location: string, requestUrl: string): string {
  try {
    return new URL(location, requestUrl).href;
  } catch {
    return location;
  }
}

/** A 404 page before any Finan answer: the base URL points at the wrong server or path. */
function explainNoApi(baseUrl: string, detail: Detail | undefined): Message {
  return detail ? msg("api.noApiPage", { baseUrl, page: detail.detailSaid ?? msg("api.serverSaid", { text: detail.detail }) }) : msg("api.noApi", { baseUrl });
}

function transportError(method: HttpMethod, path: string, error: unknown, status: number | undefined): ApiError {
  if (error instanceof BodyTooLarge) {
    // Asking again brings the same answer; a write may have been applied before it came.
    const kind: FailureKind = method === "GET" ? "rejected" : "outcome-unknown";
    return new ApiError({ method, path, kind, status, ...said(msg("api.body.tooLarge", { reason: error.said })), cause: error });
  }
  const code = (error as { code?: string } | null)?.code;
  const notSent = code !== undefined && NOT_SENT_CODES.has(code);
  const kind: FailureKind = notSent || method === "GET" ? "retryable" : "outcome-unknown";
  const what = error instanceof RequestDeadline
    ? error.said
    : error instanceof undiciErrors.HeadersTimeoutError
    ? msg("api.timeout.headers")
    : error instanceof undiciErrors.BodyTimeoutError
      ? msg("api.timeout.body")
      : code
        ? msg("api.connection.code", { code, text: error instanceof Error ? error.message : String(error) })
        : msg("api.connection.other", { text: error instanceof Error ? error.message : String(error) });
  return new ApiError({ method, path, kind, ...said(what), cause: error });
}
