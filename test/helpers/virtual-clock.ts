// Virtual time for code that takes a clock and a timer: timers fire in order of their due time, never on the machine's clock.

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/** Lets pending promise callbacks run: one macrotask turn drains the whole microtask queue. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock {
  private time = 0;
  private made = 0;
  /** ascending by due time, then by the order they were set */
  private readonly timers: Timer[] = [];

  /** milliseconds of virtual time since the clock was made */
  readonly now = (): number => this.time;

  /** The pacer's `SetTimer`: `fire` runs once virtual time reaches now + `ms`; returns its cancel. */
  readonly setTimer = (fire: () => void, ms: number): (() => void) => {
    const timer = { at: this.time + Math.max(0, ms), order: this.made++, fire };
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1]?.at ?? 0) > timer.at) i -= 1;
    this.timers.splice(i, 0, timer);
    return () => {
      const at = this.timers.indexOf(timer);
      if (at >= 0) this.timers.splice(at, 1);
    };
  };

  /** A promise resolved after `ms` of virtual time: a server's round trip, a user's pause. */
  readonly sleep = (ms: number): Promise<void> => new Promise((resolve) => this.setTimer(resolve, ms));

  /** Runs timers in order until `work` settles, and returns its outcome; throws if it can never settle. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(() => { settled = true; }, () => { settled = true; });
    for (;;) {
      await settle();
      if (settled) return work;
      if (!this.fireNext(Number.POSITIVE_INFINITY)) throw new Error(`virtual clock: no timer left at ${this.time} ms and the work is still pending`);
    }
  }

  /** Moves virtual time on by `ms`, firing every timer due by then. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    await settle();
    while (this.fireNext(until)) await settle();
    this.time = until;
  }

  private fireNext(until: number): boolean {
    const next = this.timers[0];
    if (next === undefined || next.at > until) return false;
    this.timers.shift();
    this.time = Math.max(this.time, next.at);
    next.fire();
    return true;
  }
}
