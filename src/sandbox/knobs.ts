// The sandbox's live misbehaviour knobs, checked so a bad CLI value fails loudly instead of misbehaving.
import { ToolError } from "../errors.js";
import type { ScriptedFault } from "./faults.js";
import type { PagingMode } from "./routes.js";

export interface Knobs {
  failRate: number;
  latencyMs: number;
  /** undefined or 0: no limit */
  rateLimit: number | undefined;
  paging: PagingMode;
  pageSizeMax: number;
  /** faults played on cue, in order, each taken by the next request of its method */
  scripted: ScriptedFault[];
  /** codes the listing shows but GET does not find and a create calls taken (see contradict.ts) */
  phantomCodes: string[];
}

/** The knobs setFaults() takes; any left out keep their value. */
export type SandboxKnobs = Partial<Knobs>;

const PAGING_MODES: readonly PagingMode[] = ["meta", "short", "ignore"];
const SCRIPTED_METHODS: readonly ScriptedFault["method"][] = ["GET", "POST", "PUT", "DELETE"];

/** Only the knobs that are set, each checked; throws ToolError E_USAGE on a bad value. */
export function checkedKnobs(next: SandboxKnobs): Partial<Knobs> {
  const out: Partial<Knobs> = {};
  const { failRate, latencyMs, rateLimit, paging, pageSizeMax, scripted, phantomCodes } = next;
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
  if (scripted !== undefined) {
    const wrong = scripted.find((fault) => !SCRIPTED_METHODS.includes(fault.method) || fault.kind !== "gateway-after-apply" || ![undefined, 502, 503, 504].includes(fault.status));
    if (wrong) throw bad(`a scripted fault needs a method (${SCRIPTED_METHODS.join(", ")}), kind gateway-after-apply and status 502, 503 or 504, not ${JSON.stringify(wrong)}`);
    out.scripted = scripted.map((fault) => ({ ...fault }));
  }
  if (phantomCodes !== undefined) out.phantomCodes = [...phantomCodes];
  return out;
}

