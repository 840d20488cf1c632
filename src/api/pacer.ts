import pLimit from "p-limit";
import { ApiError } from "./api-error.js";

export interface PacerOptions {
  /** ceiling on request starts per second, across the whole run (GETs included); 0 = none */
  ratePerSecond: number;
  /** requests in flight at once */
  concurrency: number;
  /** attempts after the first, for retryable failures */
  retries: number;
  /** a Retry-After longer than this fails the request instead of waiting */
  maxWaitMs: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  clock?: () => number;
  random?: () => number;
  /** called before each retry, for progress output */
  onRetry?: (event: RetryEvent) => void;
  /** aborting stops new attempts; attempts in flight finish */
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

/** What the pacer throws once it gives up: the last API error and how many attempts were made. */
export class PacedFailure extends Error {
  override readonly name = "PacedFailure";
  constructor(
    readonly error: ApiError,
    readonly attempts: number,
    reason?: string,
  ) {
    super(reason ?? error.message, { cause: error });
  }
}

/** Thrown for work not started because the run was interrupted. */
export class Interrupted extends Error {
  override readonly name = "Interrupted";
  constructor() {
    super("interrupted before this request was sent");
  }
}

export interface RunOptions {
  /** GET, PUT and DELETE may be repeated after an unknown outcome; a POST may not */
  idempotent: boolean;
}

export type Pacer = ReturnType<typeof createPacer>;

/**
 * The one place that owns pacing and retries: a ceiling on starts in every sliding second,
 * requests spaced evenly (no burst at start), a limit on requests in flight, backoff with full
 * jitter, Retry-After honoured, and the rate lowered on 429 then recovered.
 */
export function createPacer(options: PacerOptions) {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  const baseBackoffMs = options.baseBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 20_000;
  const ceiling = options.ratePerSecond > 0 ? options.ratePerSecond : Number.POSITIVE_INFINITY;
  const limit = pLimit(Math.max(1, options.concurrency));
  const sleep = createSleeper(options.signal);
  const window = new SlidingWindow();
  let currentRate = ceiling;
  let nextStart = 0;
  let pausedUntil = 0;
  let lastThrottle = 0;
  let lastRaise = 0;
  let started = 0;

  /** Takes a start now if the pace allows, else says how long to wait. */
  function tryStart(): number {
    if (options.signal?.aborted) throw new Interrupted();
    const now = clock();
    const interval = Number.isFinite(currentRate) ? 1000 / currentRate : 0;
    const earliest = Math.max(now, nextStart, pausedUntil, window.freeAt(Math.floor(currentRate)));
    if (earliest > now) return earliest - now;
    nextStart = now + interval;
    window.add(now, Math.floor(currentRate));
    started += 1;
    return 0;
  }

  function throttled(retryAfterMs: number | undefined): void {
    const now = clock();
    if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
    const observed = window.countSince(now - 1000);
    const base = Number.isFinite(currentRate) ? currentRate : Math.max(1, observed);
    currentRate = Math.max(1, base * 0.7);
    lastThrottle = now;
  }

  function succeeded(): void {
    const now = clock();
    if (currentRate >= ceiling || now - lastThrottle < 1000 || now - lastRaise < 500) return;
    lastRaise = now;
    currentRate = Math.min(ceiling, currentRate * 1.1 + 1);
    if (!Number.isFinite(ceiling) && currentRate > 10_000) currentRate = ceiling;
  }

  async function attemptLoop<T>(task: (attempt: number) => Promise<T>, runOptions: RunOptions): Promise<PacedResult<T>> {
    for (let attempt = 1; ; attempt += 1) {
      // A start the pace allows now takes no timer and no await (an unpaced run never waits).
      for (let wait = tryStart(); wait > 0; wait = tryStart()) await sleep(wait);
      try {
        const value = await task(attempt);
        succeeded();
        return { value, attempts: attempt };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const retryable = error.kind === "retryable" || (error.kind === "outcome-unknown" && runOptions.idempotent);
        const waitTooLong = error.retryAfterMs !== undefined && error.retryAfterMs > options.maxWaitMs;
        // A wait we refuse fails this request alone: it neither pauses nor slows the others.
        if (error.status === 429 && !waitTooLong) throttled(error.retryAfterMs);
        if (!retryable) throw new PacedFailure(error, attempt);
        if (waitTooLong) {
          throw new PacedFailure(error, attempt, `${error.message} (the server asked to wait ${Math.ceil((error.retryAfterMs ?? 0) / 1000)} s, more than --max-wait ${Math.round(options.maxWaitMs / 1000)} s)`);
        }
        if (attempt > options.retries) {
          throw new PacedFailure(error, attempt, `${error.message} (gave up after ${attempt} attempts)`);
        }
        const backoff = random() * Math.min(maxBackoffMs, baseBackoffMs * 2 ** (attempt - 1));
        const delayMs = Math.max(backoff, error.retryAfterMs ?? 0);
        options.onRetry?.({ attempt, delayMs, error });
        try {
          await sleep(delayMs);
        } catch {
          throw new PacedFailure(error, attempt, `${error.message} (interrupted before retrying)`);
        }
      }
    }
  }

  return {
    /** Run one request (a function that makes one attempt) under the pace, retrying as allowed. */
    run<T>(task: (attempt: number) => Promise<T>, runOptions: RunOptions): Promise<PacedResult<T>> {
      return limit(() => attemptLoop(task, runOptions));
    },
    get requestsStarted() {
      return started;
    },
    get currentRate() {
      return currentRate;
    },
    get pending() {
      return limit.pendingCount + limit.activeCount;
    },
  };
}

/** Slack on the one-second window: requests sent exactly 1000 ms apart may reach the server closer. */
const WINDOW_GUARD_MS = 5;

/** Start times of recent requests, to hold "at most N starts in any one second". */
class SlidingWindow {
  private readonly starts: number[] = [];

  add(time: number, capacity: number): void {
    this.starts.push(time);
    // Keep enough history for the window check and for measuring the rate of the last second.
    const keep = Math.max(Number.isFinite(capacity) ? capacity : 0, 5000);
    if (this.starts.length > keep * 2) this.starts.splice(0, this.starts.length - keep);
  }

  /** When the next start may happen without exceeding `capacity` starts in a second. */
  freeAt(capacity: number): number {
    if (!Number.isFinite(capacity) || this.starts.length < capacity) return 0;
    const oldest = this.starts[this.starts.length - capacity];
    return oldest === undefined ? 0 : oldest + 1000 + WINDOW_GUARD_MS;
  }

  countSince(time: number): number {
    let count = 0;
    for (let i = this.starts.length - 1; i >= 0 && (this.starts[i] ?? 0) >= time; i -= 1) count += 1;
    return count;
  }
}

/**
 * Timers that an abort cuts short. One listener on the signal for all of them: a listener per
 * waiting request would pass Node's limit of 10 at --concurrency 16 and print a warning.
 */
function createSleeper(signal: AbortSignal | undefined) {
  const waiting = new Map<NodeJS.Timeout, (error: Interrupted) => void>();
  signal?.addEventListener("abort", () => {
    for (const [timer, reject] of waiting) {
      clearTimeout(timer);
      reject(new Interrupted());
    }
    waiting.clear();
  }, { once: true });
  return (ms: number): Promise<void> => {
    if (signal?.aborted) return Promise.reject(new Interrupted());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(timer);
        resolve();
      }, ms);
      waiting.set(timer, reject);
    });
  };
}
