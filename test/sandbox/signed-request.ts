// Test-side client for the sandbox: signs like Finan expects, over real HTTP with undici.
import { request } from "undici";
import { signRequest, type HttpMethod } from "../../src/api/sign.js";
import type { CustomerPayload, GeneralInfo } from "../../src/customers/types.js";
import type { Sandbox } from "../../src/sandbox/server.js";

export interface CallOptions {
  /** a body object is sent as compact JSON; a string is sent exactly as given */
  body?: unknown;
  timestampSeconds?: number;
  secretKey?: string;
  clientId?: string;
  /** sign this body instead of the one sent (to forge a mismatch) */
  signedBody?: string;
  omitHeader?: "x-client-id" | "x-timestamp" | "x-signature";
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** the parsed envelope when the body is JSON */
  json: Envelope | undefined;
}

export interface Envelope {
  message: { content: string; error?: string };
  code: number;
  request_id: string;
  data: unknown;
  meta?: { total: number; pages: number; page: number; page_size: number };
}

/** Sends one signed request to `sandbox.url + path` (path after /open, with its query). */
export async function call(sandbox: Sandbox, method: HttpMethod, path: string, options: CallOptions = {}): Promise<CallResult> {
  const payload = options.body === undefined ? "" : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const signature = signRequest(options.secretKey ?? sandbox.secretKey, method, path, options.signedBody ?? payload, timestamp);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-client-id": options.clientId ?? sandbox.clientId,
    "x-timestamp": String(timestamp),
    "x-signature": signature,
  };
  if (options.omitHeader) delete headers[options.omitHeader];
  const response = await request(`${sandbox.url}${path}`, { method, headers, body: payload === "" ? undefined : payload });
  const text = await response.body.text();
  let json: Envelope | undefined;
  try {
    json = JSON.parse(text) as Envelope;
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** A valid personal customer payload with the given code. */
export function personal(customerCode: string, extra: Partial<GeneralInfo> = {}): CustomerPayload {
  return { general_info: { name: `Khách ${customerCode}`, customer_code: customerCode, type: "personal", ...extra } };
}
