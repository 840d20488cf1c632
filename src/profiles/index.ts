// Every profile, and which one a header row is: import recognition and `export --profile` read the same data.
import { normaliseHeader } from "../customers/columns.js";
import { HARAVAN } from "./haravan.js";
import { KIOTVIET } from "./kiotviet.js";
import { MISA_AMIS } from "./misa-amis.js";
import { MISA_SME } from "./misa-sme.js";
import { SAPO } from "./sapo.js";
import type { Profile, ProfileColumn, ProfileId } from "./types.js";

export const PROFILES: readonly Profile[] = [KIOTVIET, MISA_SME, MISA_AMIS, SAPO, HARAVAN];

export function profileById(id: ProfileId): Profile {
  const profile = PROFILES.find((candidate) => candidate.id === id);
  if (profile === undefined) throw new Error(`no profile ${id}`);
  return profile;
}

export function isProfileId(text: string): text is ProfileId {
  return PROFILES.some((profile) => profile.id === text);
}

/** The profile whose signature headers all stand in this header row; the most specific first. */
export function recogniseProfile(headers: readonly string[]): Profile | undefined {
  const present = new Set(headers.map(normaliseHeader));
  const matching = PROFILES.filter((profile) => profile.signature.every((header) => present.has(normaliseHeader(header))));
  return matching.sort((a, b) => b.signature.length - a.signature.length)[0];
}

/** Each column of a profile by every normalised spelling of its header. */
export function columnsByHeader(profile: Profile): Map<string, ProfileColumn> {
  const byHeader = new Map<string, ProfileColumn>();
  for (const column of profile.columns) {
    for (const header of [column.header, ...(column.aliases ?? [])]) byHeader.set(normaliseHeader(header), column);
  }
  return byHeader;
}
