// --default FIELD=VALUE: a value for a field a row leaves blank, for rows that create a customer only.
import { fieldForHeader } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { fieldValue } from "../customers/from-payload.js";
import type { CustomerPayload } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";

/** "type=company", "Tỉnh/Thành phố=Hà Nội": the field by any of its names, the value as written. */
export function parseDefaults(given: readonly string[] | undefined): Map<FieldKey, string> {
  const defaults = new Map<FieldKey, string>();
  for (const text of given ?? []) {
    const at = text.indexOf("=");
    const field = at > 0 ? fieldForHeader(text.slice(0, at)) : undefined;
    const value = at > 0 ? text.slice(at + 1).trim() : "";
    if (field === undefined || value === "") throw new ToolError("E_USAGE", msg("sources.default.bad", { text }), { hint: msg("sources.default.hint") });
    defaults.set(field, value);
  }
  return defaults;
}

/**
 * The body of a replace for a row some of whose values came from --default: those fields keep
 * what the server holds (or stay out of a merge), so a default never replaces a server value.
 */
export function withoutDefaults(payload: CustomerPayload, defaulted: readonly FieldKey[], before: CustomerPayload | undefined): CustomerPayload {
  const copy = structuredClone(payload) as unknown as Record<string, Record<string, unknown> & { contact_persons?: Record<string, unknown>[] }>;
  for (const field of defaulted) {
    const [group = "", second = "", third] = field.split(".");
    const server = before === undefined ? undefined : fieldValue(before, field);
    const holder = third === undefined ? copy[group] : group === "contact_persons" ? copy.general_info?.contact_persons?.[Number(second) - 1] : (copy[group] as unknown as Record<string, unknown>[] | undefined)?.[Number(second) - 1] as Record<string, unknown> | undefined;
    const attr = third ?? second;
    if (holder === undefined) continue;
    if (server === undefined) delete holder[attr];
    else holder[attr] = server;
  }
  return copy as unknown as CustomerPayload;
}
