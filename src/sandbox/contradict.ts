// A server that contradicts itself (a knob for tests): listed codes that GET does not find and a create calls taken.
import { CODE_OK, type Reply } from "./envelope.js";
import { phantomId } from "./faults.js";
import { COLLECTION, duplicate, positiveInteger, splitPath, type RouteRequest } from "./routes.js";

/**
 * The answer of a server that holds `codes` in its listing alone: the first page of the list shows
 * them, GET/PUT/DELETE of their ids are 404 (the store does not have them), and a create of one of
 * them is refused as a duplicate. `store` answers from the store (called at most once).
 */
export function contradict(codes: readonly string[], request: RouteRequest, store: () => Reply): Reply {
  const { path, query } = splitPath(request.pathWithQuery);
  if (codes.length === 0 || path !== COLLECTION) return store();
  if (request.method === "POST") {
    const code = codeOf(request.rawBody);
    return code !== undefined && codes.includes(code) ? duplicate(code) : store();
  }
  const reply = store();
  // page read as the list reads it, so the phantoms stand on the page the list calls the first
  const firstPage = positiveInteger(query.get("page"), 1) === 1;
  if (request.method !== "GET" || reply.code !== CODE_OK || !Array.isArray(reply.data) || !firstPage) return reply;
  const phantoms = codes.map((code) => ({ customer_id: phantomId(code), general_info: { name: `Phantom ${code}`, customer_code: code, type: "personal" } }));
  return { ...reply, data: [...phantoms, ...(reply.data as unknown[])] };
}

function codeOf(rawBody: string): string | undefined {
  try {
    const code: unknown = (JSON.parse(rawBody) as { general_info?: { customer_code?: unknown } }).general_info?.customer_code;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}
