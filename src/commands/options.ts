// Flags several commands share, each declared once with its default, and what they turn into.
import { resolve } from "node:path";
import type { Argv, Options } from "yargs";
import { MAX_ADAPTIVE_IN_FLIGHT } from "../api/in-flight.js";
import type { Pacing } from "../api/session.js";
import type { Lang } from "../i18n/lang.js";
import { ToolError } from "../errors.js";
import type { InputOptions } from "../customers/read-input.js";
import type { FlagsOf } from "./define.js";

/** For the commands that read a spreadsheet: validate and import. */
const READER_FLAGS = {
  sheet: { type: "string", describe: "XLSX: the sheet to read (default the first visible one)" },
  encoding: { type: "string", describe: "CSV: the file's encoding if not UTF-8/UTF-16, e.g. windows-1258" },
  delimiter: { type: "string", describe: "CSV: the delimiter if detection gets it wrong" },
  columns: { type: "string", describe: "A JSON file mapping your headers to fields" },
} as const satisfies Record<string, Options>;
export type ReaderArgs = FlagsOf<typeof READER_FLAGS>;

/** For the commands that talk to the API: connection and pacing. */
const NETWORK_FLAGS = {
  // config.ts's DEFAULT_BASE_URL, as text: importing config (and zod) would slow `template` and `runs`
  "base-url": { type: "string", describe: "API base (env FINAN_BASE_URL, default https://api.finan.one/open)" },
  "client-id": { type: "string", describe: "Client id (env FINAN_CLIENT_ID); the secret comes only from FINAN_SECRET_KEY" },
  "env-file": { type: "string", describe: "Read FINAN_* variables from this file" },
  "insecure-http": { type: "boolean", default: false, describe: "Allow plain http:// to a host other than this machine" },
  rate: { type: "number", default: 10, describe: "At most N requests start in any one second" },
  concurrency: { type: "number", describe: "At most N requests in flight (default: follows --rate × the round trip, up to 64)" },
  retries: { type: "number", default: 5, describe: "Retries for 429, 5xx, timeouts and dropped connections" },
  "max-wait": { type: "number", default: 120, describe: "Seconds of Retry-After worth waiting; longer fails the row" },
  timeout: { type: "number", default: 30, describe: "Seconds a whole request may take, its answer included" },
} as const satisfies Record<string, Options>;
export type NetworkArgs = FlagsOf<typeof NETWORK_FLAGS>;

/** --force of the commands that write a report: validate and import. */
export const OVERWRITE_REPORT_FLAG = { type: "boolean", describe: "Overwrite a report changed since finan-bulk wrote it" } as const satisfies Options;

export const withReaderFlags = <T>(y: Argv<T>) => y.options(READER_FLAGS);
export const withNetworkFlags = <T>(y: Argv<T>) => y.options(NETWORK_FLAGS);

/** Reader flags; a --columns mapping file is found from `cwd`, as the user typed it. */
export function readerOptions(args: ReaderArgs, cwd: string): InputOptions {
  return {
    ...(args.sheet === undefined ? {} : { sheet: args.sheet }),
    ...(args.encoding === undefined ? {} : { encoding: args.encoding }),
    ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter === "\\t" || args.delimiter === "tab" ? "\t" : args.delimiter }),
    ...(args.columns === undefined ? {} : { columnsFile: resolve(cwd, args.columns) }),
  };
}

/** A numeric flag, checked: yargs turns "abc" into NaN without a word. */
export function numberOption(value: number, flag: string, rule: { min: number; integer?: boolean }): number {
  if (!Number.isFinite(value) || value < rule.min || (rule.integer && !Number.isInteger(value))) {
    throw new ToolError("E_USAGE", `${flag} ${String(value)}: expected ${rule.integer ? "a whole number" : "a number"} of ${rule.min} or more.`);
  }
  return value;
}

/** --rate, --concurrency, --retries, --max-wait, checked once for every command that sends requests. */
export function pacingOptions(args: NetworkArgs): Pacing {
  return {
    ratePerSecond: numberOption(args.rate, "--rate", { min: 0 }),
    // without --concurrency, in flight follows --rate × the round trip, up to 64
    concurrency: args.concurrency === undefined ? MAX_ADAPTIVE_IN_FLIGHT : numberOption(args.concurrency, "--concurrency", { min: 1, integer: true }),
    adaptiveConcurrency: args.concurrency === undefined,
    retries: numberOption(args.retries, "--retries", { min: 0, integer: true }),
    maxWaitMs: numberOption(args.maxWait, "--max-wait", { min: 0 }) * 1000,
  };
}

/** Headers of files for other programs (templates, exports): English unless --lang is given; never the shell's locale. */
export const headerLang = (lang: Lang | undefined): Lang => lang ?? "en";
