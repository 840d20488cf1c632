// The sandbox's live misbehaviour knobs, checked so a bad CLI value fails loudly instead of misbehaving.
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
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
  const bad = (what: Message): ToolError => new ToolError("E_USAGE", what);
  if (failRate !== undefined) {
    if (!(failRate >= 0 && failRate <= 1)) throw bad(msg("sandbox.knob.failRate", { value: String(failRate) }));
    out.failRate = failRate;
  }
  if (latencyMs !== undefined) {
    if (!(latencyMs >= 0)) throw bad(msg("sandbox.knob.latency", { value: String(latencyMs) }));
    out.latencyMs = latencyMs;
  }
  if (rateLimit !== undefined) {
    if (!(rateLimit >= 0)) throw bad(msg("sandbox.knob.rateLimit", { value: String(rateLimit) }));
    out.rateLimit = rateLimit;
  }
  if (paging !== undefined) {
    if (!PAGING_MODES.includes(paging)) throw bad(msg("sandbox.knob.paging", { modes: PAGING_MODES.join(", "), value: String(paging) }));
    out.paging = paging;
  }
  if (pageSizeMax !== undefined) {
    if (!(Number.isInteger(pageSizeMax) && pageSizeMax >= 1)) throw bad(msg("sandbox.knob.pageSizeMax", { value: String(pageSizeMax) }));
    out.pageSizeMax = pageSizeMax;
  }
  if (scripted !== undefined) {
    const wrong = scripted.find((fault) => !SCRIPTED_METHODS.includes(fault.method) || fault.kind !== "gateway-after-apply" || ![undefined, 502, 503, 504].includes(fault.status));
    if (wrong) throw bad(msg("sandbox.knob.scripted", { methods: SCRIPTED_METHODS.join(", "), value: JSON.stringify(wrong) }));
    out.scripted = scripted.map((fault) => ({ ...fault }));
  }
  if (phantomCodes !== undefined) out.phantomCodes = [...phantomCodes];
  return out;
}

