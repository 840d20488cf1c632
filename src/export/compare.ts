// What changed since a baseline, field by field: short hashes of values, so a baseline stays compact.
import { createHash } from "node:crypto";
import { parseFieldKey } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { fieldValue } from "../customers/from-payload.js";
import type { CustomerPayload, CustomerType } from "../customers/types.js";

export type Change = "new" | "changed" | "deleted";

/** One customer as the baseline had it: enough to name it, and a hash per compared field. */
export interface BaselineCustomer {
  code: string;
  name: string;
  /** personal / company, as the server says it; "" when the baseline had no type column */
  type: string;
  /** hashes of the baseline's `keys`, in order, joined by "," ("" = blank) */
  hashes: string;
}

export interface Baseline {
  /** the file it came from (a state file or an earlier export), for messages */
  path: string;
  /** the fields the baseline holds, in the order of each customer's hashes */
  keys: FieldKey[];
  customers: Map<string, BaselineCustomer>;
  /** the --type the baseline was written with; undefined: every customer (or unknown, for an export file) */
  scope: CustomerType | undefined;
}

const SEPARATOR = ",";

/** A value's hash as compared: line breaks of any system equal, the type in any case; blank is "". */
export function valueHash(key: FieldKey, value: string | undefined): string {
  if (value === undefined || value === "") return "";
  let text = value.normalize("NFC").replace(/\r\n?/g, "\n");
  if (key === "general_info.type") text = text.trim().toLowerCase();
  // 60 bits in 10 characters: a collision between two values of one field would need ~10^9 customers
  return createHash("sha256").update(text).digest("base64url").slice(0, 10);
}

/** The hashes of `keys` for one record, joined: what a state file keeps. */
export function recordHashes(record: CustomerPayload, keys: readonly FieldKey[]): string {
  return keys.map((key) => valueHash(key, fieldValue(record, key))).join(SEPARATOR);
}

/** How a record compares with a baseline: fields matched by meaning, not header text. */
export interface Comparer {
  /** fields both sides hold (a contact or bank group counts whole: a lost 3rd contact is a change) */
  compared: FieldKey[];
  /** fields only one side holds: not compared, said in the summary */
  notComparable: FieldKey[];
  /** the fields of `record` that differ from the baseline's customer, in column order */
  changedFields(record: CustomerPayload, before: BaselineCustomer): FieldKey[];
}

export function createComparer(baseline: Baseline, current: readonly FieldKey[]): Comparer {
  const groupAttr = (key: FieldKey) => {
    const ref = parseFieldKey(key);
    return ref && (ref.group === "contact_persons" || ref.group === "bank_accounts") ? `${ref.group}.${ref.attr}` : undefined;
  };
  const baseIndex = new Map(baseline.keys.map((key, index) => [key, index]));
  const currentSet = new Set(current);
  const baseGroups = new Set(baseline.keys.map(groupAttr).filter((name) => name !== undefined));
  const currentGroups = new Set(current.map(groupAttr).filter((name) => name !== undefined));
  const comparable = (key: FieldKey, otherHas: Set<FieldKey> | Map<FieldKey, number>, otherGroups: Set<string>) => {
    const group = groupAttr(key);
    return group === undefined ? otherHas.has(key) : otherGroups.has(group);
  };
  const compared = [...new Set([...current.filter((key) => comparable(key, baseIndex, baseGroups)), ...baseline.keys.filter((key) => comparable(key, currentSet, currentGroups))])];
  const notComparable = [...current.filter((key) => !comparable(key, baseIndex, baseGroups)), ...baseline.keys.filter((key) => !comparable(key, currentSet, currentGroups))];
  return {
    compared,
    notComparable,
    changedFields(record, before) {
      const hashes = before.hashes.split(SEPARATOR);
      return compared.filter((key) => {
        const index = baseIndex.get(key);
        const was = index === undefined ? "" : (hashes[index] ?? "");
        return valueHash(key, fieldValue(record, key)) !== was;
      });
    },
  };
}
