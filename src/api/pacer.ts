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
 * The one place that owns pacing and retries: a ceiling on requests in every sliding second (a
 * request held on its way counted that much later), requests spaced evenly (no burst at start),
 * a limit on requests in flight, backoff with full jitter, Retry-After honoured, and the rate
 * lowered on 429 then recovered.
 */
export function createPacer(options: PacerOptions) {
  // monotonic: a wall clock set back would stall the pace, set forward would burst it
  const clock = options.clock ?? (() => performance.now());
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
  let lastThrottle = Number.NEGATIVE_INFINITY;
  let lastRaise = 0;
  let started = 0;
  // The rate a server last pushed back at (answers it served in the second before its 429), and
  // when: recovery stops just below it for a while instead of running into the limit again.
  let pushedBackAt = Number.POSITIVE_INFINITY;

  /** Takes a start now if the pace allows (its window entry), else says how long to wait. */
  function tryStart(): WindowEntry | number {
    if (options.signal?.aborted) throw new Interrupted();
    const now = clock();
    const interval = Number.isFinite(currentRate) ? 1000 / currentRate : 0;
    const capacity = Math.max(1, Math.floor(currentRate));
    const earliest = Math.max(now, nextStart, pausedUntil, window.freeAt(capacity, now));
    if (earliest > now) return earliest - now;
    // Spacing counts from when this start was due, not from when its timer fired: timers fire
    // late, and a millisecond lost on every start is 5% of a 200/s run. A start more than one
    // interval late (the run was idle or held by the window) spaces afresh: no burst to catch up.
    nextStart = (now - nextStart < interval ? nextStart : now) + interval;
    started += 1;
    return window.add(now, capacity);
  }

  /**
   * A 429: the rate drops below what the server served in the last second, which is its limit as
   * near as we can see it (not below our own rate: sending 50/s to a server that takes 20, each of
   * a burst of 429s would cut it again, down to 1/s). With nothing served lately, it drops by 10%.
   */
  function throttled(retryAfterMs: number | undefined): void {
    const now = clock();
    if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
    // the other 429s of the same burst (requests sent before the first came back) say nothing new
    if (now - lastThrottle < 1000) return;
    const servedLastSecond = window.servedSince(now - 1000);
    const base = Number.isFinite(currentRate) ? currentRate : Math.max(1, window.countSince(now - 1000));
    pushedBackAt = servedLastSecond > 0 ? Math.min(base, servedLastSecond) : base * 0.9;
    currentRate = Math.min(ceiling, Math.max(1, pushedBackAt * 0.9));
    lastThrottle = now;
  }

  function succeeded(): void {
    const now = clock();
    if (currentRate >= ceiling || now - lastThrottle < 1000 || now - lastRaise < 500) return;
    // back up quickly to just below where the server pushed back; past it only once that is old
    const cap = now - lastThrottle < PUSHBACK_MEMORY_MS ? Math.max(1, pushedBackAt * 0.95) : ceiling;
    if (currentRate >= cap) return;
    lastRaise = now;
    currentRate = Math.min(ceiling, cap, currentRate * 1.1 + 1);
    if (!Number.isFinite(ceiling) && currentRate > 10_000) currentRate = ceiling;
  }

  async function attemptLoop<T>(task: (attempt: number) => Promise<T>, runOptions: RunOptions): Promise<PacedResult<T>> {
    for (let attempt = 1; ; attempt += 1) {
      // A start the pace allows now takes no timer and no await (an unpaced run never waits).
      let entry = tryStart();
      while (typeof entry === "number") {
        await sleep(entry);
        entry = tryStart();
      }
      try {
        const value = await task(attempt);
        window.answered(entry, clock(), true);
        succeeded();
        return { value, attempts: attempt };
      } catch (error) {
        window.answered(entry, clock(), false);
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

/** How long the rate stays below where a server last pushed back (a 429) before it probes past it. */
const PUSHBACK_MEMORY_MS = 30_000;

/** Slack on the one-second window for a request answered as quickly as the others. */
const WINDOW_GUARD_MS = 5;
/** Answers the fastest round trip is taken from: recent ones, so a network that slows is followed. */
const RECENT_ANSWERS = 64;

interface WindowEntry {
  start: number;
  /** the latest time the server may have counted this request */
  counted: number;
  /** answered with a success */
  served: boolean;
}

/**
 * Recent requests, to hold "at most N in any one second" as the server counts them. With every
 * request taking the same time to arrive, counting starts is exact (the server sees the same
 * spacing, shifted). What breaks it is a request held on its way, by a busy event loop (ours or
 * the server's) or the network: the server then sees more than N in one of its seconds (measured
 * at 200/s against the sandbox: arrivals 10-40 ms late, a 429 now and then, each costing a
 * second's pause). Such a request shows in its round trip, longer than the fastest recent one by
 * at least the hold-up, so it counts that much later. A server that is merely far away costs
 * nothing: every round trip is long alike.
 */
class SlidingWindow {
  /** ascending by `counted` */
  private readonly entries: WindowEntry[] = [];
  /** started and not yet answered */
  private readonly inFlight = new Set<WindowEntry>();
  // Until that many answers have come, the fastest is taken as 0: the first requests, slowed by a
  // cold start on both sides, count from their answers (measured: 30-50 ms late arrivals in the
  // first 400 ms of a run, which the fastest of so few answers did not show).
  private readonly roundTrips: number[] = new Array<number>(RECENT_ANSWERS).fill(0);
  private nextRoundTrip = 0;
  private fastest = 0;

  add(time: number, capacity: number): WindowEntry {
    const entry = { start: time, counted: time + WINDOW_GUARD_MS, served: false };
    this.entries.push(entry);
    this.place(this.entries.length - 1);
    this.inFlight.add(entry);
    // Keep enough history for the window check and for measuring the rate of the last second;
    // an entry still in flight stays, however old (its answer may yet move it).
    const keep = Number.isFinite(capacity) ? Math.max(capacity, 5000) : 5000;
    if (this.entries.length > keep * 2) {
      const dropped = this.entries.splice(0, this.entries.length - keep);
      this.entries.unshift(...dropped.filter((old) => this.inFlight.has(old)));
    }
    return entry;
  }

  /** The request's answer came at `time` (`served`: a success): it counts as late as its round trip was slow. */
  answered(entry: WindowEntry, time: number, served: boolean): void {
    this.inFlight.delete(entry);
    entry.served = served;
    const roundTrip = Math.max(0, time - entry.start);
    this.roundTrips[this.nextRoundTrip] = roundTrip;
    this.nextRoundTrip = (this.nextRoundTrip + 1) % RECENT_ANSWERS;
    this.fastest = Math.min(...this.roundTrips);
    this.raise(entry, roundTrip);
  }

  /**
   * When the next start may happen without exceeding `capacity` requests in a second. A request
   * still in flight longer than the fastest round trip may be held on its way: it counts from now.
   */
  freeAt(capacity: number, now: number): number {
    if (!Number.isFinite(capacity) || this.entries.length < capacity) return 0;
    for (const entry of this.inFlight) this.raise(entry, now - entry.start);
    const oldest = this.entries[this.entries.length - capacity];
    return oldest === undefined ? 0 : oldest.counted + 1000;
  }

  countSince(time: number, servedOnly = false): number {
    let count = 0;
    for (let i = this.entries.length - 1; i >= 0 && (this.entries[i]?.counted ?? 0) >= time; i -= 1) {
      if (!servedOnly || this.entries[i]?.served) count += 1;
    }
    return count;
  }

  /** Requests the server answered with a success, counted since `time`: its rate, as near as we see it. */
  servedSince(time: number): number {
    return this.countSince(time, true);
  }

  /** Counts `entry` later when `elapsed` since its start passes the fastest round trip. */
  private raise(entry: WindowEntry, elapsed: number): void {
    const counted = entry.start + WINDOW_GUARD_MS + Math.max(0, elapsed - this.fastest);
    if (counted <= entry.counted) return;
    entry.counted = counted;
    const at = this.entries.lastIndexOf(entry);
    if (at >= 0) this.place(at);
  }

  /** Moves the entry at `at` to its place in the order by `counted` (a new one back, a raised one on). */
  private place(at: number): void {
    const { entries } = this;
    const entry = entries[at];
    if (!entry) return;
    let i = at;
    for (; i > 0 && (entries[i - 1]?.counted ?? 0) > entry.counted; i -= 1) entries[i] = entries[i - 1] as WindowEntry;
    for (; i < entries.length - 1 && (entries[i + 1]?.counted ?? 0) < entry.counted; i += 1) entries[i] = entries[i + 1] as WindowEntry;
    entries[i] = entry;
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
