// The Customers endpoints on the sandbox store: pure functions from a request to a Reply.
import type { CustomerPayload } from "../customers/types.js";
import {
  CODE_CREATED,
  CODE_DUPLICATE,
  CODE_INVALID,
  CODE_NOT_FOUND,
  CODE_OK,
  fail,
  type Reply,
} from "./envelope.js";
import type { SandboxStore, StoredCustomer } from "./store.js";
import { validateCustomerBody } from "./validate.js";

/** How the list answers paging: with `meta`, short pages without `meta`, or the whole list. */
export type PagingMode = "meta" | "short" | "ignore";

export interface RouteContext {
  store: SandboxStore;
  nowIso: () => string;
  paging: PagingMode;
  pageSizeMax: number;
  /** fields beyond those the tool maps that the server keeps (see validateCustomerBody) */
  extraFields?: readonly string[];
}

export interface RouteRequest {
  method: string;
  /** the path after `/open`, with its query string */
  pathWithQuery: string;
  rawBody: string;
}

const DEFAULT_PAGE_SIZE = 20;
/** The list (GET) and create (POST) path; contradict.ts answers on it too. */
export const COLLECTION = "/api/v1/customers";
const ITEM = /^\/api\/v1\/customers\/([^/]+)$/;

function summary(record: StoredCustomer): unknown {
  const { name, customer_code, type } = record.general_info;
  return { customer_id: record.customer_id, general_info: { name, customer_code, type }, created_at: record.created_at };
}

function parsePayload(rawBody: string, extraFields: readonly string[] | undefined): { ok: true; value: CustomerPayload } | { ok: false; reply: Reply } {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reply: fail(400, CODE_INVALID, `body is not valid JSON: ${reason}`) };
  }
  const result = validateCustomerBody(body, extraFields);
  return result.ok ? result : { ok: false, reply: fail(400, CODE_INVALID, result.errors.join(", ")) };
}

/** The refusal of a create or replace whose customer_code another customer holds. */
export function duplicate(customerCode: string): Reply {
  return fail(400, CODE_DUPLICATE, `customer_code already exists: ${customerCode}`);
}

/** A page or page_size parameter: absent → fallback, not a positive integer → undefined. */
export function positiveInteger(value: string | null, fallback: number): number | undefined {
  if (value === null) return fallback;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

function list(query: URLSearchParams, ctx: RouteContext): Reply {
  const { store } = ctx;
  if (ctx.paging === "ignore") return { status: 200, code: CODE_OK, data: store.list().map(summary) };
  const page = positiveInteger(query.get("page"), 1);
  const requestedSize = positiveInteger(query.get("page_size"), DEFAULT_PAGE_SIZE);
  if (page === undefined) return fail(400, CODE_INVALID, "page must be a positive integer");
  if (requestedSize === undefined) return fail(400, CODE_INVALID, "page_size must be a positive integer");
  // Real servers cap page_size without saying so; clients must not read a short page as the end.
  const pageSize = Math.min(requestedSize, ctx.pageSizeMax);
  const data = store.slice((page - 1) * pageSize, pageSize).map(summary);
  if (ctx.paging === "short") return { status: 200, code: CODE_OK, data };
  const total = store.count();
  return { status: 200, code: CODE_OK, data, meta: { total, pages: Math.ceil(total / pageSize), page, page_size: pageSize } };
}

function create(rawBody: string, ctx: RouteContext): Reply {
  const parsed = parsePayload(rawBody, ctx.extraFields);
  if (!parsed.ok) return parsed.reply;
  const code = parsed.value.general_info.customer_code;
  if (ctx.store.byCode(code)) return duplicate(code);
  const { updated_at: _omitted, ...created } = ctx.store.insert(parsed.value, ctx.nowIso());
  return { status: 200, code: CODE_CREATED, data: created };
}

function replace(id: string, rawBody: string, ctx: RouteContext): Reply {
  if (!ctx.store.get(id)) return fail(404, CODE_NOT_FOUND, `customer not found: ${id}`);
  const parsed = parsePayload(rawBody, ctx.extraFields);
  if (!parsed.ok) return parsed.reply;
  const holder = ctx.store.byCode(parsed.value.general_info.customer_code);
  if (holder && holder.customer_id !== id) return duplicate(parsed.value.general_info.customer_code);
  const record = ctx.store.replace(id, parsed.value, ctx.nowIso());
  return {
    status: 200,
    code: CODE_OK,
    data: { customer_id: record.customer_id, general_info: record.general_info, updated_at: record.updated_at },
  };
}

function remove(id: string, ctx: RouteContext): Reply {
  if (!ctx.store.get(id)) return fail(404, CODE_NOT_FOUND, `customer not found: ${id}`);
  // Finan documents the refusal but not its code: the sandbox answers 400 104000, nothing deleted.
  if (ctx.store.hasUnpaidInvoices(id)) return fail(400, CODE_INVALID, "customer has unpaid invoices or active contracts");
  if (ctx.store.hasActiveContracts(id)) return fail(400, CODE_INVALID, "customer has active contracts");
  ctx.store.delete(id);
  return { status: 200, code: CODE_CREATED, data: "success" };
}

/** A request's path and its query parameters. */
export function splitPath(pathWithQuery: string): { path: string; query: URLSearchParams } {
  const queryAt = pathWithQuery.indexOf("?");
  if (queryAt < 0) return { path: pathWithQuery, query: new URLSearchParams() };
  return { path: pathWithQuery.slice(0, queryAt), query: new URLSearchParams(pathWithQuery.slice(queryAt + 1)) };
}

/** Dispatches one authenticated request; an unknown route or method is 404 104004. */
export function route(request: RouteRequest, ctx: RouteContext): Reply {
  const { path, query } = splitPath(request.pathWithQuery);
  if (path === COLLECTION) {
    if (request.method === "GET") return list(query, ctx);
    if (request.method === "POST") return create(request.rawBody, ctx);
  }
  const match = ITEM.exec(path);
  const id = match?.[1] === undefined ? undefined : safeDecode(match[1]);
  if (id !== undefined) {
    const record = ctx.store.get(id);
    if (request.method === "GET") {
      return record ? { status: 200, code: CODE_OK, data: record } : fail(404, CODE_NOT_FOUND, `customer not found: ${id}`);
    }
    if (request.method === "PUT") return replace(id, request.rawBody, ctx);
    if (request.method === "DELETE") return remove(id, ctx);
  }
  return fail(404, CODE_NOT_FOUND, `no route ${request.method} ${path}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
