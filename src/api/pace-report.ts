// What bounded a run's requests, and the flag that would help: one sentence for the summary.
import { inFlightNeeded } from "./in-flight.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

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
  /** the sentence in any language */
  said: Message;
  /** the sentence in English (logs, callers not converted yet) */
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
  const said = paceSentence(bound, stats);
  return { bound, said, note: render("en", said) };
}

/** The sentence for what bounded the run; flag values are passed as text (--rate 1000, not 1,000). */
function paceSentence(bound: PaceBound, stats: PaceStats): Message {
  const rps = String(round(stats.requestsPerSecond));
  const rate = String(stats.ratePerSecond);
  const trip = stats.roundTripMs === undefined ? undefined : String(Math.round(stats.roundTripMs));
  const needed = stats.ratePerSecond > 0 && stats.roundTripMs !== undefined ? inFlightNeeded(stats.ratePerSecond, stats.roundTripMs) : undefined;
  const speed = trip === undefined ? msg("api.pace.speed", { rps }) : msg("api.pace.speedTrip", { rps, trip });
  switch (bound) {
    case "rate":
      return msg("api.pace.rate", { rate, rps });
    case "429":
      return msg("api.pace.throttled", { current: round(stats.currentRate), rate, suggested: String(Math.max(1, Math.floor(stats.currentRate))) });
    case "in-flight": {
      const concurrency = String(stats.concurrency ?? stats.inFlightLimit);
      return needed === undefined ? msg("api.pace.inFlight", { concurrency, speed }) : msg("api.pace.inFlightNeeded", { concurrency, speed, needed: String(needed), rate });
    }
    case "round-trip": {
      const limit = String(stats.inFlightLimit);
      return needed === undefined || needed <= stats.inFlightLimit ? msg("api.pace.roundTrip", { speed, limit }) : msg("api.pace.roundTripNeeded", { speed, limit, needed: String(needed), rate });
    }
    case "local":
      return msg("api.pace.local", { rps });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
