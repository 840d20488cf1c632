// A value from the server as the text a spreadsheet cell gets: faithful, never blanked, never rounded.
import { JsonNumber } from "./json.js";

export interface FieldText {
  /** undefined for a blank or absent value */
  text: string | undefined;
  /** what was unexpected about the value ("an object", "null"), for a warning; undefined when it was text */
  odd: string | undefined;
}

/** Text stays text; a number keeps its source digits; an object or list becomes compact JSON. */
export function fieldText(value: unknown): FieldText {
  if (typeof value === "string") return { text: value === "" ? undefined : value, odd: undefined };
  if (value === undefined) return { text: undefined, odd: undefined };
  if (value === null) return { text: undefined, odd: "null" };
  if (value instanceof JsonNumber) return { text: value.raw, odd: `the number ${value.raw}` };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value), odd: `the ${typeof value} ${String(value)}` };
  if (Array.isArray(value)) return { text: JSON.stringify(value), odd: "a list" };
  if (typeof value === "object") return { text: JSON.stringify(value), odd: "an object" };
  return { text: String(value), odd: `a ${typeof value}` };
}

/** "Email (general_info.email) was an object, written as its text" */
export function oddFieldMessage(field: string, odd: string): string {
  const written = odd === "null" ? "left blank" : "written as text";
  return `${field} was ${odd} instead of text: ${written}`;
}

/** A JSON object (not a list, not a kept number). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}
