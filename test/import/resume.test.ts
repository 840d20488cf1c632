import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/server.js";
import { runCli, setup, spawnCli, waitFor } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

async function setupRows(rows: number, options: SandboxOptions, register: Register) {
  const { sandbox, dir, env } = await setup(options, register);
  const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: rows }, (_, i) => customerRow(i + 1)));
  return { sandbox, env, input, reportPath: `${dir}/in.report.csv` };
}

function expectCleanResult(sandbox: Sandbox, rows: Record<string, string>[], count: number) {
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  expect(codes).toHaveLength(count);
  expect(new Set(codes).size).toBe(count);
  expect(rows).toHaveLength(count);
  expect(rows.filter((r) => r.status !== "created")).toEqual([]);
  for (const row of rows) expect(row.customer_id).toBe(sandbox.store.byCode(row["Customer code"]!)?.customer_id);
}

const args = ["--rate", "0", "--concurrency", "4", "--retries", "8"];

// Each test waits on its own child and sandbox, and a kill point is a count of rows, not a time: they run side by side.
// Runs that nobody interrupts run in-process.
describe("import: interrupted runs", () => {
  it.concurrent("resumes after SIGKILL at seeded points and ends as a clean run would, creating nothing twice", { timeout: 120_000 }, async ({ onTestFinished }) => {
    const { sandbox, env, input, reportPath } = await setupRows(400, { latencyMs: 8, failRate: 0.1, seed: 11 }, onTestFinished);
    const random = seededRandom(5);
    let kills = 0;
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const child = spawnCli(["import", input, ...args], env);
      if (kills < 4) {
        const target = sandbox.store.count() + 40 + Math.floor(random() * 40);
        await Promise.race([waitFor(() => sandbox.store.count() >= target), child.exit]);
        if (child.process.exitCode === null) {
          child.process.kill("SIGKILL");
          kills += 1;
        }
      }
      const result = await child.exit;
      if (result.code === 0) break;
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    expectCleanResult(sandbox, parseCsv(await readFile(reportPath, "utf8")), 400);
  });

  it.concurrent("Ctrl-C stops taking rows, finishes what is in flight, writes the report and exits 130; the same command then continues", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, env, input, reportPath } = await setupRows(300, { latencyMs: 10 }, onTestFinished);
    const child = spawnCli(["import", input, ...args], env);
    await waitFor(() => sandbox.store.count() >= 30);
    child.process.kill("SIGINT");
    const interrupted = await child.exit;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/run the same command again/);
    const partial = parseCsv(await readFile(reportPath, "utf8"));
    expect(partial).toHaveLength(300);
    const created = partial.filter((r) => r.status === "created").length;
    expect(created).toBe(sandbox.store.count());
    expect(partial.filter((r) => (r.message ?? "").startsWith("not attempted")).length).toBe(300 - created);

    // another --mode into the same report would set the unfinished run aside: refused, nothing touched
    const journal = await readFile(`${reportPath}.journal`, "utf8");
    const other = await runCli(["import", input, "--mode", "create", ...args], { env });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`belongs to an unfinished run (import ${input} --mode upsert`);
    expect(other.stderr).toContain("with --mode upsert");
    expect(parseCsv(await readFile(reportPath, "utf8"))).toEqual(partial);
    expect(await readFile(`${reportPath}.journal`, "utf8")).toBe(journal);
    expect(sandbox.store.count()).toBe(created);

    const rerun = await runCli(["import", input, ...args], { env });
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/Resumed/);
    expectCleanResult(sandbox, parseCsv(await readFile(reportPath, "utf8")), 300);
  });

  it.concurrent("a row done before Ctrl-C and edited in the file since is reported as such on resume, then sent by the next run", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, env, input, reportPath } = await setupRows(200, { latencyMs: 10 }, onTestFinished);
    const child = spawnCli(["import", input, ...args], env);
    await waitFor(() => sandbox.store.count() >= 20);
    child.process.kill("SIGINT");
    expect((await child.exit).code).toBe(130);
    expect(sandbox.store.byCode("KH00001")).toBeDefined();
    await writeFile(input, (await readFile(input, "utf8")).replace("Nguyễn Thị Hồng 1,", "Nguyễn Thị Hồng Một,"));
    const resumed = await runCli(["import", input, ...args], { env });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("1 row done before the interruption has changed in the file since");
    const [first] = parseCsv(await readFile(reportPath, "utf8"));
    expect(first).toMatchObject({ Name: "Nguyễn Thị Hồng Một", status: "created" });
    expect(first?.message).toContain("the row has changed in the file since, and this run did not send the change");
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Thị Hồng 1");
    expect((await runCli(["import", input, ...args], { env })).code).toBe(0);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Thị Hồng Một");
  });

  it.concurrent("a second Ctrl-C exits at once, and the journal still lets the run continue", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, env, input, reportPath } = await setupRows(300, { latencyMs: 30 }, onTestFinished);
    const child = spawnCli(["import", input, ...args], env);
    await waitFor(() => sandbox.store.count() >= 10);
    child.process.kill("SIGINT");
    child.process.kill("SIGINT");
    expect((await child.exit).code).toBe(130);
    const rerun = await runCli(["import", input, ...args], { env });
    expect(rerun.code).toBe(0);
    expectCleanResult(sandbox, parseCsv(await readFile(reportPath, "utf8")), 300);
  });

  it.concurrent("a finished run closes its journal: the same command again is a new run (rows become replaced)", { timeout: 30_000 }, async ({ onTestFinished }) => {
    const { env, input, reportPath } = await setupRows(20, {}, onTestFinished);
    expect((await runCli(["import", input, ...args], { env })).code).toBe(0);
    const again = await runCli(["import", input, ...args], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/Resumed/);
    expect(parseCsv(await readFile(reportPath, "utf8")).every((r) => r.status === "replaced")).toBe(true);
  });
});
