import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the whole CLI in-process, as a user would from a shell, and captures what it prints. */
export async function runCli(argv: string[], options: { env?: Record<string, string | undefined>; cwd?: string; signal?: AbortSignal; isTTY?: boolean } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const io: Io = {
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    color: false,
    signal: options.signal ?? new AbortController().signal,
    now: Date.now,
  };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err };
}

/** Environment that points the CLI at a sandbox. */
export function sandboxEnv(sandbox: { url: string; clientId: string; secretKey: string }): Record<string, string> {
  return { FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
}

/** A temp folder removed after the test. */
export async function tempDir(prefix = "finan-bulk-"): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}
