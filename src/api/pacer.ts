// Requests under one pace: rate, requests in flight and retries, composed from rate-window and retry-policy.
import pLimit from "p-limit";
import { ApiError } from "./api-error.js";
import { msg } from "../i18n/text.js";
import { RoundTrip, inFlightFor } from "./in-flight.js";
import { describePace } from "./pace-report.js";
import type { PaceReport, StartCauses } from "./pace-report.js";
import { RateWindow } from "./rate-window.js";
import type { WindowEntry } from "./rate-window.js";
import { DEFAULT_BACKOFF, decideRetry, slowsThePace } from "./retry-policy.js";
import type { RetryPolicy } from "./retry-policy.js";

export interface PacerOptions {
  /** ceiling on request starts per second, across the whole run (GETs included); 0 = none */
  ratePerSecond: number;
  /** requests in flight at once: a hard cap (--concurrency), or the most when adaptive */
  concurrency: number;
  /** in flight follows the rate × the observed round trip, up to `concurrency` (no --concurrency given) */
  adaptiveConcurrency?: boolean;
  /** attempts after the first, for retryable failures */
  retries: number;
  /** a Retry-After longer than this fails the request instead of waiting */
  maxWaitMs: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** monotonic milliseconds; injected with `setTimer` to run on virtual time */
  clock?: () => number;
  setTimer?: SetTimer;
  random?: () => number;
  /** called before each retry, for progress output */
  onRetry?: (event: RetryEvent) => void;
  /** aborting stops new attempts (they fail with the signal's reason); attempts in flight finish */
  signal?: AbortSignal;
}

export interface RetryEvent {
  attempt: number;
  delayMs: number;
  error: ApiError;
}

export interface PacedResult<T> {
  value: T;
  attempts: number;
}

export interface RunOptions {
  /** GET, PUT and DELETE may be repeated after an unknown outcome; a POST may not */
  idempotent: boolean;
}

export type Pacer = ReturnType<typeof createPacer>;

/** Starts a timer that calls `fire` after `ms`; returns what cancels it. Injected for virtual time in tests. */
export type SetTimer = (fire: () => void, ms: number) => () => void;

const realTimer: SetTimer = (fire, ms) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};

/**
 * The one place that owns pacing and retries: the pace of starts (`RateWindow`: at most the rate
 * in any sliding second, spaced evenly, lowered on 429 then recovered), a limit on requests in
 * flight (p-limit), and the retry decisions (`decideRetry`: backoff with full jitter, Retry-After
 * honoured).
 */
export function createPacer(options: PacerOptions) {
  // monotonic: a wall clock set back would stall the pace, set forward would burst it
  const clock = options.clock ?? (() => performance.now());
  const policy: RetryPolicy = {
    retries: options.retries,
    maxWaitMs: options.maxWaitMs,
    baseBackoffMs: options.baseBackoffMs ?? DEFAULT_BACKOFF.baseBackoffMs,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_BACKOFF.maxBackoffMs,
    random: options.random ?? Math.random,
  };
  const cap = Math.max(1, options.concurrency);
  const ceiling = options.ratePerSecond > 0 ? options.ratePerSecond : Number.POSITIVE_INFINITY;
  const adaptive = options.adaptiveConcurrency ?? false;
  const limit = pLimit(adaptive ? inFlightFor(ceiling, 0, cap) : cap);
  const sleep = createSleeper(options.signal, options.setTimer ?? realTimer);
  const pace = new RateWindow(options.ratePerSecond);
  const roundTrip = new RoundTrip();
  const causes: StartCauses = { rate: 0, throttled: 0, slots: 0, free: 0 };
  let firstStart: number | undefined;
  let lastStart = 0;

  function tryStart(): WindowEntry | number {
    // a request not started because the run stopped fails with the signal's own reason
    options.signal?.throwIfAborted();
    const now = clock();
    const entry = pace.tryStart(now);
    if (typeof entry !== "number") {
      firstStart ??= now;
      lastStart = now;
    }
    return entry;
  }

  /** A round trip seen: with no --concurrency, in flight follows rate × round trip (Little's law). */
  function answered(entry: WindowEntry, served: boolean): void {
    const now = clock();
    pace.answered(entry, now, served);
    roundTrip.observe(now - entry.start);
    const target = adaptive ? inFlightFor(ceiling, roundTrip.ms ?? 0, cap) : cap;
    if (target !== limit.concurrency) limit.concurrency = target;
  }

  async function attemptLoop<T>(task: (attempt: number) => Promise<T>, runOptions: RunOptions, queued: boolean): Promise<PacedResult<T>> {
    for (let attempt = 1; ; attempt += 1) {
      // A start the pace allows now takes no timer and no await (an unpaced run never waits).
      let entry = tryStart();
      let heldBy: keyof StartCauses = queued ? "slots" : "free";
      while (typeof entry === "number") {
        heldBy = pace.isThrottled(clock()) ? "throttled" : "rate";
        await sleep(entry);
        entry = tryStart();
      }
      if (attempt === 1) causes[heldBy] += 1;
      try {
        const value = await task(attempt);
        answered(entry, true);
        return { value, attempts: attempt };
      } catch (error) {
        answered(entry, false);
        if (!(error instanceof ApiError)) throw error;
        if (slowsThePace(error, policy)) pace.throttled(clock(), error.retryAfterMs);
        const decision = decideRetry({ error, idempotent: runOptions.idempotent }, attempt, policy);
        if (decision.action === "give-up") throw error.gaveUp(attempt, decision.reason);
        options.onRetry?.({ attempt, delayMs: decision.delayMs, error });
        try {
          await sleep(decision.delayMs);
        } catch {
          throw error.gaveUp(attempt, msg("api.gaveUp.interrupted", { error: error.said }));
        }
      }
    }
  }

  return {
    /** Run one request (a function that makes one attempt) under the pace, retrying as allowed. */
    run<T>(task: (attempt: number) => Promise<T>, runOptions: RunOptions): Promise<PacedResult<T>> {
      // a request that finds every slot taken was held by the in-flight limit
      const queued = limit.activeCount >= limit.concurrency;
      return limit(() => attemptLoop(task, runOptions, queued));
    },
    get requestsStarted() {
      return pace.started;
    },
    get currentRate() {
      return pace.currentRate;
    },
    get pending() {
      return limit.pendingCount + limit.activeCount;
    },
    /** What bounded the run's requests and the flag that would help; undefined for a short run. */
    get pace(): PaceReport | undefined {
      const seconds = firstStart === undefined ? 0 : (lastStart - firstStart) / 1000;
      return describePace({
        causes: { ...causes },
        requestsPerSecond: seconds > 0 ? (pace.started - 1) / seconds : 0,
        ratePerSecond: options.ratePerSecond,
        currentRate: pace.currentRate,
        roundTripMs: roundTrip.ms,
        inFlightLimit: limit.concurrency,
        concurrency: adaptive ? undefined : cap,
      });
    },
  };
}

/**
 * Timers that an abort cuts short. One listener on the signal for all of them: a listener per
 * waiting request would pass Node's limit of 10 at --concurrency 16 and print a warning.
 */
function createSleeper(signal: AbortSignal | undefined, setTimer: SetTimer) {
  const waiting = new Map<() => void, (reason: unknown) => void>();
  signal?.addEventListener("abort", () => {
    for (const [cancel, reject] of waiting) {
      cancel();
      reject(signal.reason);
    }
    waiting.clear();
  }, { once: true });
  return (ms: number): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const cancel = setTimer(() => {
        waiting.delete(cancel);
        resolve();
      }, ms);
      waiting.set(cancel, reject);
    });
  };
}
