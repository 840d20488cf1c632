import type { Writable } from "node:stream";

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
}

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
  };
}

export function writeLine(stream: Writable, text = ""): void {
  stream.write(`${text}\n`);
}
