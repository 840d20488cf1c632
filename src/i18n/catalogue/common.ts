// Words every part of the tool shares: counts, the shape of an error line, a file named in front of what went wrong.
import type { Translated } from "../text.js";

export const common = {
  "common.rows": { en: { one: "{count} row", other: "{count} rows" }, vi: "{count} dòng" },
  "common.requests": { en: { one: "{count} request", other: "{count} requests" }, vi: "{count} yêu cầu" },
  "common.customers": { en: { one: "{count} customer", other: "{count} customers" }, vi: "{count} khách hàng" },
  "common.seconds": { en: { one: "{count} second", other: "{count} seconds" }, vi: "{count} giây" },
  // text shown as it came: a defect's own words (an internal error), never a sentence of ours
  "common.asIs": { en: "{text}", vi: "{text}" },
  "common.inFile": { en: "{file}: {text}", vi: "{file}: {text}" },
  "common.commandFailed": { en: "finan-bulk {command}: {text}", vi: "finan-bulk {command}: {text}" },
} as const satisfies Record<string, Translated>;
