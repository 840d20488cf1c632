// A bank cell the rules filled from its neighbour: where the server holds the same bank, its own spelling stays.
import type { FieldKey } from "../columns.js";
import { parseFieldKey } from "../columns.js";
import { fieldValue } from "../from-payload.js";
import type { GroupNumbers } from "../schema.js";
import type { CustomerPayload } from "../types.js";
import type { Message, MessageKey } from "../../i18n/text.js";

const FILLS: ReadonlySet<MessageKey> = new Set<MessageKey>(["rules.bank.nameFilled", "rules.bank.codeFilled"]);

/** Whether a rule's note says it filled its field (a blank bank name or code) from the other cell. */
export const isFill = (message: Message): boolean => FILLS.has(message.key);

const same = (a: string, b: string): boolean => a.trim().normalize("NFC").toLowerCase() === b.trim().normalize("NFC").toLowerCase();

/** A filled cell whose server value was kept, for the row's message. */
export interface KeptValue {
  field: FieldKey;
  value: string;
}

/**
 * The body of a replace or merge for a row whose bank name or code was filled from the table: where
 * the server's account N has the same value in the cell the fill came from, and a value of its own
 * in the filled one, that value is kept. A fill completes a blank; it never respells the server's.
 */
export function keepServerValues(
  payload: CustomerPayload,
  groups: GroupNumbers,
  filled: readonly FieldKey[],
  before: CustomerPayload | undefined,
): { payload: CustomerPayload; kept: KeptValue[] } {
  const kept: KeptValue[] = [];
  if (before === undefined) return { payload, kept };
  const copy = structuredClone(payload);
  for (const field of filled) {
    const ref = parseFieldKey(field);
    if (ref?.group !== "bank_accounts") continue;
    const account = copy.bank_accounts?.[groups.banks.indexOf(ref.index)] as Record<string, unknown> | undefined;
    const sourceAttr = ref.attr === "bank_name" ? "bank_code" : "bank_name";
    const source = account?.[sourceAttr];
    const serverSource = fieldValue(before, `bank_accounts.${ref.index}.${sourceAttr}` as FieldKey);
    const server = fieldValue(before, field);
    if (account === undefined || typeof source !== "string" || serverSource === undefined || server === undefined) continue;
    if (!same(source, serverSource)) continue;
    if (account[ref.attr] !== server) kept.push({ field, value: server });
    account[ref.attr] = server;
  }
  return { payload: copy, kept };
}
