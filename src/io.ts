// Where a command talks to the world (streams, env, clock, signal), injected so tests run the CLI in-process.
import type { Writable } from "node:stream";
import { langFromEnv } from "./i18n/lang.js";
import type { Lang } from "./i18n/lang.js";
import { msg, t } from "./i18n/text.js";
import type { Text } from "./i18n/text.js";
import { terminalSafe } from "./output/terminal.js";

/** Where a command talks to the world: injectable so tests drive the CLI in-process. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** progress bars only on a terminal */
  isTTY: boolean;
  /** colour only on a terminal and without NO_COLOR */
  color: boolean;
  /** aborted on Ctrl-C, SIGTERM or SIGHUP (reason: the signal's name): stop taking new rows, let requests in flight finish */
  signal: AbortSignal;
  /** milliseconds since the epoch */
  now: () => number;
  /** the language everything said is in: --lang, else FINAN_BULK_LANG, else the locale (i18n/lang.ts) */
  lang: Lang;
}

/** What main() needs: an Io whose language it may still choose from --lang and the environment. */
export type IoInput = Omit<Io, "lang"> & { lang?: Lang | undefined };

export function processIo(signal: AbortSignal): Io {
  const isTTY = Boolean(process.stderr.isTTY);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    isTTY,
    color: isTTY && process.env.NO_COLOR === undefined,
    signal,
    now: Date.now,
    lang: langFromEnv(process.env),
  };
}

/** Every line the tool prints passes here: control characters from files or servers are shown, not run. */
export function writeLine(stream: Writable, text: Text = "" as Text): void {
  stream.write(`${terminalSafe(text)}\n`);
}

const guarded = new WeakSet<Writable>();

/**
 * A reader that went away (`finan-bulk export … --json | true`, `| head`) is no failure of the
 * run: EPIPE is ignored instead of crashing with a stack trace. Other write errors get one line.
 */
export function guardOutput(io: Pick<Io, "stdout" | "stderr">, lang: Lang = "en"): void {
  for (const [stream, name] of [[io.stdout, msg("output.stream.stdout")], [io.stderr, msg("output.stream.stderr")]] as const) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED" || stream === io.stderr) return;
      io.stderr.write(`${t(lang, "output.cannotWrite", { stream: name, reason: error.code ?? error.message })}\n`);
    });
  }
}
