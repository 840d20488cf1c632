// What bounded a run's requests, and the flag that would help: one sentence for the summary.
import { inFlightNeeded } from "./in-flight.js";

/** What held each first attempt's start: the pace (--rate, or lowered after 429s), a free slot, or nothing. */
export interface StartCauses {
  rate: number;
  throttled: number;
  slots: number;
  free: number;
}

export type PaceBound = "rate" | "429" | "in-flight" | "round-trip" | "local";

export interface PaceStats {
  causes: StartCauses;
  /** requests started per second, first start to last */
  requestsPerSecond: number;
  /** --rate; 0 = none */
  ratePerSecond: number;
  /** the rate after the server's 429s */
  currentRate: number;
  roundTripMs: number | undefined;
  /** requests in flight allowed at the end of the run */
  inFlightLimit: number;
  /** --concurrency, when given (a hard cap); undefined when in flight follows the round trip */
  concurrency: number | undefined;
}

export interface PaceReport {
  bound: PaceBound;
  note: string;
}

/** Below this many requests the causes say too little to name one. */
const FEWEST_STARTS = 100;

/** Reaching this share of --rate is reaching it: the first round trips cost a little of any run. */
const AT_THE_RATE = 0.85;

/** The cause that held most starts; undefined for a run too short to tell. */
function paceBound(stats: PaceStats): PaceBound | undefined {
  const { rate, throttled, slots, free } = stats.causes;
  if (rate + throttled + slots + free < FEWEST_STARTS) return undefined;
  const most = Math.max(rate, throttled, slots, free);
  if (throttled === most) return "429";
  // a slot freed just as the pace allowed the next start holds nothing back
  if (rate === most || (stats.ratePerSecond > 0 && stats.requestsPerSecond >= AT_THE_RATE * stats.ratePerSecond)) return "rate";
  if (slots === most) return stats.concurrency === undefined ? "round-trip" : "in-flight";
  return "local";
}

/** The summary's sentence: what bounded the run, and what to change. */
export function describePace(stats: PaceStats): PaceReport | undefined {
  const bound = paceBound(stats);
  if (bound === undefined) return undefined;
  const rps = round(stats.requestsPerSecond);
  const rate = stats.ratePerSecond;
  const trip = stats.roundTripMs === undefined ? "" : `round trips of ${Math.round(stats.roundTripMs)} ms`;
  const needed = rate > 0 && stats.roundTripMs !== undefined ? inFlightNeeded(rate, stats.roundTripMs) : undefined;
  switch (bound) {
    case "rate":
      return { bound, note: `Requests were paced by --rate ${rate} (${rps}/s): raise --rate if the API allows more.` };
    case "429":
      return { bound, note: `The server's 429s held requests to about ${round(stats.currentRate)}/s, below --rate ${rate}: --rate ${Math.max(1, Math.floor(stats.currentRate))} would avoid them.` };
    case "in-flight":
      return { bound, note: `Requests were held by --concurrency ${stats.concurrency ?? stats.inFlightLimit} (${rps}/s${trip ? ` with ${trip}` : ""}): ${needed === undefined ? "raise --concurrency" : `leave out --concurrency, or give ${needed}, to reach --rate ${rate}`}.` };
    case "round-trip":
      return { bound, note: `Requests were held by the round trip (${rps}/s${trip ? ` with ${trip}` : ""} and up to ${stats.inFlightLimit} in flight): ${needed === undefined || needed <= stats.inFlightLimit ? "--concurrency N allows more in flight" : `--concurrency ${needed} allows enough in flight to reach --rate ${rate}`}.` };
    case "local":
      return { bound, note: `Requests were held by local work (reading the file, writing the report), not by the network or --rate (${rps}/s).` };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
