// A value from the server as the text a spreadsheet cell gets: faithful, never blanked, never rounded.
import { JsonNumber } from "./json.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

export interface FieldText {
  /** undefined for a blank or absent value */
  text: string | undefined;
  /** what was unexpected about the value ("an object", "null"), for a warning; undefined when it was text */
  odd: Message | undefined;
}

/** Text stays text; a number keeps its source digits; an object or list becomes compact JSON. */
export function fieldText(value: unknown): FieldText {
  if (typeof value === "string") return { text: value === "" ? undefined : value, odd: undefined };
  if (value === undefined) return { text: undefined, odd: undefined };
  if (value === null) return { text: undefined, odd: msg("api.odd.null") };
  if (value instanceof JsonNumber) return { text: value.raw, odd: msg("api.odd.number", { value: value.raw }) };
  if (typeof value === "number") return { text: String(value), odd: msg("api.odd.number", { value: String(value) }) };
  if (typeof value === "boolean") return { text: String(value), odd: msg("api.odd.boolean", { value: String(value) }) };
  if (Array.isArray(value)) return { text: JSON.stringify(value), odd: msg("api.odd.list") };
  if (typeof value === "object") return { text: JSON.stringify(value), odd: msg("api.odd.object") };
  return { text: String(value), odd: msg("api.odd.other", { type: typeof value }) };
}

/** "Email (general_info.email) was an object instead of text: written as text" */
export function oddFieldMessage(field: string, odd: Message): Message {
  return msg(odd.key === "api.odd.null" ? "api.odd.leftBlank" : "api.odd.writtenAsText", { field, odd });
}

/** A JSON object (not a list, not a kept number). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}
