// Drives the whole CLI in-process against a sandbox: an Io with captured streams and the sandbox's credentials.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/io.js";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/server.js";
import type { CustomerPayload } from "../../src/customers/types.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  isTTY?: boolean;
  env?: Record<string, string>;
  /** Ctrl-C */
  signal?: AbortSignal;
}

export interface Harness {
  sandbox: Sandbox;
  dir: string;
  run(argv: string[], options?: RunOptions): Promise<CliRun>;
  seed(payloads: CustomerPayload[]): string[];
  close(): Promise<void>;
}

/** A sandbox on a free loopback port and a temp folder; `run` is `finan-bulk` with the sandbox's credentials. */
export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-test-export-"));
  return {
    sandbox,
    dir,
    async run(argv, runOptions = {}) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      stdout.on("data", (chunk: Buffer) => out.push(chunk));
      stderr.on("data", (chunk: Buffer) => err.push(chunk));
      const io: Io = {
        stdout,
        stderr,
        env: { FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey, ...runOptions.env },
        cwd: dir,
        isTTY: runOptions.isTTY ?? false,
        color: false,
        signal: runOptions.signal ?? new AbortController().signal,
        now: Date.now,
      };
      const code = await main(argv, io);
      return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
    },
    seed(payloads) {
      const now = new Date().toISOString();
      return payloads.map((payload) => sandbox.store.insert(payload, now).customer_id);
    },
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
