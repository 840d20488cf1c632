// --json for cron: exactly one object on stdout per run, whatever happened to the run.
import { Writable } from "node:stream";
import { ToolError, describeError } from "../errors.js";
import { writeLine } from "../io.js";
import { verbatim } from "../i18n/text.js";

export interface JsonSummary {
  /** what the command writes its summary to, in place of stdout */
  stdout: Writable;
  /** Prints the one object: the command's summary (if it wrote one) with `ok` and `exitCode`, and the reason when not ok. Later calls do nothing. */
  print(exitCode: number, error?: unknown): void;
}

// Said when the command returned its exit code without an error to quote.
const REASONS: Record<number, string> = {
  1: "Some rows are invalid or failed: the report says why, row by row.",
  2: "The run could not proceed.",
  129: "Stopped by SIGHUP (the terminal or session closed).",
  130: "Interrupted (Ctrl-C).",
  143: "Stopped by SIGTERM.",
};

/**
 * Holds what `command` writes to stdout until its exit code is known, so that a summary, a
 * failure before any summary, and an interruption all end as one object with `ok` and `exitCode`.
 */
export function holdJsonSummary(command: string | undefined, stdout: Writable, stderr: Writable): JsonSummary {
  let held = "";
  let printed = false;
  const holder = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      held += chunk.toString();
      done();
    },
  });
  return {
    stdout: holder,
    print(exitCode, error) {
      if (printed) return;
      printed = true;
      const summary = parseObject(held);
      // never lose what a command printed, even if it was not the JSON we expect
      if (summary === undefined && held.trim() !== "") writeLine(stderr, verbatim(held.trimEnd()));
      const ok = exitCode === 0 && error === undefined;
      // JSON for programs: English, whatever the language
      writeLine(stdout, verbatim(JSON.stringify({
        ...(command === undefined ? {} : { command }),
        ...summary,
        ok,
        exitCode,
        ...(ok ? {} : { reason: error === undefined ? ownReason(summary) ?? REASONS[exitCode] ?? `Ended with exit code ${exitCode}.` : reasonOf(error) }),
        ...(error === undefined ? {} : { error: errorObject(error) }),
      })));
    },
  };
}

/** A command that knows better why it stopped says so in its summary's `reason`. */
function ownReason(summary: Record<string, unknown> | undefined): string | undefined {
  return typeof summary?.reason === "string" && summary.reason !== "" ? summary.reason : undefined;
}

/** The error's message, without its hint (that is in `error.hint`). */
function reasonOf(error: unknown): string {
  return error instanceof ToolError ? error.message : describeError(error);
}

function errorObject(error: unknown): { code: string; message: string; hint?: string } {
  if (error instanceof ToolError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { code: "E_INTERNAL", message: describeError(error) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
