// The one CLI harness: `finan-bulk` run in-process (`runCli`, `setup`, `harness`) or as a real process
// (`spawnCli`, `measuredCli`) that a test can kill, against a sandbox on a free loopback port.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { main } from "../../src/cli.js";
import type { CustomerPayload } from "../../src/customers/types.js";
import type { IoInput } from "../../src/io.js";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/server.js";

/** Faults a test turns on (failRate) are drawn from this seed, not Math.random: the same run every time. */
export const SANDBOX_SEED = 1;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Ctrl-C */
  signal?: AbortSignal;
  isTTY?: boolean;
}

/** Runs the whole CLI in-process, as a user would from a shell, and captures what it prints. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const io: IoInput = {
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
  // joined before decoding: a character split across two chunks stays whole
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

/** Environment that points the CLI at a sandbox. */
export function sandboxEnv(sandbox: { url: string; clientId: string; secretKey: string }): Record<string, string> {
  return { FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
}

/** A temp folder; the caller removes it with `cleanup`. */
export async function tempDir(prefix = "finan-bulk-"): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** Where a test's cleanups go: the file's afterEach, or a concurrent test's own onTestFinished. */
export type Register = (cleanup: () => Promise<void>) => void;
export const afterThisTest: Register = (cleanup) => cleanups.push(cleanup);

/** A sandbox on a free loopback port and a temp folder, both removed after the test; `env` points the CLI at the sandbox. */
export async function setup(options: SandboxOptions = {}, register: Register = afterThisTest) {
  const sandbox = await startSandbox({ port: 0, seed: SANDBOX_SEED, ...options });
  const dir = await tempDir();
  register(() => dir.cleanup());
  register(() => sandbox.close());
  return { sandbox, dir: dir.path, env: sandboxEnv(sandbox) };
}

export interface Harness {
  sandbox: Sandbox;
  dir: string;
  /** `finan-bulk argv` in `dir`, with the sandbox's credentials */
  run(argv: string[], options?: Omit<RunOptions, "cwd">): Promise<CliRun>;
  /** stores customers on the sandbox directly; returns their customer_ids */
  seed(payloads: CustomerPayload[]): string[];
  close(): Promise<void>;
}

/** `setup` for a test that closes what it opened itself (or shares one sandbox across tests). */
export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, seed: SANDBOX_SEED, ...options });
  const dir = await tempDir();
  return {
    sandbox,
    dir: dir.path,
    run: (argv, runOptions = {}) => runCli(argv, { ...runOptions, cwd: dir.path, env: { ...sandboxEnv(sandbox), ...runOptions.env } }),
    seed(payloads) {
      const now = new Date().toISOString();
      return payloads.map((payload) => sandbox.store.insert(payload, now).customer_id);
    },
    async close() {
      await sandbox.close();
      await dir.cleanup();
    },
  };
}

/** `harness`, closed after the test (the file's afterEach, or the `register` given). */
export async function harnessThisTest(options: SandboxOptions = {}, register: Register = afterThisTest): Promise<Harness> {
  const h = await harness(options);
  register(() => h.close());
  return h;
}

/** The built CLI (npm test builds it first): a real process, so tests can kill it. */
export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Child {
  process: ChildProcess;
  exit: Promise<Exit>;
}

function start(args: string[], env: Record<string, string>, cwd: string | undefined): Child {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does it)`);
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", ...env }, cwd, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
  return { process: child, exit };
}

/** The built CLI in a child process, with only PATH and `env` in its environment. */
export function spawnCli(argv: string[], env: Record<string, string>, cwd?: string): Child {
  return start([BIN, ...argv], env, cwd);
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** peak resident memory of the CLI process */
  peakRssMB: number;
}

/** Runs the built CLI in a child process and measures its peak memory (resourceUsage().maxRSS). */
export async function measuredCli(argv: string[], env: Record<string, string>, cwd?: string): Promise<MeasuredRun> {
  const script = `
    const { main } = await import(${JSON.stringify(new URL("cli.js", `file://${BIN}`).href)});
    const code = await main(JSON.parse(process.argv[1]));
    process.stderr.write("\\n@@measure " + JSON.stringify({ code, peakKB: process.resourceUsage().maxRSS }) + "\\n");
    process.exitCode = code;`;
  const { code, stdout, stderr } = await start(["--input-type=module", "-e", script, JSON.stringify(argv)], env, cwd).exit;
  const at = stderr.lastIndexOf("\n@@measure ");
  if (at < 0) throw new Error(`the CLI died without measuring (exit ${code}): ${stderr.slice(-2000)}`);
  const measure = JSON.parse(stderr.slice(at + 11)) as { peakKB: number };
  return { code, stdout, stderr: stderr.slice(0, at), peakRssMB: Math.round(measure.peakKB / 1024) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; fails after `timeoutMs`, a guard against a hang. */
export async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting for a condition");
    await sleep(10);
  }
}
