// The sandbox's live misbehaviour knobs, checked so a bad CLI value fails loudly instead of misbehaving.
import { ToolError } from "../errors.js";
import type { PagingMode } from "./routes.js";

export interface Knobs {
  failRate: number;
  latencyMs: number;
  /** undefined or 0: no limit */
  rateLimit: number | undefined;
  paging: PagingMode;
  pageSizeMax: number;
}

/** The knobs setFaults() takes; any left out keep their value. */
export type SandboxKnobs = Partial<Knobs>;

const PAGING_MODES: readonly PagingMode[] = ["meta", "short", "ignore"];

/** Only the knobs that are set, each checked; throws ToolError E_USAGE on a bad value. */
export function checkedKnobs(next: SandboxKnobs): Partial<Knobs> {
  const out: Partial<Knobs> = {};
  const { failRate, latencyMs, rateLimit, paging, pageSizeMax } = next;
  const bad = (what: string): ToolError => new ToolError("E_USAGE", `Sandbox: ${what}.`);
  if (failRate !== undefined) {
    if (!(failRate >= 0 && failRate <= 1)) throw bad(`fail rate must be between 0 and 1, not ${failRate}`);
    out.failRate = failRate;
  }
  if (latencyMs !== undefined) {
    if (!(latencyMs >= 0)) throw bad(`latency must be 0 ms or more, not ${latencyMs}`);
    out.latencyMs = latencyMs;
  }
  if (rateLimit !== undefined) {
    if (!(rateLimit >= 0)) throw bad(`rate limit must be 0 (none) or more requests per second, not ${rateLimit}`);
    out.rateLimit = rateLimit;
  }
  if (paging !== undefined) {
    if (!PAGING_MODES.includes(paging)) throw bad(`paging must be one of ${PAGING_MODES.join(", ")}, not ${String(paging)}`);
    out.paging = paging;
  }
  if (pageSizeMax !== undefined) {
    if (!(Number.isInteger(pageSizeMax) && pageSizeMax >= 1)) throw bad(`page size max must be a whole number of 1 or more, not ${pageSizeMax}`);
    out.pageSizeMax = pageSizeMax;
  }
  return out;
}

