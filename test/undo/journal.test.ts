import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import { runCli, spawnCli, waitFor, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";
import type { Sandbox } from "../../src/sandbox/server.js";
import { expectSameServer, fast, rowsOf, seedOriginals, serverQuiet, serverState, writeTitledCsv, writeTitledXlsx } from "./helpers.js";

const report = async (path: string) => parseCsv(await readFile(path, "utf8"));

/** SIGKILLs an import in a child once the server holds `target` customers (a seeded point); the run must not have finished. */
async function killedImport(argv: string[], env: Record<string, string>, sandbox: Sandbox, reached: () => boolean): Promise<void> {
  const child = spawnCli(argv, env);
  await Promise.race([waitFor(reached, 60_000), child.exit]);
  expect(child.process.exitCode, "the import finished before the kill point").toBeNull();
  child.process.kill("SIGKILL");
  await child.exit;
  await serverQuiet(sandbox);
}

describe("undo works from the journal, not the report's layout", () => {
  it("reverses every row of a CSV with a title line and blank lines (#12.1)", async () => {
    const { sandbox, dir, env } = await setup();
    seedOriginals(sandbox, 1);
    const before = serverState(sandbox);
    const input = await writeTitledCsv(dir, "in.csv", [customerRow(1), customerRow(2), undefined, customerRow(3), customerRow(4)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    expect(sandbox.store.count()).toBe(4);
    const undo = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(undo.stderr).toMatch(/1 restored/);
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
    const rows = await report(join(dir, "in.report.undo.csv"));
    expect(rows.map((r) => `${r["Customer code"]} ${r.status}`)).toEqual(["KH00001 restored", "KH00002 deleted", "KH00003 deleted", "KH00004 deleted"]);
  });

  it("restores the replaced records of an XLSX whose data starts under a title row (#12.1)", async () => {
    const { sandbox, dir, env } = await setup();
    seedOriginals(sandbox, 3);
    const before = serverState(sandbox);
    const input = await writeTitledXlsx(dir, "in.xlsx", [customerRow(1), undefined, customerRow(2), customerRow(3), customerRow(4)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const undo = await runCli(["undo", join(dir, "in.report.xlsx"), ...fast], { env });
    expect(undo.stderr).toMatch(/3 restored, 1 deleted/);
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
  });

  it("an XLSX import killed before its report was written is undone from its journal alone (#12.2)", { timeout: 60_000 }, async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 5 });
    seedOriginals(sandbox, 10);
    const before = serverState(sandbox);
    const input = await writeTitledXlsx(dir, "in.xlsx", rowsOf(Array.from({ length: 150 }, (_, i) => i + 1)));
    const target = 10 + 30 + Math.floor(seededRandom(4)() * 40);
    await killedImport(["import", input, "--rate", "0", "--concurrency", "8"], env, sandbox, () => sandbox.store.count() >= target);
    const undo = await runCli(["undo", join(dir, "in.report.xlsx"), ...fast], { env });
    expect(undo.stderr).toMatch(/undo worked from the run's journal alone/);
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
  });

  it("after a SIGKILL mid-import, undo reverses the rows in flight too, confirmed by listing (#12.2)", { timeout: 60_000 }, async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 5 });
    seedOriginals(sandbox, 20);
    const before = serverState(sandbox);
    const input = await writeCustomersCsv(dir, "in.csv", rowsOf(Array.from({ length: 200 }, (_, i) => i + 1)));
    const target = 20 + 40 + Math.floor(seededRandom(2)() * 50);
    await killedImport(["import", input, "--rate", "0", "--concurrency", "16"], env, sandbox, () => sandbox.store.count() >= target);
    const undo = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
    // the undone run is closed: the same import again is a new run that sends every row, not a resume that skips the undone ones
    expect((await runCli(["runs", join(dir, "in.report.csv")], { env })).stdout).toMatch(/run 1 .* undone /);
    const again = await runCli(["import", input, ...fast], { env });
    expect(again.stderr).not.toMatch(/Resumed/);
    expect(again.code).toBe(0);
    expect(sandbox.store.count()).toBe(200);
  });

  it("a resume after rows were inserted and deleted creates nothing twice, and undo removes every row the run created (#12.3)", { timeout: 60_000 }, async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 5 });
    const before = serverState(sandbox);
    const rows = rowsOf(Array.from({ length: 200 }, (_, i) => i + 1));
    const input = await writeCustomersCsv(dir, "in.csv", rows);
    const target = 40 + Math.floor(seededRandom(3)() * 40);
    await killedImport(["import", input, "--rate", "0", "--concurrency", "4"], env, sandbox, () => sandbox.store.count() >= target);
    // KH00001 and KH00004 go, a new row comes in at the top: every row from the fifth on moves up one
    await writeCustomersCsv(dir, "in.csv", [customerRow(900), rows[1]!, rows[2]!, ...rows.slice(4)]);
    const resumed = await runCli(["import", input, ...fast], { env });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Resumed an interrupted run/);
    const statuses = await report(join(dir, "in.report.csv"));
    expect(statuses.filter((r) => r.status !== "created")).toEqual([]);
    expect(statuses.map((r) => r.row)).toEqual(Array.from({ length: 199 }, (_, i) => String(i + 2)));
    expect(sandbox.store.count()).toBe(201);
    const undo = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
    expect(undo.stderr).toMatch(/2 rows of the journal are not in the report/);
    expect(resumed.stderr).toMatch(/2 customers written before the interruption are no longer in the file \(KH00001, KH00004\)/);
  });
});

describe("undo needs the journal, not the report", () => {
  it("reverses a run whose report was edited past reading (its header deleted), from the journal alone", async () => {
    const { sandbox, dir, env } = await setup();
    seedOriginals(sandbox, 1);
    const before = serverState(sandbox);
    const input = await writeCustomersCsv(dir, "in.csv", rowsOf([1, 2, 3]));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const reportPath = join(dir, "in.report.csv");
    await writeFile(reportPath, (await readFile(reportPath, "utf8")).split("\n").slice(1).join("\n"));
    const undo = await runCli(["undo", reportPath, ...fast], { env });
    expect(undo.stderr).toMatch(/The report could not be read .*undo worked from the run's journal alone/);
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
    const rows = await report(join(dir, "in.report.undo.csv"));
    expect(rows.map((r) => `${r["Customer code"]} ${r.status}`)).toEqual(["KH00001 restored", "KH00002 deleted", "KH00003 deleted"]);
  });
});

describe("torn journal lines are cut, not continued (#12.6)", () => {
  /** An import stopped by Ctrl-C after some rows, so its journal is open; returns the report's path. */
  async function interruptedImport(env: Record<string, string>, dir: string, sandbox: { store: { count(): number } }) {
    const input = await writeCustomersCsv(dir, "in.csv", rowsOf(Array.from({ length: 60 }, (_, i) => i + 1)));
    const stop = new AbortController();
    const running = runCli(["import", input, "--rate", "0", "--concurrency", "2"], { env, signal: stop.signal });
    await waitFor(() => sandbox.store.count() >= 10);
    stop.abort();
    expect((await running).code).toBe(130);
    return { input, reportPath: join(dir, "in.report.csv") };
  }

  it("a resume cuts half a line left at the end of the journal; the run can still be undone", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 5 });
    const before = serverState(sandbox);
    const { input, reportPath } = await interruptedImport(env, dir, sandbox);
    await appendFile(`${reportPath}.journal`, '{"t":"done","row":7,"status":"crea');
    const resumed = await runCli(["import", input, ...fast], { env });
    expect(resumed.code).toBe(0);
    const undo = await runCli(["undo", reportPath, ...fast], { env });
    expect(undo.stderr).not.toMatch(/damaged/);
    expect(undo.code).toBe(0);
    expectSameServer(sandbox, before);
    expect(await readFile(`${reportPath}.journal`, "utf8")).toMatch(/"t":"note".*cut a torn last line \(34 bytes\)/);
  });

  it("a damaged line in the middle is named, and undo still reverses every record it can read (exit 1)", async () => {
    const { sandbox, dir, env } = await setup();
    const before = serverState(sandbox);
    const input = await writeCustomersCsv(dir, "in.csv", rowsOf([1, 2, 3, 4]));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const journalPath = join(dir, "in.report.csv.journal");
    const lines = (await readFile(journalPath, "utf8")).split("\n");
    const damagedAt = lines.findIndex((line) => line.includes('"t":"done"') && line.includes("KH00002"));
    lines[damagedAt] = lines[damagedAt]!.slice(0, 20);
    await writeFile(journalPath, lines.join("\n"));
    const undo = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain(`damaged at line ${damagedAt + 1}`);
    // KH00002's result line is gone, but its intent says what was sent: the listing confirms it, and it goes too
    expectSameServer(sandbox, before);
  });
});
