// Flags several commands share, each declared once with its default, and what they turn into.
import { resolve } from "node:path";
import type { Argv, Options } from "yargs";
import { MAX_ADAPTIVE_IN_FLIGHT } from "../api/in-flight.js";
import type { Pacing } from "../api/session.js";
import type { Lang } from "../i18n/lang.js";
import { ToolError } from "../errors.js";
import { msg, t } from "../i18n/text.js";
import type { InputOptions } from "../customers/read-input.js";
import type { FlagsOf } from "./define.js";
import { parseDefaults } from "../profiles/defaults.js";

/** For the commands that read a spreadsheet: validate and import. */
const readerFlags = (lang: Lang) => ({
  sheet: { type: "string", describe: t(lang, "cli.help.flag.sheet") },
  encoding: { type: "string", describe: t(lang, "cli.help.flag.encoding") },
  delimiter: { type: "string", describe: t(lang, "cli.help.flag.delimiter") },
  columns: { type: "string", describe: t(lang, "cli.help.flag.columnsFile") },
  // the Vietnamese rules (src/customers/rules): without these flags they only warn
  strict: { type: "boolean", default: false, describe: t(lang, "rules.help.strict") },
  "fix-bank-codes": { type: "boolean", default: false, describe: t(lang, "rules.help.fixBankCodes") },
  "update-provinces": { type: "boolean", default: false, describe: t(lang, "rules.help.updateProvinces") },
  default: { type: "string", array: true, describe: t(lang, "sources.help.default") },
}) as const satisfies Record<string, Options>;
export type ReaderArgs = FlagsOf<ReturnType<typeof readerFlags>>;

/** For the commands that talk to the API: connection and pacing. */
const networkFlags = (lang: Lang) => ({
  // config.ts's DEFAULT_BASE_URL, as text: importing config (and zod) would slow `template` and `runs`
  "base-url": { type: "string", describe: t(lang, "cli.help.flag.baseUrl", { url: "https://api.finan.one/open" }) },
  "client-id": { type: "string", describe: t(lang, "cli.help.flag.clientId") },
  "env-file": { type: "string", describe: t(lang, "cli.help.flag.envFile") },
  "insecure-http": { type: "boolean", default: false, describe: t(lang, "cli.help.flag.insecureHttp") },
  rate: { type: "number", default: 10, describe: t(lang, "cli.help.flag.rate") },
  concurrency: { type: "number", describe: t(lang, "cli.help.flag.concurrency") },
  retries: { type: "number", default: 5, describe: t(lang, "cli.help.flag.retries") },
  "max-wait": { type: "number", default: 120, describe: t(lang, "cli.help.flag.maxWait") },
  timeout: { type: "number", default: 30, describe: t(lang, "cli.help.flag.timeout") },
}) as const satisfies Record<string, Options>;
export type NetworkArgs = FlagsOf<ReturnType<typeof networkFlags>>;

/** --force of the commands that write a report: validate and import. */
export const overwriteReportFlag = (lang: Lang) => ({ type: "boolean", describe: t(lang, "cli.help.flag.forceReport") }) as const satisfies Options;

export const withReaderFlags = <T>(y: Argv<T>, lang: Lang) => y.options(readerFlags(lang));
export const withNetworkFlags = <T>(y: Argv<T>, lang: Lang) => y.options(networkFlags(lang));

/** Reader flags; a --columns mapping file is found from `cwd`, as the user typed it. */
export function readerOptions(args: ReaderArgs, cwd: string): InputOptions {
  return {
    ...(args.sheet === undefined ? {} : { sheet: args.sheet }),
    ...(args.encoding === undefined ? {} : { encoding: args.encoding }),
    ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter === "\\t" || args.delimiter === "tab" ? "\t" : args.delimiter }),
    ...(args.columns === undefined ? {} : { columnsFile: resolve(cwd, args.columns) }),
    rules: { strict: args.strict, fixBankCodes: args.fixBankCodes, updateProvinces: args.updateProvinces },
    ...(args.default === undefined ? {} : { defaults: parseDefaults(args.default) }),
  };
}

/** A numeric flag, checked: yargs turns "abc" into NaN without a word. */
export function numberOption(value: number, flag: string, rule: { min: number; integer?: boolean }): number {
  if (!Number.isFinite(value) || value < rule.min || (rule.integer && !Number.isInteger(value))) {
    throw new ToolError("E_USAGE", msg(rule.integer ? "cli.number.whole" : "cli.number.any", { flag, value: String(value), min: String(rule.min) }));
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
