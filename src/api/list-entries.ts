// The entries of one list page, read leniently: an odd field is a warning, a missing id a failure.
import type { CustomerSummary } from "../customers/types.js";
import { fieldText, isJsonObject, oddFieldMessage } from "./field-text.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/** A list entry, with what was odd about its fields (a null name, a numeric code) for a warning. */
export interface ListedCustomer extends CustomerSummary {
  oddities?: Message[];
}

export type ListEntries = { ok: true; customers: ListedCustomer[] } | { ok: false; detail: Message; retryable: boolean };

const SUMMARY_FIELDS = ["name", "customer_code", "type"] as const;

/** Reads `data` of a list answer; an entry without a usable customer_id cannot be fetched, so the page fails. */
export function readListEntries(data: unknown): ListEntries {
  if (!Array.isArray(data)) return { ok: false, detail: msg("api.list.noArray"), retryable: true };
  const customers: ListedCustomer[] = [];
  for (const [index, entry] of data.entries()) {
    const id = isJsonObject(entry) ? entry.customer_id : undefined;
    if (typeof id !== "string" || id.trim() === "") {
      return { ok: false, detail: msg("api.list.noId", { entry: String(index + 1), preview: preview(entry) }), retryable: false };
    }
    const info = isJsonObject(entry) ? entry.general_info : undefined;
    const oddities: Message[] = [];
    if (!isJsonObject(info) && info !== undefined) oddities.push(oddFieldMessage("general_info", fieldText(info).odd ?? msg("api.odd.text")));
    const general_info = { name: "", customer_code: "", type: "" };
    for (const field of SUMMARY_FIELDS) {
      const { text, odd } = fieldText(isJsonObject(info) ? info[field] : undefined);
      general_info[field] = text ?? "";
      if (odd !== undefined) oddities.push(oddFieldMessage(`general_info.${field}`, odd));
    }
    const createdAt = isJsonObject(entry) ? entry.created_at : undefined;
    customers.push({
      customer_id: id,
      general_info,
      ...(typeof createdAt === "string" ? { created_at: createdAt } : {}),
      ...(oddities.length > 0 ? { oddities } : {}),
    });
  }
  return { ok: true, customers };
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
