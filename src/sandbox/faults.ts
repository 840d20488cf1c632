// The sandbox's misbehaviour knobs: random faults and a sliding-window rate limit.
import { performance } from "node:perf_hooks";

/**
 * - `error-500`: HTTP 500 with a JSON envelope (code 105000), nothing applied
 * - `error-503`: HTTP 503 with an HTML body, as a gateway in front of the API would send
 * - `drop-before`: the connection is destroyed without an answer, nothing applied
 * - `drop-after-apply`: (writes only) the write is applied, then the connection is destroyed
 */
export type FaultKind = "error-500" | "error-503" | "drop-before" | "drop-after-apply";

const READ_FAULTS: readonly FaultKind[] = ["error-500", "error-503", "drop-before"];
const WRITE_FAULTS: readonly FaultKind[] = [...READ_FAULTS, "drop-after-apply"];

/**
 * A fault played on cue, for tests that need one exact shape: the next `times` (default 1)
 * requests of `method` meet it. `gateway-after-apply`: the request reaches the API and is applied,
 * then a gateway's HTML error page (`status`, default 504) answers instead of the API's envelope,
 * as a proxy in front of a slow backend does.
 */
export interface ScriptedFault {
  method: "GET" | "POST" | "PUT" | "DELETE";
  kind: "gateway-after-apply";
  status?: 502 | 503 | 504;
  times?: number;
}

/** Takes the first scripted fault that fits this request off the queue (counting down its `times`). */
export function takeScripted(queue: ScriptedFault[], method: string): ScriptedFault | undefined {
  const at = queue.findIndex((fault) => fault.method === method);
  const fault = queue[at];
  if (fault === undefined) return undefined;
  const left = (fault.times ?? 1) - 1;
  if (left <= 0) queue.splice(at, 1);
  else queue[at] = { ...fault, times: left };
  return fault;
}

/**
 * A server that contradicts itself about `codes`: its listing shows each of them (with an id of
 * its own), GET, PUT and DELETE of that id answer 404, and a create of that code answers 104100.
 */
export const phantomId = (code: string): string => `phantom-${code}`;

/** With probability failRate picks one fault for a request, uniformly among those that fit it. */
export function pickFault(random: () => number, failRate: number, isWrite: boolean): FaultKind | undefined {
  if (failRate <= 0 || random() >= failRate) return undefined;
  const kinds = isWrite ? WRITE_FAULTS : READ_FAULTS;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))];
}

/** A small deterministic PRNG (mulberry32) so a fault sequence can be replayed from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Never more than `limit` admitted requests within any one second; refused ones do not count. */
export class SlidingWindowLimiter {
  private readonly admitted: number[] = [];

  // A monotonic clock, so a test's fake wall clock cannot freeze or skip the window.
  constructor(private readonly now: () => number = () => performance.now()) {}

  tryAcquire(limit: number | undefined): boolean {
    if (limit === undefined || limit <= 0) return true;
    const now = this.now();
    while (this.admitted.length > 0 && (this.admitted[0] ?? 0) <= now - 1000) this.admitted.shift();
    if (this.admitted.length >= limit) return false;
    this.admitted.push(now);
    return true;
  }
}
