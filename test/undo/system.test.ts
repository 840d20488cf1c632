import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import { runCli, spawnCli, waitFor, setup } from "../helpers/cli.js";
import { customerRow, parseCsv } from "../helpers/files.js";
import { expectSameServer, fast, seedOriginals, serverQuiet, serverState, writeTitledCsv } from "./helpers.js";

const ROWS = 240;

/** Rows 1…ROWS with a blank line after every 50th; KH00001…KH00030 exist on the server before (replaced). */
function fileRows(rows: string[][]): (string[] | undefined)[] {
  return rows.flatMap((row, i) => (i % 50 === 49 ? [row, undefined] : [row]));
}

describe("issue #12: a crashed, edited, resumed and repeated import is undone completely", () => {
  it("title row and blank rows, SIGKILL at a seeded point, a row inserted and one deleted, resume, a changed copy imported again, both runs undone newest first: the server as before, field for field", { timeout: 90_000 }, async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 3 });
    seedOriginals(sandbox, 30);
    const before = serverState(sandbox);
    const rows = Array.from({ length: ROWS }, (_, i) => customerRow(i + 1));
    const input = await writeTitledCsv(dir, "khach-hang.csv", fileRows(rows));
    const reportPath = join(dir, "khach-hang.report.csv");

    const child = spawnCli(["import", input, "--rate", "0", "--concurrency", "6"], env);
    const killAt = 30 + 40 + Math.floor(seededRandom(12)() * 60);
    await Promise.race([waitFor(() => sandbox.stats.requests >= killAt, 60_000), child.exit]);
    expect(child.process.exitCode, "the import finished before the kill point").toBeNull();
    child.process.kill("SIGKILL");
    await child.exit;
    await serverQuiet(sandbox);

    // a new customer at the top, the first (done before the kill) deleted
    const edited = [customerRow(5000), ...rows.slice(1)];
    await writeTitledCsv(dir, "khach-hang.csv", fileRows(edited));
    const resumed = await runCli(["import", input, ...fast], { env });
    expect(resumed.stderr).toMatch(/Resumed an interrupted run/);
    expect(resumed.code).toBe(0);
    const first = parseCsv(await readFile(reportPath, "utf8"));
    expect(first.filter((r) => r.status !== (Number(r["Customer code"]!.slice(2)) <= 30 ? "replaced" : "created"))).toEqual([]);

    // the same file changed again and imported again: a second run of the same report
    const changed = edited.map((row, i) => (i % 3 === 0 ? customerRow(Number(row[0]!.slice(2)), { Name: `Đổi tên ${i}`, Email: "" }) : row));
    await writeTitledCsv(dir, "khach-hang.csv", fileRows([...changed, customerRow(6000)]));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    expect(sandbox.store.count()).toBe(ROWS + 2);

    const latest = await runCli(["undo", reportPath, ...fast], { env });
    expect(latest.code).toBe(0);
    const earlier = await runCli(["undo", reportPath, "--run", "1", ...fast], { env });
    expect(earlier.stderr).toMatch(/not in the report/);
    expect(earlier.code).toBe(0);
    expectSameServer(sandbox, before);
  });
});
