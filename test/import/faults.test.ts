import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/server.js";
import { afterThisTest, runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const report = async (path: string) => parseCsv(await readFile(path, "utf8"));

function expectEachCodeOnce(sandbox: Sandbox, count: number) {
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  expect(codes).toHaveLength(count);
  expect(new Set(codes).size).toBe(count);
}

describe("import against a failing server", () => {
  it("with --fail-rate 0.2 (500s, 503 pages, drops, writes applied then dropped) every row ends created, each code held once", async () => {
    const { sandbox, dir, env } = await setup({ failRate: 0.2, seed: 7 });
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 150 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, "--rate", "0", "--concurrency", "8", "--retries", "8"], { env });
    const rows = await report(`${dir}/in.report.csv`);
    expect(rows.filter((r) => r.status !== "created")).toEqual([]);
    expect(run.code).toBe(0);
    expectEachCodeOnce(sandbox, 150);
    expect(sandbox.stats.faults["drop-after-apply"]).toBeGreaterThan(0);
    expect(rows.some((r) => (r.message ?? "").includes("confirmed by listing"))).toBe(true);
    for (const row of rows) expect(row.customer_id).toBe(sandbox.store.byCode(row["Customer code"]!)?.customer_id);
  });

  it("rides out a 429 storm: slows down, honours Retry-After, fails no row", async () => {
    const { sandbox, dir, env } = await setup({ rateLimit: 20 });
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 60 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, "--rate", "100", "--concurrency", "8", "--retries", "10"], { env });
    expect(run.code).toBe(0);
    expect((await report(`${dir}/in.report.csv`)).every((r) => r.status === "created")).toBe(true);
    expect(sandbox.stats.byStatus[429] ?? 0).toBeGreaterThan(0);
    expectEachCodeOnce(sandbox, 60);
  });

  it("stops at a 401 mid-run: nothing more is sent, the rest are reported not attempted, exit 2", async () => {
    let skewMs = 0;
    const { sandbox, dir, env } = await setup({ clock: () => Date.now() + skewMs });
    let creates = 0;
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 200 }, (_, i) => customerRow(i + 1)));
    const poll = setInterval(() => {
      creates = sandbox.store.count();
      if (creates >= 30) skewMs = 120_000; // the server's clock jumps: every signature is now stale
    }, 5);
    afterThisTest(async () => clearInterval(poll));
    const run = await runCli(["import", input, "--rate", "50", "--concurrency", "2"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rejected the credentials.*FINAN_CLIENT_ID and FINAN_SECRET_KEY/s);
    const rows = await report(`${dir}/in.report.csv`);
    expect(rows).toHaveLength(200);
    const requestsAtEnd = sandbox.stats.requests;
    expect(rows.filter((r) => r.status === "created").length).toBe(sandbox.store.count());
    expect(rows.filter((r) => (r.message ?? "").startsWith("not attempted")).length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.http_status === "401").length).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.stats.requests).toBe(requestsAtEnd);
  });

  it("fails a row whose Retry-After is beyond --max-wait, and says why", async () => {
    const { sandbox, dir, env } = await setup({ rateLimit: 1 });
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    // the listing takes the only slot of this second: the create meets a 429 with Retry-After: 1
    const run = await runCli(["import", input, "--rate", "0", "--max-wait", "0.5"], { env });
    expect(run.code).toBe(1);
    const [row] = await report(`${dir}/in.report.csv`);
    expect(row).toMatchObject({ status: "failed", http_status: "429" });
    expect(row?.message).toMatch(/more than --max-wait/);
    expect(sandbox.store.count()).toBe(0);
  });
});
