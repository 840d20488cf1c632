// What an export writes in place of the server's words: the type as the template's language says it, times in a zone.
import { typeLabel } from "../customers/template.js";
import type { Lang } from "../customers/columns.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";

/** The zone a Vietnamese export's times are in when --timezone is not given. */
export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** An ISO 8601 date-time: zone optional (API.md: times come with or without one). */
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The IANA name as the user wrote it (Intl would rename Asia/Ho_Chi_Minh to Asia/Saigon); a name Intl does not know is a usage error naming it. */
export function checkTimeZone(name: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name.trim() });
    return name.trim();
  } catch {
    throw new ToolError("E_USAGE", msg("export.timezone.unknown", { zone: name }), { hint: msg("export.timezone.unknownHint") });
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * `2024-01-20T14:00:00Z` as `2024-01-20 21:00:00` in Asia/Ho_Chi_Minh: text a spreadsheet sorts
 * and a person reads. A time without a zone is UTC; text that is no ISO time is kept as it is.
 */
export function formatTimestamp(value: string, timeZone: string): string {
  const match = ISO_TIME.exec(value.trim());
  if (!match) return value;
  const [, date, clock, fraction = "", zone = "Z"] = match;
  // Date.parse reads milliseconds; microseconds (2024-08-30T09:41:10.908172) are cut, not rounded
  const ms = Date.parse(`${date}T${clock}${fraction.slice(0, 4)}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  if (Number.isNaN(ms)) return value;
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map(({ type, value: text }) => [type, text]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** The type as the language's template writes it (`Cá nhân`), so the export re-imports as the template does; an odd type stays as sent. */
export function typeWords(lang: Lang): (type: string) => string {
  if (lang === "en") return (type) => type;
  const words = new Map([["personal", typeLabel(lang, "personal")], ["company", typeLabel(lang, "company")]]);
  return (type) => words.get(type.trim().toLowerCase()) ?? type;
}
