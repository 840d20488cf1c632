// Stable error codes and the error → exit code rule. A code, once shipped, is never renamed.
import { render, verbatim } from "./i18n/text.js";
import type { Message, Text } from "./i18n/text.js";
import type { Lang } from "./i18n/lang.js";

export type ErrorCode =
  | "E_USAGE"
  | "E_CONFIG"
  | "E_CREDENTIALS_MISSING"
  | "E_INSECURE_URL"
  | "E_AUTH_REJECTED"
  | "E_FILE_NOT_FOUND"
  | "E_FILE_UNREADABLE"
  | "E_FILE_UNWRITABLE"
  | "E_FILE_FORMAT"
  | "E_FILE_EMPTY"
  | "E_FILE_TOO_LARGE"
  | "E_ENCODING"
  | "E_CSV_SYNTAX"
  | "E_SHEET_NOT_FOUND"
  | "E_HEADER_NOT_FOUND"
  | "E_HEADER_DUPLICATE"
  | "E_MAPPING"
  | "E_REPORT"
  | "E_JOURNAL"
  | "E_UNDO_ORDER"
  | "E_LOCKED"
  | "E_OVERWRITE"
  | "E_API"
  | "E_LIST_INCONSISTENT"
  | "E_INTERRUPTED"
  | "E_INTERNAL";

export const EXIT_OK = 0;
export const EXIT_ROWS_FAILED = 1;
export const EXIT_CANNOT_PROCEED = 2;
export const EXIT_INTERRUPTED = 130;

export interface ToolErrorOptions {
  cause?: unknown;
  /** what the user should do next, printed on its own line */
  hint?: Message | undefined;
  exitCode?: number;
}

/**
 * A problem with the whole run (arguments, credentials, unreadable file): exit 2 unless told.
 * Its message and hint are catalogue messages, shown in the run's language; `message` and `hint`
 * hold them in English, for --json, logs and stack traces.
 */
export class ToolError extends Error {
  override readonly name = "ToolError";
  readonly code: ErrorCode;
  /** what happened, as a catalogue message */
  readonly said: Message;
  readonly hintSaid: Message | undefined;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: Message, options: ToolErrorOptions = {}) {
    super(inLang("en", message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.said = message;
    this.hintSaid = options.hint;
    this.hint = options.hint === undefined ? undefined : inLang("en", options.hint);
    this.exitCode = options.exitCode ?? EXIT_CANNOT_PROCEED;
  }

  /** The message in a language, without the hint. */
  text(lang: Lang): Text {
    return inLang(lang, this.said);
  }

  hintText(lang: Lang): Text | undefined {
    return this.hintSaid === undefined ? undefined : inLang(lang, this.hintSaid);
  }
}

function inLang(lang: Lang, message: Message): Text {
  return render(lang, message);
}

/** Why a run ended before its last row: the server rejected the credentials, or a stop signal came. */
export type StopReason = "auth" | "interrupted";

/** How a command's run ended, as far as its exit code goes; commands return it, cli.ts turns it into the code. */
export interface RunOutcome {
  /** rows (or journal lines) left invalid, failed or in conflict */
  failing: number;
  /** "interrupted" is 130, which bin.ts turns into 143 or 129 for SIGTERM or SIGHUP */
  stopped?: StopReason | undefined;
}

/** The one exit rule for a run that ended on its own: 2 credentials rejected, 130 interrupted, 1 rows failing, else 0. */
export function exitCodeFor(outcome: RunOutcome): number {
  if (outcome.stopped === "auth") return EXIT_CANNOT_PROCEED;
  if (outcome.stopped === "interrupted") return EXIT_INTERRUPTED;
  return outcome.failing > 0 ? EXIT_ROWS_FAILED : EXIT_OK;
}

/** Whether `error` is `signal`'s own abort (signal.throwIfAborted()): work not started because the run was stopped. */
export function isAbortOf(signal: AbortSignal | undefined, error: unknown): boolean {
  return signal?.aborted === true && error === signal.reason;
}

/** Exit code for anything thrown out of a command. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof ToolError) return error.exitCode;
  return EXIT_CANNOT_PROCEED;
}

/** One line (plus an optional hint line) for a person, in their language; never a stack trace unless debugging. */
export function describeError(error: unknown, lang: Lang = "en"): Text {
  if (error instanceof ToolError) {
    const hint = error.hintText(lang);
    return verbatim(hint ? `${error.text(lang)}\n  → ${hint}` : error.text(lang));
  }
  if (error instanceof Error) return verbatim(error.message);
  return verbatim(String(error));
}
