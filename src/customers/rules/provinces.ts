// Lookups in the province list (src/data/provinces.ts): a spelling to one of the 34 units, or to a pre-2025 one and its successors.
import { FORMER_PROVINCES, PROVINCES, PROVINCE_ALIASES } from "../../data/provinces.js";
import { normaliseHeader } from "../columns.js";
import { memoised } from "./memo.js";

export { PROVINCES_VERSION } from "../../data/provinces.js";

/** A unit of today's list: GSO code and official name ("79", "Thành phố Hồ Chí Minh"). */
export interface Province {
  code: string;
  name: string;
}

export type ProvinceMatch =
  | { kind: "current"; province: Province }
  /** a pre-2025 unit: its name then, and the unit(s) it is part of now (two for Tiền Giang) */
  | { kind: "former"; name: string; successors: Province[] }
  /** not a province: up to three names that look close */
  | { kind: "unknown"; nearest: string[] };

// "Tỉnh", "Thành phố", "TP." before and "city"/"province" after a name say nothing about which one it is.
const UNIT_WORDS = /^(?:tinh|thanhpho|tp)(?=.)|(?:city|province)$/g;

/** Case, diacritics (hóa/hoá too), spaces, punctuation and the unit word ignored: "TP. Hồ Chí Minh" = "ho chi minh". */
export function provinceKey(text: string): string {
  return normaliseHeader(text).replace(UNIT_WORDS, "");
}

const current = (code: string): Province => ({ code, name: PROVINCES[code]! });
const byKey = new Map<string, ProvinceMatch>();
// the 34 first: a pre-2025 name kept by a unit today (Hà Nội, Tây Ninh) is today's unit
for (const code of Object.keys(PROVINCES)) byKey.set(provinceKey(PROVINCES[code]!), { kind: "current", province: current(code) });
const formerOf = (code: string): ProvinceMatch => {
  const [name, successors] = FORMER_PROVINCES[code]!;
  return { kind: "former", name, successors: successors.map(current) };
};
for (const code of Object.keys(FORMER_PROVINCES)) {
  const key = provinceKey(FORMER_PROVINCES[code]![0]);
  if (!byKey.has(key)) byKey.set(key, formerOf(code));
}
for (const [alias, target] of Object.entries(PROVINCE_ALIASES)) {
  const [kind, code] = target.split(":") as [string, string];
  byKey.set(provinceKey(alias), kind === "current" ? { kind: "current", province: current(code) } : formerOf(code));
}
const NAMES = [...Object.values(PROVINCES), ...Object.values(FORMER_PROVINCES).map(([name]) => name)].map((name) => ({ name, key: provinceKey(name) }));

/** Which province a spelling names: one of the 34, a pre-2025 one, or none (with the nearest names). */
export const matchProvince: (text: string) => ProvinceMatch = memoised((text) => {
  const key = provinceKey(text);
  return byKey.get(key) ?? { kind: "unknown", nearest: nearestNames(key) };
});

/**
 * A province at the start of "Hà Nội - Quận Tây Hồ" (KiotViet's "Khu vực giao hàng"), tried longest first
 * so "Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu" splits after "Vũng Tàu". Undefined when no prefix is a province.
 */
export function matchProvinceAtStart(text: string): { match: Exclude<ProvinceMatch, { kind: "unknown" }>; province: string; rest: string } | undefined {
  const parts = text.split(/\s+[-–]\s+/);
  for (let take = parts.length; take >= 1; take--) {
    const province = parts.slice(0, take).join(" - ");
    const match = byKey.get(provinceKey(province));
    if (match !== undefined && match.kind !== "unknown") return { match, province, rest: parts.slice(take).join(" - ") };
  }
  return undefined;
}

/** Up to three official names within a few typing mistakes of the key, closest first. */
function nearestNames(key: string): string[] {
  if (key === "") return [];
  const limit = Math.max(2, Math.floor(key.length / 4));
  return NAMES.map(({ name, key: other }) => ({ name, distance: editDistance(key, other) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}

/** Levenshtein distance, one row at a time (names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}
