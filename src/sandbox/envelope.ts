// Finan's response envelope and the sandbox's answer codes.
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

export const CODE_OK = 102000;
export const CODE_CREATED = 102001;
export const CODE_INVALID = 104000;
export const CODE_UNAUTHENTICATED = 104001;
export const CODE_NOT_FOUND = 104004;
/** Not published by Finan: the sandbox's guess for a rate-limited request (HTTP 429). */
export const CODE_RATE_LIMITED = 104029;
export const CODE_DUPLICATE = 104100;
export const CODE_SYSTEM = 105000;

// Display text only: clients branch on status and code, never on this.
const CONTENT: Record<number, string> = {
  [CODE_OK]: "Thực thi API thành công",
  [CODE_CREATED]: "Thực thi API thành công",
  [CODE_INVALID]: "Dữ liệu không hợp lệ",
  [CODE_UNAUTHENTICATED]: "Xác thực không thành công",
  [CODE_NOT_FOUND]: "Không tìm thấy dữ liệu",
  [CODE_RATE_LIMITED]: "Quá nhiều yêu cầu, vui lòng thử lại sau",
  [CODE_DUPLICATE]: "Dữ liệu đã tồn tại",
  [CODE_SYSTEM]: "Lỗi hệ thống, vui lòng thử lại sau",
};

export interface PageMeta {
  total: number;
  pages: number;
  page: number;
  page_size: number;
}

/** What a route answers, before it is put into the envelope. */
export interface Reply {
  status: number;
  code: number;
  data?: unknown;
  error?: string;
  meta?: PageMeta;
  headers?: Record<string, string>;
}

export function fail(status: number, code: number, error?: string): Reply {
  return error === undefined ? { status, code, data: null } : { status, code, data: null, error };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const message: { content: string; error?: string } = { content: CONTENT[reply.code] ?? "Lỗi không xác định" };
  if (reply.error !== undefined) message.error = reply.error;
  const envelope: Record<string, unknown> = {
    message,
    code: reply.code,
    request_id: randomBytes(16).toString("hex"),
    data: reply.data ?? null,
  };
  if (reply.meta) envelope["meta"] = reply.meta;
  const body = JSON.stringify(envelope);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
}

const GATEWAY_TITLES: Record<number, string> = { 502: "502 Bad Gateway", 503: "503 Service Temporarily Unavailable", 504: "504 Gateway Time-out" };

/** A gateway's error page: HTML, not JSON, as a load balancer in front of the API would send. */
export function sendGatewayPage(res: ServerResponse, status: 502 | 503 | 504 = 503): void {
  const title = GATEWAY_TITLES[status] ?? `${status}`;
  const body = `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`;
  res.writeHead(status, { "content-type": "text/html", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
