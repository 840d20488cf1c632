import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "2"];
const rows = (count: number, from = 1) => Array.from({ length: count }, (_, i) => customerRow(from + i));

/** Resolves once `path` exists (the first run holds its lock), polling; a hang guard fails it. */
async function until(path: string): Promise<void> {
  for (let waited = 0; !existsSync(path); waited += 10) {
    if (waited > 20_000) throw new Error(`${path} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("one run at a time", () => {
  it("a second import of the same file while the first runs exits 2 at once, naming the other process; the first ends as a clean run", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 40 });
    const input = await writeCustomersCsv(dir, "in.csv", rows(40));
    const first = runCli(["import", input, ...fast], { env });
    await until(join(dir, "in.report.csv.lock"));
    const second = await runCli(["import", input, ...fast, "--report", join(dir, "other.csv")], { env });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`in use by finan-bulk import \\(pid ${process.pid}, since \\d{4}-`));
    expect(existsSync(join(dir, "other.csv"))).toBe(false);
    const third = await runCli(["import", input, ...fast], { env });
    expect(third.code).toBe(2);
    expect((await first).code).toBe(0);
    expect(parseCsv(await readFile(join(dir, "in.report.csv"), "utf8")).map((r) => r.status)).toEqual(Array(40).fill("created"));
    expect(sandbox.store.count()).toBe(40);
    expect(existsSync(join(dir, "in.report.csv.lock")) || existsSync(join(dir, "in.csv.lock"))).toBe(false);
  });

  it("an undo of a report while its import runs exits 2 at once and sends nothing; the import ends as a clean run", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 40 });
    const input = await writeCustomersCsv(dir, "in.csv", rows(40));
    const first = runCli(["import", input, ...fast], { env });
    await until(join(dir, "in.report.csv.lock"));
    const undo = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(undo.code).toBe(2);
    expect(undo.stderr).toMatch(/in use by finan-bulk import/);
    expect((await first).code).toBe(0);
    expect(sandbox.store.count()).toBe(40);
    expect(existsSync(join(dir, "in.report.undo.csv"))).toBe(false);
  });

  it("two different files into the same --report: the second exits 2 and the report is the first run's, whole", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 40 });
    const a = await writeCustomersCsv(dir, "a.csv", rows(30));
    const b = await writeCustomersCsv(dir, "b.csv", rows(30, 100));
    const report = join(dir, "shared.csv");
    const first = runCli(["import", a, "--report", report, ...fast], { env });
    await until(`${report}.lock`);
    const second = await runCli(["import", b, "--report", report, ...fast], { env });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/shared\.csv is in use by .*pid/);
    expect((await first).code).toBe(0);
    const lines = parseCsv(await readFile(report, "utf8"));
    expect(lines.map((r) => r["Customer code"])).toEqual(rows(30).map((r) => r[0]));
    expect(lines.every((r) => r.status === "created")).toBe(true);
    expect(sandbox.store.count()).toBe(30);
  });

  it("takes over a lock whose process is gone, and says so", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", rows(2));
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(join(dir, "in.report.csv.lock"), JSON.stringify({ pid: gone, host: hostname(), startedAt: "2026-01-02T03:04:05.000Z", command: "finan-bulk import" }));
    const run = await runCli(["import", input, ...fast], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`Took over .*in\\.report\\.csv\\.lock: the run that held it \\(pid ${gone}, since 2026-01-02T03:04:05.000Z\\) is no longer running`));
    expect(existsSync(join(dir, "in.report.csv.lock"))).toBe(false);
  });

  it("releases its locks when the run cannot proceed, so the next run is not refused", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", rows(2));
    const unreachable = await runCli(["import", input, ...fast, "--retries", "0"], { env: { ...env, FINAN_BASE_URL: "http://127.0.0.1:1/open" } });
    expect(unreachable.code).toBe(2);
    expect(existsSync(join(dir, "in.report.csv.lock")) || existsSync(join(dir, "in.csv.lock"))).toBe(false);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
  });

  it("releases its locks when interrupted (Ctrl-C): the same command then continues", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 40 });
    const input = await writeCustomersCsv(dir, "in.csv", rows(40));
    const ctrlC = new AbortController();
    const first = runCli(["import", input, ...fast], { env, signal: ctrlC.signal });
    await until(join(dir, "in.report.csv.lock"));
    while (sandbox.store.count() < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    ctrlC.abort();
    expect((await first).code).toBe(130);
    expect(existsSync(join(dir, "in.report.csv.lock")) || existsSync(join(dir, "in.csv.lock"))).toBe(false);
    const again = await runCli(["import", input, ...fast], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/Took over/);
    expect(sandbox.store.count()).toBe(40);
  });

  it("validate refuses a report another run is writing", async () => {
    const { dir } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", rows(2));
    await writeFile(join(dir, "in.check.csv.lock"), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: "2026-01-02T03:04:05.000Z", command: "finan-bulk validate" }));
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in use by finan-bulk validate \(pid \d+, since 2026-01-02T03:04:05.000Z\)/);
  });
});
