import { resolve } from "node:path";
import { MAX_ADAPTIVE_IN_FLIGHT } from "../api/in-flight.js";
import type { Pacing } from "../api/session.js";
import type { ConnectionFlags } from "../config.js";
import { ToolError } from "../errors.js";
import type { InputOptions } from "../customers/read-input.js";

export interface ReaderArgs {
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  columns?: string;
}

export interface NetworkArgs extends ConnectionFlags {
  rate?: number;
  concurrency?: number;
  retries?: number;
  maxWait?: number;
}

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
export function numberOption(value: number | undefined, flag: string, fallback: number, rule: { min: number; integer?: boolean }): number {
  const number = value ?? fallback;
  if (!Number.isFinite(number) || number < rule.min || (rule.integer && !Number.isInteger(number))) {
    throw new ToolError("E_USAGE", `${flag} ${String(value)}: expected ${rule.integer ? "a whole number" : "a number"} of ${rule.min} or more.`);
  }
  return number;
}

/** --rate, --concurrency, --retries, --max-wait, checked once for every command that sends requests. */
export function pacingOptions(args: NetworkArgs): Pacing {
  return {
    ratePerSecond: numberOption(args.rate, "--rate", 10, { min: 0 }),
    // without --concurrency, in flight follows --rate × the round trip, up to 64
    concurrency: numberOption(args.concurrency, "--concurrency", MAX_ADAPTIVE_IN_FLIGHT, { min: 1, integer: true }),
    adaptiveConcurrency: args.concurrency === undefined,
    retries: numberOption(args.retries, "--retries", 5, { min: 0, integer: true }),
    maxWaitMs: numberOption(args.maxWait, "--max-wait", 120, { min: 0 }) * 1000,
  };
}
