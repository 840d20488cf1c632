// Finan's request signature and the headers that carry it.
import { createHash } from "node:crypto";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Finan's request signature: lowercase hex SHA-256 (a plain digest, not an HMAC) of
 * `{secret}_{METHOD}_{path}_{payload}_{timestamp}`; path is after `/open`, with its query string.
 */
export function signRequest(
  secretKey: string,
  method: HttpMethod,
  pathWithQuery: string,
  payload: string,
  timestampSeconds: number,
): string {
  return createHash("sha256")
    .update(`${secretKey}_${method}_${pathWithQuery}_${payload}_${timestampSeconds}`, "utf8")
    .digest("hex");
}
