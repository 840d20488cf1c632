// --json is what cron logs keep: exactly one object on stdout, however the run ends.
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { main } from "../../src/cli.js";
import { describe, expect, it } from "vitest";
import { personal } from "../helpers/sandbox.js";
import { runCli, tempDir, spawnCli, harnessThisTest } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";

/** A sandbox holding `count` customers; `interruptOn` presses Ctrl-C when a request matches. */
async function sandboxWith(count: number, interruptOn?: (method: string, path: string) => boolean) {
  const interrupt = new AbortController();
  const h = await harnessThisTest({ latencyMs: 2, onRequest: (entry) => interruptOn?.(entry.method, entry.path) && interrupt.abort() });
  h.seed(Array.from({ length: count }, (_, i) => personal(`KH${String(i + 1).padStart(5, "0")}`)));
  return { h, signal: interrupt.signal };
}

/** stdout holds exactly one line, a JSON object: that object. */
function theOneObject(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line !== "");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe("--json", () => {
  it("prints the failure as one object when the run cannot start (exit 2), with the reason and no secret", async () => {
    const run = await runCli(["export", "out.csv", "--json"], { env: { FINAN_SECRET_KEY: "top-secret-value" } });
    expect(run.code).toBe(2);
    expect(theOneObject(run.stdout)).toEqual({
      command: "export",
      ok: false,
      exitCode: 2,
      reason: "No client id: FINAN_CLIENT_ID is not set in the environment.",
      error: { code: "E_CREDENTIALS_MISSING", message: "No client id: FINAN_CLIENT_ID is not set in the environment.", hint: expect.stringContaining("FINAN_CLIENT_ID") },
    });
    expect(run.stdout + run.stderr).not.toContain("top-secret-value");
  });

  it("prints a usage error as one object too", async () => {
    const run = await runCli(["import", "in.csv", "--bogus", "--json"]);
    expect(run.code).toBe(2);
    expect(theOneObject(run.stdout)).toMatchObject({ command: "import", ok: false, exitCode: 2, error: { code: "E_USAGE", message: "unknown option --bogus", hint: "See its options with: finan-bulk import --help" } });
  });

  it("export interrupted (exit 130): one object with ok false and the reason", async () => {
    const { h, signal } = await sandboxWith(50, (method, path) => method === "GET" && /customers\/[^/?]+$/.test(path));
    const run = await h.run(["export", "out.csv", "--json", "--rate", "0"], { signal });
    expect(run.code).toBe(130);
    expect(theOneObject(run.stdout)).toMatchObject({ command: "export", ok: false, exitCode: 130, reason: expect.stringMatching(/^Interrupted while fetching customers/), error: { code: "E_INTERRUPTED" } });
  });

  it("import interrupted (exit 130): the summary says ok false, the exit code and why", async () => {
    const { h, signal } = await sandboxWith(0, (method) => method === "POST");
    const input = await writeCustomersCsv(h.dir, "in.csv", Array.from({ length: 30 }, (_, i) => customerRow(i + 1)));
    const run = await h.run(["import", input, "--json", "--rate", "0", "--concurrency", "1"], { signal });
    expect(run.code).toBe(130);
    expect(theOneObject(run.stdout)).toMatchObject({ command: "import", rows: 30, stopped: "interrupted", ok: false, exitCode: 130, reason: "Interrupted (Ctrl-C)." });
  });

  it("import stopped by a 401 midway (exit 2): the reason is why it stopped", async () => {
    const http = createServer((req, res) => {
      const rejected = req.method === "POST";
      res.writeHead(rejected ? 401 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify(rejected ? { code: 104001, message: { content: "Lỗi", error: "invalid signature" } } : { code: 102000, data: [] }));
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const dir = await tempDir();
    try {
      const input = await writeCustomersCsv(dir.path, "in.csv", [customerRow(1), customerRow(2)]);
      const env = { FINAN_BASE_URL: `http://127.0.0.1:${(http.address() as AddressInfo).port}/open`, FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s" };
      const run = await runCli(["import", input, "--json", "--rate", "0", "--concurrency", "1"], { env });
      expect(run.code).toBe(2);
      expect(theOneObject(run.stdout)).toMatchObject({ command: "import", stopped: "auth", ok: false, exitCode: 2, reason: "The server rejected the credentials (HTTP 401, invalid signature) at row 2. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY (and this machine's clock)." });
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await dir.cleanup();
    }
  });

  it("says ok and the exit code for runs that end normally: 0 all valid, 1 some invalid", async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir.path, "good.csv"), "Customer code,Name,Type\nKH1,An,personal\n");
      await writeFile(join(dir.path, "bad.csv"), "Customer code,Name,Type\nKH1,An,personal\nKH2,,personal\n");
      const good = await runCli(["validate", "good.csv", "--json"], { cwd: dir.path });
      expect([good.code, theOneObject(good.stdout)]).toEqual([0, expect.objectContaining({ command: "validate", ok: true, exitCode: 0 })]);
      expect(theOneObject(good.stdout)).not.toHaveProperty("reason");
      const bad = await runCli(["validate", "bad.csv", "--json"], { cwd: dir.path });
      expect([bad.code, theOneObject(bad.stdout)]).toEqual([1, expect.objectContaining({ ok: false, exitCode: 1, counts: { valid: 1, invalid: 1 }, reason: "Some rows are invalid or failed: the report says why, row by row." })]);
    } finally {
      await dir.cleanup();
    }
  });
});

describe("a closed stdout", () => {
  it("a stdout that fails otherwise (a full disk under > out.json) gets one line on stderr, not a crash", async () => {
    const stdout = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })) });
    const stderr = new PassThrough();
    let said = "";
    stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const io = { stdout, stderr, env: {}, cwd: process.cwd(), isTTY: false, color: false, signal: new AbortController().signal, now: Date.now };
    const code = await main(["export", "out.csv", "--json"], io);
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(2);
    expect(said).toContain("finan-bulk: cannot write to standard output (ENOSPC).");
  });

  // needs a real pipe whose reader is gone: a child process of the built CLI
  it("export --json | true: the file is written, EPIPE is ignored, exit 0 and no stack trace", async () => {
    const { h } = await sandboxWith(3);
    const child = spawnCli(["export", join(h.dir, "out.csv"), "--json", "--rate", "0"], { FINAN_BASE_URL: h.sandbox.url, FINAN_CLIENT_ID: h.sandbox.clientId, FINAN_SECRET_KEY: h.sandbox.secretKey });
    child.process.stdout?.destroy();
    const exit = await child.exit;
    expect(exit.stderr).toBe("");
    expect(exit.code).toBe(0);
    expect((await readFile(join(h.dir, "out.csv"), "utf8")).trim().split("\n")).toHaveLength(4);
  });
});

describe("--json when Ctrl-C is pressed twice (the process exits at once)", () => {
  it("still prints one object, with exit 130 and why", async () => {
    let child: ReturnType<typeof spawnCli> | undefined;
    let pressed = false;
    // twice while the next fetch is still in flight (300 ms each): the second press ends the process
    const h = await harnessThisTest({
      latencyMs: 300,
      onRequest: (entry) => {
        if (pressed || !/customers\/[^/?]+$/.test(entry.path)) return;
        pressed = true;
        // the fetch now in flight is held 2 s, not 300 ms: on a busy machine the second press still lands while it waits
        h.sandbox.setFaults({ latencyMs: 2000 });
        child?.process.kill("SIGINT");
        setTimeout(() => child?.process.kill("SIGINT"), 50);
      },
    });
    h.seed(Array.from({ length: 20 }, (_, i) => personal(`KH${i + 1}`)));
    child = spawnCli(["export", join(h.dir, "out.csv"), "--json", "--rate", "0", "--concurrency", "1"], { FINAN_BASE_URL: h.sandbox.url, FINAN_CLIENT_ID: h.sandbox.clientId, FINAN_SECRET_KEY: h.sandbox.secretKey });
    const exit = await child.exit;
    expect(exit.code).toBe(130);
    expect(theOneObject(exit.stdout)).toMatchObject({ command: "export", ok: false, exitCode: 130, error: { code: "E_INTERRUPTED", message: "Stopped at once, before the run could finish: run the same command again to continue." } });
  });
});
