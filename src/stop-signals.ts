// Ctrl-C, SIGTERM and SIGHUP stop a run the same way; the exit code (128 + the signal's number) says which.
import { EXIT_INTERRUPTED } from "./errors.js";
import type { Lang } from "./i18n/lang.js";
import { t } from "./i18n/text.js";

export type StopSignal = "SIGINT" | "SIGTERM" | "SIGHUP";

/** 128 + signal number, as shells report a process a signal ended. */
const EXIT_BY_SIGNAL: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface StopListener {
  /** aborted (reason: the signal's name) at the first signal: stop taking rows, finish what is in flight */
  signal: AbortSignal;
  /** the command's exit code, with an interruption's 130 turned into the signal's own code */
  exitCode(code: number): number;
}

/** First signal: abort. Second: exit at once (temp files go with the process's exit hook). */
export function listenForStop(): StopListener {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  for (const name of Object.keys(EXIT_BY_SIGNAL) as StopSignal[]) {
    process.on(name, () => {
      if (received !== undefined) process.exit(EXIT_BY_SIGNAL[name]);
      received = name;
      controller.abort(name);
    });
  }
  return {
    signal: controller.signal,
    exitCode: (code) => (code === EXIT_INTERRUPTED && received !== undefined ? EXIT_BY_SIGNAL[received] : code),
  };
}

/**
 * A rejection nobody handled or an exception nobody caught is a defect: say so in one line (the
 * stack only with --debug) and exit 2, instead of Node's stack trace and exit 1 ("rows failed").
 */
export function reportEscapedErrors(debug: boolean, lang: Lang = "en"): void {
  const escaped = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${t(lang, "cli.internalError", { text: message })}\n  → ${t(lang, "cli.internalErrorHint")}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(2);
  };
  process.on("unhandledRejection", escaped);
  process.on("uncaughtException", escaped);
}
