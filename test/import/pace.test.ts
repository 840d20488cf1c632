import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";

describe("the summary says what bounded the requests", () => {
  it("names --concurrency when it held the run, and the flag that would help", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "customers.csv", Array.from({ length: 120 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, "--rate", "0", "--concurrency", "1"], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\nRequests were held by --concurrency 1 \([\d.]+\/s with round trips of \d+ ms\): raise --concurrency\.\n/);
    const json = await runCli(["import", input, "--rate", "0", "--concurrency", "1", "--json"], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ pace: "in-flight", notes: [expect.stringMatching(/^Requests were held by --concurrency 1 /)] });
  });

  it("export and undo say it too", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "customers.csv", Array.from({ length: 120 }, (_, i) => customerRow(i + 1)));
    expect((await runCli(["import", input, "--rate", "0"], { env })).code).toBe(0);
    const exported = await runCli(["export", "all.csv", "--rate", "0", "--concurrency", "1"], { env, cwd: dir });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/\nRequests were held by --concurrency 1 \(/);
    const undone = await runCli(["undo", `${dir}/customers.report.csv`, "--rate", "0", "--concurrency", "1"], { env });
    expect(undone.code).toBe(0);
    expect(undone.stderr).toMatch(/\nRequests were held by --concurrency 1 \(/);
  });
});
