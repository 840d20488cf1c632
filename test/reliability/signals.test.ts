// SIGTERM (cron's timeout, systemd, `timeout`) and SIGHUP (a closed terminal) stop a run as Ctrl-C
// does: in-flight requests finish, the report is written, exit 128 + the signal's number; an
// export's temp folder (every customer's data) never outlives the run.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, waitFor, setup } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";
import { envelope, faultyServer, readReport } from "./harness.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const spoolFolders = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith("finan-bulk-export-"));

/** 300 customers behind a slow sandbox, and a TMPDIR of the test's own for the export's spool. */
async function exportSetup(register: Register) {
  const { sandbox, dir, env } = await setup({ latencyMs: 10 }, register);
  for (let i = 1; i <= 300; i++) sandbox.store.insert({ general_info: { customer_code: `KH${i}`, name: `Khách ${i}`, type: "personal" } }, new Date(0).toISOString());
  const tmp = join(dir, "tmp");
  await mkdir(tmp);
  return { dir, env, tmp };
}

/** An export child process, once its spool folder exists (it is listing or fetching). */
async function exportUnderway(dir: string, tmp: string, env: Record<string, string>, name: string) {
  const child = spawnCli(["export", join(dir, name), "--rate", "0", "--concurrency", "2"], { ...env, TMPDIR: tmp });
  await waitFor(() => spoolFolders(tmp).length > 0);
  return child;
}

// Each test waits on its own child and sandbox, stopped at a count of rows or a file: they run side by side, but
// the exports one by one (a busy machine can let an export finish between its spool folder showing and the signal).
describe("stop signals", () => {
  it.concurrent.for([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("import stopped by %s: in-flight rows finish, the report is written, exit %i; the same command then continues", { timeout: 60_000 }, async ([signal, code], { onTestFinished }) => {
    const { sandbox, dir, env } = await setup({ latencyMs: 10 }, onTestFinished);
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 150 }, (_, i) => customerRow(i + 1)));
    const child = spawnCli(["import", input, ...fast], env);
    await waitFor(() => sandbox.store.count() >= 20);
    child.process.kill(signal);
    const stopped = await child.exit;
    expect(stopped.code).toBe(code);
    expect(stopped.stderr).toMatch(/run the same command again/);
    const rows = await readReport(join(dir, "in.report.csv"));
    expect(rows).toHaveLength(150);
    const created = rows.filter((row) => row.status === "created").length;
    expect(created).toBe(sandbox.store.count());
    expect(rows.filter((row) => row.message?.startsWith("not attempted")).length).toBe(150 - created);
    // the next run is not stopped: in-process
    const again = await runCli(["import", input, ...fast], { env });
    expect(again.code).toBe(0);
    expect(sandbox.store.count()).toBe(150);
  });

  it.concurrent("import stopped by SIGHUP after its terminal went away: the report is still written, exit 129", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({ latencyMs: 10 }, onTestFinished);
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 200 }, (_, i) => customerRow(i + 1)));
    const child = spawnCli(["import", input, "--debug", ...fast], env);
    await waitFor(() => sandbox.store.count() >= 20);
    child.process.stderr?.destroy(); // every message from now on meets a closed pipe
    child.process.kill("SIGHUP");
    expect((await child.exit).code).toBe(129);
    const rows = await readReport(join(dir, "in.report.csv"));
    expect(rows).toHaveLength(200);
    expect(rows.filter((row) => row.status === "created").length).toBe(sandbox.store.count());
  });

  it.concurrent("undo stopped by SIGTERM: exit 143 with its report written", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({ latencyMs: 10 }, onTestFinished);
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 120 }, (_, i) => customerRow(i + 1)));
    expect((await runCli(["import", input, "--rate", "0", "--concurrency", "16"], { env })).code).toBe(0);
    const child = spawnCli(["undo", join(dir, "in.report.csv"), ...fast], env);
    await waitFor(() => sandbox.store.count() <= 100);
    child.process.kill("SIGTERM");
    expect((await child.exit).code).toBe(143);
    const rows = await readReport(join(dir, "in.report.undo.csv"));
    expect(rows).toHaveLength(120);
    expect(rows.filter((row) => row.status === "deleted").length).toBe(120 - sandbox.store.count());
  });

  it.concurrent("validate stopped by SIGTERM: exit 143, the report holds the rows checked so far", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { dir } = await setup({}, onTestFinished);
    const lines = ["Customer code,Name,Type,Phone,Email"];
    for (let i = 0; i < 40_000; i++) lines.push(`KH${i},Nguyễn Văn ${i},personal,0933456789,k${i}@example.vn`);
    const input = join(dir, "in.csv");
    await writeFile(input, `${lines.join("\r\n")}\r\n`);
    const child = spawnCli(["validate", input], {});
    // the report's temp file appears once rows are being checked
    await waitFor(() => readdirSync(dir).some((name) => name.startsWith("in.check.csv.tmp-")));
    child.process.kill("SIGTERM");
    const stopped = await child.exit;
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toMatch(/Interrupted/);
    const rows = parseCsv(await readFile(join(dir, "in.check.csv"), "utf8"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40_000);
    // no temp file left; the report and its fingerprint (what the tool wrote, so it may replace it next time)
    expect((await readdir(dir)).sort()).toEqual([".in.check.csv.fingerprint", "in.check.csv", "in.csv"]);
  });

  it("export stopped by SIGTERM: exit 143, no file, and its temp folder is gone", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { dir, env, tmp } = await exportSetup(onTestFinished);
    const child = await exportUnderway(dir, tmp, env, "out.xlsx");
    child.process.kill("SIGTERM");
    const stopped = await child.exit;
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toMatch(/Interrupted while/);
    expect(spoolFolders(tmp)).toEqual([]);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(["tmp"]);
  });

  it("export stopped by two SIGTERMs exits at once, 143, and still removes its temp folder", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { dir, env, tmp } = await exportSetup(onTestFinished);
    const child = await exportUnderway(dir, tmp, env, "out.xlsx");
    child.process.kill("SIGTERM");
    child.process.kill("SIGTERM");
    expect((await child.exit).code).toBe(143);
    expect(spoolFolders(tmp)).toEqual([]);
    // no lock left; an export stopped after it claimed its file may leave the claim (a "writing" sidecar), which the next run reads as its own
    expect((await readdir(dir)).filter((name) => name !== ".out.xlsx.fingerprint").sort()).toEqual(["tmp"]);
  });

  it("an export killed outright leaves its temp folder, and the next export removes it", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { dir, env, tmp } = await exportSetup(onTestFinished);
    const killed = await exportUnderway(dir, tmp, env, "out.csv");
    killed.process.kill("SIGKILL");
    await killed.exit;
    expect(spoolFolders(tmp)).toHaveLength(1);
    const next = await spawnCli(["export", join(dir, "out.csv"), "--summary", "--rate", "0"], { ...env, TMPDIR: tmp }).exit;
    expect(next.code).toBe(0);
    expect(spoolFolders(tmp)).toEqual([]);
  });
});

describe("Ctrl-C while the opening listing waits out a Retry-After", () => {
  it("exits 130 with every row reported not attempted, not 2", async () => {
    const { sandbox, dir, env } = await setup();
    const server = await faultyServer(sandbox, (exchange) =>
      exchange.method === "GET"
        ? { kind: "reply", status: 429, body: envelope(429, 429, null, "too many requests"), headers: { "content-type": "application/json", "retry-after": "60" } }
        : { kind: "forward" },
    );
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 3 }, (_, i) => customerRow(i + 1)));
    const interrupt = new AbortController();
    const running = runCli(["import", input, ...fast], { env: { ...env, FINAN_BASE_URL: server.url }, signal: interrupt.signal });
    await waitFor(() => server.exchanges.length > 0);
    interrupt.abort();
    const run = await running;
    expect(run.code).toBe(130);
    const rows = await readReport(join(dir, "in.report.csv"));
    expect(rows.map((row) => row.message)).toEqual(Array(3).fill("not attempted: the run was interrupted; run the same command again to continue"));
  });
});
