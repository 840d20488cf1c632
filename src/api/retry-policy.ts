// When a failed request is sent again, and after how long: a pure decision (as got's calculate-retry-delay).
import type { ApiError } from "./api-error.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

export interface RetryPolicy {
  /** attempts after the first, for retryable failures */
  retries: number;
  /** a Retry-After longer than this fails the request instead of waiting */
  maxWaitMs: number;
  /** the first backoff's ceiling, doubled on each attempt up to `maxBackoffMs` */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** a number in [0, 1): the full jitter of the backoff */
  random: () => number;
}

export interface RetryFailure {
  error: ApiError;
  /** GET, PUT and DELETE may be repeated after an unknown outcome; a POST may not */
  idempotent: boolean;
}

/** `give-up` carries the reason to show, when it says more than the error itself. */
export type RetryDecision = { action: "give-up"; reason?: Message } | { action: "wait"; delayMs: number };

export const DEFAULT_BACKOFF = { baseBackoffMs: 250, maxBackoffMs: 20_000 } as const;

/** Whether a failure may be sent again, and after how long; `attempt` is the one that just failed (1 = the first). */
export function decideRetry(failure: RetryFailure, attempt: number, policy: RetryPolicy): RetryDecision {
  const { error, idempotent } = failure;
  const retryable = error.kind === "retryable" || (error.kind === "outcome-unknown" && idempotent);
  if (!retryable) return { action: "give-up" };
  if (refusesWait(error, policy)) {
    const askedS = Math.ceil((error.retryAfterMs ?? 0) / 1000);
    return { action: "give-up", reason: msg("api.gaveUp.maxWait", { error: error.said, asked: String(askedS), max: String(Math.round(policy.maxWaitMs / 1000)) }) };
  }
  if (attempt > policy.retries) return { action: "give-up", reason: msg("api.gaveUp.attempts", { error: error.said, count: attempt }) };
  const backoff = policy.random() * Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (attempt - 1));
  return { action: "wait", delayMs: Math.max(backoff, error.retryAfterMs ?? 0) };
}

/** A Retry-After past --max-wait: that request fails alone, and neither pauses nor slows the others. */
function refusesWait(error: ApiError, policy: Pick<RetryPolicy, "maxWaitMs">): boolean {
  return error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxWaitMs;
}

/** A 429 the run should slow down for (one whose wait it accepts). */
export function slowsThePace(error: ApiError, policy: Pick<RetryPolicy, "maxWaitMs">): boolean {
  return error.status === 429 && !refusesWait(error, policy);
}
