// The pace of request starts: at most the rate in any sliding second, spaced evenly, slowed after a 429 and recovered.

/** How long the rate stays below where a server last pushed back (a 429) before it probes past it. */
const PUSHBACK_MEMORY_MS = 30_000;

/**
 * Adaptive rate over a sliding window. Times are the caller's clock (monotonic milliseconds), so
 * the same logic runs on real and virtual time.
 */
export class RateWindow {
  private readonly ceiling: number;
  private readonly window = new SlidingWindow();
  private rate: number;
  private nextStart = 0;
  private pausedUntil = 0;
  private lastThrottle = Number.NEGATIVE_INFINITY;
  private lastRaise = 0;
  private starts = 0;
  // The rate a server last pushed back at (answers it served in the second before its 429), and
  // when: recovery stops just below it for a while instead of running into the limit again.
  private pushedBackAt = Number.POSITIVE_INFINITY;

  /** `ratePerSecond`: the ceiling on starts in any sliding second; 0 = none. */
  constructor(ratePerSecond: number) {
    this.ceiling = ratePerSecond > 0 ? ratePerSecond : Number.POSITIVE_INFINITY;
    this.rate = this.ceiling;
  }

  get currentRate(): number {
    return this.rate;
  }

  get started(): number {
    return this.starts;
  }

  /** Held below --rate by the server: paused for a Retry-After, or the rate lowered after a 429. */
  isThrottled(now: number): boolean {
    return this.pausedUntil > now || this.rate < this.ceiling;
  }

  /** Takes a start at `now` if the pace allows (its window entry), else says how long to wait. */
  tryStart(now: number): WindowEntry | number {
    const interval = Number.isFinite(this.rate) ? 1000 / this.rate : 0;
    const capacity = Math.max(1, Math.floor(this.rate));
    const earliest = Math.max(now, this.nextStart, this.pausedUntil, this.window.freeAt(capacity, now));
    if (earliest > now) return earliest - now;
    // Spacing counts from when this start was due, not from when its timer fired: timers fire
    // late, and a millisecond lost on every start is 5% of a 200/s run. A start more than one
    // interval late (the run was idle or held by the window) spaces afresh: no burst to catch up.
    this.nextStart = (now - this.nextStart < interval ? this.nextStart : now) + interval;
    this.starts += 1;
    return this.window.add(now, capacity);
  }

  /** The start's answer came at `now`; `served`: a success, which may raise the rate again. */
  answered(entry: WindowEntry, now: number, served: boolean): void {
    this.window.answered(entry, now, served);
    if (served) this.succeeded(now);
  }

  /**
   * A 429: the rate drops below what the server served in the last second, which is its limit as
   * near as we can see it (not below our own rate: sending 50/s to a server that takes 20, each of
   * a burst of 429s would cut it again, down to 1/s). With nothing served lately, it drops by 10%.
   */
  throttled(now: number, retryAfterMs: number | undefined): void {
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    // the other 429s of the same burst (requests sent before the first came back) say nothing new
    if (now - this.lastThrottle < 1000) return;
    const servedLastSecond = this.window.servedSince(now - 1000);
    const base = Number.isFinite(this.rate) ? this.rate : Math.max(1, this.window.countSince(now - 1000));
    this.pushedBackAt = servedLastSecond > 0 ? Math.min(base, servedLastSecond) : base * 0.9;
    this.rate = Math.min(this.ceiling, Math.max(1, this.pushedBackAt * 0.9));
    this.lastThrottle = now;
  }

  private succeeded(now: number): void {
    if (this.rate >= this.ceiling || now - this.lastThrottle < 1000 || now - this.lastRaise < 500) return;
    // back up quickly to just below where the server pushed back; past it only once that is old
    const cap = now - this.lastThrottle < PUSHBACK_MEMORY_MS ? Math.max(1, this.pushedBackAt * 0.95) : this.ceiling;
    if (this.rate >= cap) return;
    this.lastRaise = now;
    this.rate = Math.min(this.ceiling, cap, this.rate * 1.1 + 1);
    if (!Number.isFinite(this.ceiling) && this.rate > 10_000) this.rate = this.ceiling;
  }
}

/** Slack on the one-second window for a request answered as quickly as the others. */
const WINDOW_GUARD_MS = 5;
/** Answers the fastest round trip is taken from: recent ones, so a network that slows is followed. */
const RECENT_ANSWERS = 64;

/** One start in the window; opaque to callers. */
export interface WindowEntry {
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
