// Finan's request authentication as the sandbox checks it: client id, timestamp window, signature.
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { type HttpMethod, signRequest } from "../api/sign.js";

/** The server accepts an x-timestamp only this many seconds either side of its own clock. */
export const TIMESTAMP_WINDOW_SECONDS = 30;

export interface Credentials {
  clientId: string;
  secretKey: string;
}

export interface SignedRequest {
  method: string;
  /** the path after `/open`, with its query string exactly as sent */
  pathWithQuery: string;
  /** the body exactly as received, decoded as UTF-8 ("" when there is none) */
  rawBody: string;
  headers: IncomingHttpHeaders;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Returns why the request is not authenticated (for message.error), or undefined when it is. */
export function authFailure(request: SignedRequest, credentials: Credentials, nowMs: number): string | undefined {
  const clientId = header(request.headers, "x-client-id");
  const timestamp = header(request.headers, "x-timestamp");
  const signature = header(request.headers, "x-signature");
  if (!clientId) return "missing x-client-id header";
  if (!timestamp) return "missing x-timestamp header";
  if (!signature) return "missing x-signature header";
  if (!sameText(clientId, credentials.clientId)) return "unknown client id";
  if (!/^\d{1,12}$/.test(timestamp)) return "x-timestamp must be unix time in seconds";
  const seconds = Number(timestamp);
  const skew = seconds - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > TIMESTAMP_WINDOW_SECONDS) {
    return `timestamp is stale: x-timestamp is ${skew} s from server time (allowed ±${TIMESTAMP_WINDOW_SECONDS} s)`;
  }
  // The method is only concatenated into the digest, so an unusual verb signs like any other.
  const expected = signRequest(credentials.secretKey, request.method as HttpMethod, request.pathWithQuery, request.rawBody, seconds);
  if (!sameText(signature, expected)) return "invalid signature";
  return undefined;
}
