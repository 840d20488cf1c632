// `{date}` and `{datetime}` in an export's file name, in local time, with no `:` (Windows and shares refuse it).
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";

export const NAME_TOKENS = ["date", "datetime"] as const;

/**
 * The file name with its tokens filled from `nowMs` in `timeZone` (an IANA name; undefined: the
 * machine's local time): `{date}` = YYYY-MM-DD, `{datetime}` = YYYY-MM-DD_HHmmss. Any other
 * `{token}` is refused, naming it, before anything is fetched.
 */
export function datedName(path: string, nowMs: number, timeZone: string | undefined): string {
  for (const match of path.matchAll(/\{([^{}]*)\}/g)) {
    const token = match[1] ?? "";
    if (!(NAME_TOKENS as readonly string[]).includes(token)) {
      throw new ToolError("E_USAGE", msg("accounting.name.unknownToken", { token: `{${token}}`, file: path }), { hint: msg("accounting.name.tokensHint", { date: "{date}", datetime: "{datetime}" }) });
    }
  }
  const parts = localParts(nowMs, timeZone);
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return path.replaceAll("{datetime}", `${date}_${parts.hour}${parts.minute}${parts.second}`).replaceAll("{date}", date);
}

/** The zone a cron job's TZ names, if Intl knows it; else the process's own local time. */
export function zoneFromEnv(tz: string | undefined): string | undefined {
  if (tz === undefined || tz === "") return undefined;
  const name = tz.startsWith(":") ? tz.slice(1) : tz;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

function localParts(nowMs: number, timeZone: string | undefined): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const parts = Object.fromEntries(format.formatToParts(new Date(nowMs)).map((part) => [part.type, part.value]));
  const two = (key: string) => String(parts[key] ?? "00").padStart(2, "0");
  return { year: String(parts.year ?? "0000").padStart(4, "0"), month: two("month"), day: two("day"), hour: two("hour"), minute: two("minute"), second: two("second") };
}
