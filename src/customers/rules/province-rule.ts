// A Vietnamese address's province against the list of 34 (and the 63 before): warn, and rewrite only with --update-provinces.
import { msg } from "../../i18n/text.js";
import type { Message } from "../../i18n/text.js";
import { normaliseHeader } from "../columns.js";
import { memoised } from "./memo.js";
import { PROVINCES_VERSION, matchProvince } from "./provinces.js";

const VIETNAM = new Set(["vietnam", "vn", "vnm"]);

/** Only Vietnamese addresses have these provinces: the country blank or Vietnam. */
export const isVietnamese = (country: string | undefined): boolean => country === undefined || isVietnamName(country);

// every row of a file names its country: normalising "Việt Nam" each time was 5% of a CSV's mapping
const isVietnamName = memoised((country) => VIETNAM.has(normaliseHeader(country)));

/** The note on a province, and today's name to send instead when --update-provinces asks and the successor is one unit. */
export function checkProvince(value: string, updateProvinces: boolean): { message?: Message; replacement?: string } {
  const match = matchProvince(value);
  if (match.kind === "current") return {};
  if (match.kind === "unknown") {
    const version = PROVINCES_VERSION;
    return { message: match.nearest.length > 0 ? msg("rules.province.unknown", { value, version, nearest: match.nearest }) : msg("rules.province.unknownNoGuess", { value, version }) };
  }
  const [successor, ...others] = match.successors;
  if (successor === undefined || others.length > 0) return { message: msg("rules.province.split", { value, successors: match.successors.map((unit) => unit.name) }) };
  if (!updateProvinces) return { message: msg("rules.province.former", { value, successor: successor.name }) };
  return { message: msg("rules.province.updated", { value, successor: successor.name }), replacement: successor.name };
}
