// How many requests to keep in flight: the rate times the round trip (Little's law), with headroom.

/** The most in flight when --concurrency is not given: a slow server is not flooded. */
export const MAX_ADAPTIVE_IN_FLIGHT = 64;
/** The least, and the start before any round trip is known (the former fixed default). */
const MIN_IN_FLIGHT = 4;
/** Round trips vary: in flight = rate × round trip would reach the rate only if none were slow. */
const HEADROOM = 1.5;
/** Weight of each new round trip in the running mean: follows a network that slows within ~20 answers. */
const SMOOTHING = 0.1;

/** Requests in flight that let `ratePerSecond` through at `roundTripMs`, between 4 and `cap`. */
export function inFlightFor(ratePerSecond: number, roundTripMs: number, cap: number): number {
  // no --rate: nothing to aim at, so the former default (a round-trip bound run names --concurrency)
  if (!Number.isFinite(ratePerSecond)) return Math.min(cap, MIN_IN_FLIGHT);
  const needed = Math.ceil((ratePerSecond * roundTripMs * HEADROOM) / 1000) + 1;
  return Math.max(1, Math.min(cap, Math.max(MIN_IN_FLIGHT, needed)));
}

/** In flight the user should give to reach `ratePerSecond` at `roundTripMs` (for a hint). */
export function inFlightNeeded(ratePerSecond: number, roundTripMs: number): number {
  return inFlightFor(ratePerSecond, roundTripMs, Number.POSITIVE_INFINITY);
}

/** The running mean of round trips (milliseconds); undefined before the first answer. */
export class RoundTrip {
  private mean: number | undefined;

  get ms(): number | undefined {
    return this.mean;
  }

  observe(ms: number): void {
    this.mean = this.mean === undefined ? ms : this.mean + SMOOTHING * (ms - this.mean);
  }
}
