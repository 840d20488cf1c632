// A profile: another program's customer file described as data (its headers, what each means here, how sure we are).
import type { FieldKey } from "../customers/columns.js";

export type ProfileId = "kiotviet" | "misa-sme" | "misa-amis" | "sapo" | "haravan";

/**
 * What a column does that no single field says: `area` is KiotViet's "province - district";
 * `company` is KiotViet's company name (its row's person becomes contact 1); `tags` are "a|b";
 * `lastName` + `firstName` make the name, in that order (Sapo, Haravan).
 */
export type Role = "area" | "company" | "tags" | "lastName" | "firstName";
export const ROLES: readonly Role[] = ["area", "company", "tags", "lastName", "firstName"];

/** How sure the header is (research/vietnam-data.md §5): seen in several independent sources, or a guess. */
export type Certainty = "secondary" | "unsure";

export interface ProfileColumn {
  /** the header as the program writes it */
  header: string;
  /** other spellings of the same column (older versions) */
  aliases?: readonly string[];
  /** the field or role it fills; none: a column with no Finan field, kept in the report */
  target?: FieldKey | Role;
  /** the program's words for a value, matched like headers → ours */
  values?: Readonly<Record<string, string>>;
  /** a column whose meaning is not known for sure is never mapped (MISA's 0/1 flag) */
  unsure?: true;
}

export interface Profile {
  id: ProfileId;
  /** the program's name as people say it */
  name: string;
  /** KiotViet and MISA: headers seen in several sources; Sapo and Haravan: no real export seen yet */
  certainty: Certainty;
  columns: readonly ProfileColumn[];
  /** headers that together mark a file as this program's */
  signature: readonly string[];
}
