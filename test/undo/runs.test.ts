import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { parseCsv, writeCustomersCsv } from "../helpers/files.js";
import { expectSameServer, fast, rowsOf, seedOriginals, serverState } from "./helpers.js";

/** The same file imported twice, changed in between: two runs of one report. */
async function twoRuns() {
  const { sandbox, dir, env } = await setup();
  seedOriginals(sandbox, 1);
  const before = serverState(sandbox);
  const input = await writeCustomersCsv(dir, "in.csv", rowsOf([1, 2, 3]));
  expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
  const afterFirst = serverState(sandbox);
  await writeCustomersCsv(dir, "in.csv", rowsOf([1, 2, 3, 4], "Đổi tên"));
  expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
  return { sandbox, dir, env, before, afterFirst, reportPath: join(dir, "in.report.csv") };
}

describe("run history (#12.7)", () => {
  it("keeps every run's journal: runs lists them, undo reverses the latest, then --run 1 the first; the server is as before", async () => {
    const { sandbox, dir, env, before, afterFirst, reportPath } = await twoRuns();
    const runs = await runCli(["runs", reportPath], { env });
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/run 1 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC +finished +2 created, 1 replaced /);
    expect(runs.stdout).toMatch(/run 2 .* finished +1 created, 3 replaced/);
    expect(readdirSync(dir).filter((name) => /^in\.report\.csv\.run-1\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.journal$/.test(name))).toHaveLength(1);

    expect((await runCli(["undo", reportPath, ...fast], { env })).code).toBe(0);
    expectSameServer(sandbox, afterFirst);
    const again = await runCli(["undo", reportPath, ...fast], { env });
    expect(again.stderr).toContain(`Run 2 had already been undone`);
    expect(again.stderr).toContain(`finan-bulk undo ${reportPath} --run 1`);
    expectSameServer(sandbox, afterFirst);
    const first = await runCli(["undo", reportPath, "--run", "1", ...fast], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/1 restored, 2 deleted|2 deleted, 1 restored/);
    expectSameServer(sandbox, before);
    const undoRows = parseCsv(await readFile(join(dir, "in.report.undo-run-1.csv"), "utf8"));
    expect(undoRows.map((r) => `${r["Customer code"]} ${r.status}`)).toEqual(["KH00001 restored", "KH00002 deleted", "KH00003 deleted", "KH00004 skipped"]);
    expect(undoRows[3]!.message).toBe("nothing to undo: run 1 did not write this customer (the report shows the latest run)");
    expect((await runCli(["runs", reportPath, "--json"], { env })).stdout).toMatch(/"number":1,[^}]*"state":"undone /);
  });

  it("refuses to undo an earlier run before a later run that touched the same customers, naming it; --force goes ahead", async () => {
    const { sandbox, env, afterFirst, reportPath } = await twoRuns();
    const refused = await runCli(["undo", reportPath, "--run", "1", ...fast], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Run 2 of");
    expect(refused.stderr).toContain(`finan-bulk undo ${reportPath} --run 2`);
    expect(serverState(sandbox)).not.toEqual(afterFirst);
    const forced = await runCli(["undo", reportPath, "--run", "1", "--force", ...fast], { env });
    expect(forced.code).toBe(0);
    expect(Object.keys(serverState(sandbox)).sort()).toEqual(["KH00001", "KH00004"]);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Bản gốc 1");
    const unknown = await runCli(["undo", reportPath, "--run", "5", ...fast], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no run 5: its runs are 1, 2/);
  });

  it("runs --prune DAYS removes older runs' journals, never the latest", async () => {
    const { dir, env, reportPath } = await twoRuns();
    const kept = await runCli(["runs", reportPath, "--prune", "1"], { env });
    expect(kept.stdout).toMatch(/run 1 .*\n.*run 2/);
    const pruned = await runCli(["runs", reportPath, "--prune", "0"], { env });
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toMatch(/Removed the journal of run 1 .*it can no longer be undone/);
    expect(pruned.stdout).not.toMatch(/run 1 /);
    expect(readdirSync(dir).filter((name) => name.endsWith(".journal"))).toEqual(["in.report.csv.journal"]);
  });
});
