import { readFile, writeFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox } from "../../src/sandbox/server.js";
import { sandboxEnv, tempDir, spawnCli, waitFor } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(rows: number, options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox({ port: 0, ...options });
  const dir = await tempDir();
  cleanups.push(() => sandbox.close(), dir.cleanup);
  const input = await writeCustomersCsv(dir.path, "in.csv", Array.from({ length: rows }, (_, i) => customerRow(i + 1)));
  return { sandbox, env: sandboxEnv(sandbox), input, reportPath: `${dir.path}/in.report.csv` };
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

describe("import: interrupted runs", () => {
  it("resumes after SIGKILL at seeded points and ends as a clean run would, creating nothing twice", async () => {
    const { sandbox, env, input, reportPath } = await setup(400, { latencyMs: 8, failRate: 0.1, seed: 11 });
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
  }, 120_000);

  it("Ctrl-C stops taking rows, finishes what is in flight, writes the report and exits 130; the same command then continues", async () => {
    const { sandbox, env, input, reportPath } = await setup(300, { latencyMs: 10 });
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
    const other = await spawnCli(["import", input, "--mode", "create", ...args], env).exit;
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`belongs to an unfinished run (import ${input} --mode upsert`);
    expect(other.stderr).toContain("with --mode upsert");
    expect(parseCsv(await readFile(reportPath, "utf8"))).toEqual(partial);
    expect(await readFile(`${reportPath}.journal`, "utf8")).toBe(journal);
    expect(sandbox.store.count()).toBe(created);

    const rerun = await spawnCli(["import", input, ...args], env).exit;
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/Resumed/);
    expectCleanResult(sandbox, parseCsv(await readFile(reportPath, "utf8")), 300);
  }, 60_000);

  it("a row done before Ctrl-C and edited in the file since is reported as such on resume, then sent by the next run", async () => {
    const { sandbox, env, input, reportPath } = await setup(200, { latencyMs: 10 });
    const child = spawnCli(["import", input, ...args], env);
    await waitFor(() => sandbox.store.count() >= 20);
    child.process.kill("SIGINT");
    expect((await child.exit).code).toBe(130);
    expect(sandbox.store.byCode("KH00001")).toBeDefined();
    await writeFile(input, (await readFile(input, "utf8")).replace("Nguyễn Thị Hồng 1,", "Nguyễn Thị Hồng Một,"));
    const resumed = await spawnCli(["import", input, ...args], env).exit;
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("1 row done before the interruption has changed in the file since");
    const [first] = parseCsv(await readFile(reportPath, "utf8"));
    expect(first).toMatchObject({ Name: "Nguyễn Thị Hồng Một", status: "created" });
    expect(first?.message).toContain("the row has changed in the file since, and this run did not send the change");
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Thị Hồng 1");
    expect((await spawnCli(["import", input, ...args], env).exit).code).toBe(0);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Thị Hồng Một");
  }, 60_000);

  it("a second Ctrl-C exits at once, and the journal still lets the run continue", async () => {
    const { sandbox, env, input, reportPath } = await setup(300, { latencyMs: 30 });
    const child = spawnCli(["import", input, ...args], env);
    await waitFor(() => sandbox.store.count() >= 10);
    child.process.kill("SIGINT");
    child.process.kill("SIGINT");
    expect((await child.exit).code).toBe(130);
    const rerun = await spawnCli(["import", input, ...args], env).exit;
    expect(rerun.code).toBe(0);
    expectCleanResult(sandbox, parseCsv(await readFile(reportPath, "utf8")), 300);
  }, 60_000);

  it("a finished run closes its journal: the same command again is a new run (rows become replaced)", async () => {
    const { env, input, reportPath } = await setup(20);
    expect((await spawnCli(["import", input, ...args], env).exit).code).toBe(0);
    const again = await spawnCli(["import", input, ...args], env).exit;
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/Resumed/);
    expect(parseCsv(await readFile(reportPath, "utf8")).every((r) => r.status === "replaced")).toBe(true);
  }, 30_000);
});
