import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox } from "../../src/sandbox/server.js";
import { runCli, sandboxEnv, spawnCli, waitFor, setup } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { HEADER, customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";
import { expectEachCodeOnce, faultyServer } from "./harness.js";
import type { Behaviour } from "./harness.js";

// The issue asks for 5,000 rows: that takes ~140 s on a 2-core machine (each kill costs a restart and a re-listing),
// so the suite runs 300 by default: each kill still lands mid-run, after 5–20% of the rows' requests.
// CRASH_ROWS=5000 npx vitest run test/reliability/crash.test.ts for the full size.
const ROWS = Number(process.env.CRASH_ROWS ?? 300);
const KILLS = 5;
const args = ["--rate", "0", "--concurrency", "8", "--retries", "10"];
const EXISTING = 40;

/** Every 250th row invalid, one repeated code, and the first 40 codes already on the server (replaced). */
function inputRows(): string[][] {
  return Array.from({ length: ROWS }, (_, i) => {
    if (i === Math.floor(ROWS / 2)) return customerRow(1);
    if (i % 250 === 249) return customerRow(i + 1, { Email: "not-an-email" });
    return customerRow(i + 1);
  });
}

function seedExisting(sandbox: Sandbox): void {
  for (let i = 1; i <= EXISTING; i += 1) {
    sandbox.store.insert({ general_info: { name: `Bản gốc ${i}`, customer_code: `KH${String(i).padStart(5, "0")}`, type: "personal", tax_id: "0309999999" }, address: { province: "Huế" } }, new Date().toISOString());
  }
}

function expectAsBeforeTheImport(sandbox: Sandbox): void {
  expect(sandbox.store.count()).toBe(EXISTING);
  for (const customer of sandbox.store.list()) {
    expect(customer.general_info).toMatchObject({ name: expect.stringMatching(/^Bản gốc/), tax_id: "0309999999" });
    expect(customer.address).toEqual({ province: "Huế" });
  }
}

/** What a row of a report must equal between a clean run and an interrupted one. */
const comparable = (rows: Record<string, string>[]) => rows.map((r) => [...HEADER.map((h) => r[h]), r.row, r.status].join("|"));

/**
 * Runs `argv` in a child process, SIGKILLs it `kills` times at seeded points of its progress
 * (counted in requests the sandbox saw), and runs it again each time until a run ends by itself.
 */
async function killUntilDone(argv: string[], env: Record<string, string>, sandbox: Sandbox, kills: number, seed: number) {
  const random = seededRandom(seed);
  let landed = 0;
  for (let run = 0; run < kills + 10; run += 1) {
    const child = spawnCli(argv, env);
    if (landed < kills) {
      // between 5% and 20% of the rows' worth of requests after the start of this run: all land before the end
      const target = sandbox.stats.requests + Math.round(ROWS * (0.05 + random() * 0.15));
      await Promise.race([waitFor(() => sandbox.stats.requests >= target, 60_000), child.exit]);
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill("SIGKILL");
        landed += 1;
      }
    }
    const result = await child.exit;
    if (result.signal === null) return { landed, last: result };
  }
  throw new Error("the command never finished");
}

// Every test here waits on child processes, not on the CPU: the whole file runs side by side.
describe(`SIGKILL at seeded points of a ${ROWS.toLocaleString("en")}-row import, then of its undo, at --fail-rate 0.1`, () => {
  it.concurrent(`import killed ${KILLS} times, re-run until done: each valid code held once, the report equals a clean run's; undo the same: the server as before`, { timeout: 60_000 + ROWS * 60 }, async ({ onTestFinished }) => {
    const { sandbox, dir } = await setup({ failRate: 0.1, seed: 42 }, onTestFinished);
    const clean = await startSandbox({ port: 0 });
    onTestFinished(() => clean.close());
    seedExisting(sandbox);
    seedExisting(clean);
    const input = await writeCustomersCsv(dir, "in.csv", inputRows());
    const report = join(dir, "in.report.csv");
    const cleanReport = join(dir, "clean.report.csv");

    // The clean run (same file, same starting state, no faults) runs here while the killed runs wait on their children.
    // a copy of the file: one input is locked by one run at a time
    const cleanImport = runCli(["import", await writeCustomersCsv(dir, "clean.csv", inputRows()), "--report", cleanReport, ...args], { env: sandboxEnv(clean) });
    const imported = await killUntilDone(["import", input, ...args], sandboxEnv(sandbox), sandbox, KILLS, 7);
    expect(imported.landed).toBe(KILLS);
    expect(imported.last.code).toBe(1);
    expect(imported.last.stderr).toMatch(/Resumed an interrupted run/);
    expect((await cleanImport).code).toBe(1);

    const rows = parseCsv(await readFile(report, "utf8"));
    const cleanRows = parseCsv(await readFile(cleanReport, "utf8"));
    expect(comparable(rows)).toEqual(comparable(cleanRows));
    const valid = cleanRows.filter((r) => r.status === "created" || r.status === "replaced").length;
    expect(valid).toBe(ROWS - Math.floor(ROWS / 250) - 1);
    expect(expectEachCodeOnce(sandbox)).toBe(valid);
    for (const row of rows) if (row.status === "created" || row.status === "replaced") expect(row.customer_id).toBe(sandbox.store.byCode(row["Customer code"]!)?.customer_id);

    const cleanUndo = runCli(["undo", cleanReport, ...args], { env: sandboxEnv(clean) });
    const undone = await killUntilDone(["undo", report, ...args], sandboxEnv(sandbox), sandbox, KILLS, 8);
    expect(undone.landed).toBe(KILLS);
    expect(undone.last.code).toBe(0);
    expect((await cleanUndo).code).toBe(0);
    expectAsBeforeTheImport(sandbox);
    expectAsBeforeTheImport(clean);

    const undoRows = parseCsv(await readFile(join(dir, "in.report.undo.csv"), "utf8"));
    const cleanUndoRows = parseCsv(await readFile(join(dir, "clean.report.undo.csv"), "utf8"));
    expect(undoRows).toHaveLength(ROWS);
    // Equal to the clean undo's report, except a known failure (pinned below): a DELETE or a restoring
    // PUT applied just before a kill is reported "skipped" by the next run, which finds it done.
    expect(undoRows.map((r) => `${r.row}|${r.status}`)).toEqual(cleanUndoRows.map((r) => `${r.row}|${r.status}`));
  });

  // The exact window between a write applied and its answer, made on purpose.
  /** Runs `argv` through a server that applies the first matching write and then never answers; kills the CLI there. */
  async function killAfterApply(argv: (url: string) => string[], sandbox: Sandbox, env: Record<string, string>, method: string, applied: () => boolean, register: Register) {
    let held = false;
    const server = await faultyServer(sandbox, (e): Behaviour => {
      if (e.method !== method || held) return { kind: "forward" };
      held = true;
      return { kind: "apply-then-stall" };
    }, {}, register);
    const child = spawnCli(argv(server.url), { ...env, FINAN_BASE_URL: server.url });
    await Promise.race([waitFor(() => held && applied(), 20_000), child.exit]);
    expect(child.process.exitCode).toBeNull();
    child.process.kill("SIGKILL");
    await child.exit;
  }

  it.concurrent.for([
    ["a create", "POST", "created"],
    ["a replace", "PUT", "replaced"],
  ])("import killed after %s (%s) was applied: the next run reports it %s, as a clean run would, and sends nothing twice", { timeout: 30_000 }, async ([, method, status], { onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    if (method === "PUT") seedExisting(sandbox);
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2), customerRow(3)]);
    const count = sandbox.store.count();
    const changed = () => (method === "POST" ? sandbox.store.count() > count : sandbox.store.byCode("KH00001")?.general_info.name === "Nguyễn Thị Hồng 1");
    await killAfterApply(() => ["import", input, "--rate", "0", "--concurrency", "1"], sandbox, env, method!, changed, onTestFinished);
    // the run after the kill is not killed: in-process, as a user's next command
    const rerun = await runCli(["import", input, "--rate", "0", "--concurrency", "1"], { env });
    expect(rerun.code).toBe(0);
    const rows = parseCsv(await readFile(join(dir, "in.report.csv"), "utf8"));
    expect(rows.map((r) => r.status)).toEqual([status, status, status]);
    expect(expectEachCodeOnce(sandbox)).toBe(method === "POST" ? 3 : EXISTING);
  });

  // Undo journals an intent before each write, so after a kill in this window the next run knows the
  // work it finds done was its own (found by this suite: it reported such rows "skipped").
  it.concurrent.for([
    ["a DELETE", "DELETE", "deleted"],
    ["a restoring PUT", "PUT", "restored"],
  ])("undo killed after %s (%s) was applied: the next run reports that row %s, as a clean run would", { timeout: 30_000 }, async ([, method, status], { onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    if (method === "PUT") seedExisting(sandbox);
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2), customerRow(3)]);
    expect((await runCli(["import", input, "--rate", "0"], { env })).code).toBe(0);
    const report = join(dir, "in.report.csv");
    const applied = () => (method === "DELETE" ? sandbox.store.count() < 3 : sandbox.store.byCode("KH00001")?.general_info.name === "Bản gốc 1");
    await killAfterApply(() => ["undo", report, "--rate", "0", "--concurrency", "1"], sandbox, env, method!, applied, onTestFinished);
    const rerun = await runCli(["undo", report, "--rate", "0", "--concurrency", "1"], { env });
    expect(rerun.code).toBe(0);
    const rows = parseCsv(await readFile(join(dir, "in.report.undo.csv"), "utf8"));
    expect(rows.map((r) => r.status)).toEqual([status, status, status]);
  });
});
