import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sandbox/faults.js";
import { runCli, setup, spawnCli, waitFor } from "../helpers/cli.js";
import { parseCsv, writeCustomersCsv } from "../helpers/files.js";

const code = (i: number) => `KH${String(i).padStart(5, "0")}`;
const DELETED = 30;
const KEPT = 5;

describe("import --mode delete killed with SIGKILL mid-run, then re-run until done", () => {
  it("deletes each named customer once, misses none, touches no other; undo then re-creates each once", async () => {
    // latency and seeded 5xx answers: DELETEs are in flight, some retried, when the kills land
    const { sandbox, dir, env } = await setup({ latencyMs: 10, failRate: 0.1, seed: 23 });
    for (let i = 1; i <= DELETED + KEPT; i += 1) sandbox.store.insert({ general_info: { name: `Khách ${i}`, customer_code: code(i), type: "personal", email: `k${i}@example.vn` } }, new Date().toISOString());
    const before = new Map(sandbox.store.list().map((customer) => [customer.general_info.customer_code, customer]));
    const input = await writeCustomersCsv(dir, "gone.csv", Array.from({ length: DELETED }, (_, i) => [code(i + 1)]), ["Customer code"]);
    const argv = ["import", input, "--mode", "delete", "--allow-delete", "--rate", "0", "--concurrency", "3", "--retries", "8"];
    const random = seededRandom(9);
    let kills = 0;
    let finished = false;
    for (let attempt = 0; attempt < 10 && !finished; attempt += 1) {
      // once both kills have landed, the runs left are not killed: in-process
      if (kills >= 2) {
        finished = (await runCli(argv, { env })).code === 0;
        continue;
      }
      const child = spawnCli(argv, env);
      const target = sandbox.store.count() - 4 - Math.floor(random() * 6);
      await Promise.race([waitFor(() => sandbox.store.count() <= target), child.exit]);
      if (child.process.exitCode === null) {
        child.process.kill("SIGKILL");
        kills += 1;
      }
      finished = (await child.exit).code === 0;
    }
    expect(kills).toBeGreaterThanOrEqual(2);
    expect(finished).toBe(true);
    const rows = parseCsv(await readFile(join(dir, "gone.report.csv"), "utf8"));
    expect(rows.map((row) => row.status)).toEqual(Array.from({ length: DELETED }, () => "deleted"));
    for (const row of rows) expect(row.customer_id).toBe(before.get(row["Customer code"]!)?.customer_id);
    expect(sandbox.store.list().map((customer) => customer.general_info.customer_code).sort()).toEqual(Array.from({ length: KEPT }, (_, i) => code(DELETED + i + 1)));

    const undo = await runCli(["undo", join(dir, "gone.report.csv"), "--rate", "0", "--retries", "8"], { env });
    expect(undo.code, undo.stderr + JSON.stringify(parseCsv(await readFile(join(dir, "gone.report.undo.csv"), "utf8")).filter((row) => row.status !== "created"))).toBe(0);
    const codes = sandbox.store.list().map((customer) => customer.general_info.customer_code).sort();
    expect(codes).toEqual(Array.from({ length: DELETED + KEPT }, (_, i) => code(i + 1)));
    for (const customer of sandbox.store.list()) expect(customer.general_info).toEqual(before.get(customer.general_info.customer_code)?.general_info);
  }, 90_000);
});
