import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { sandboxPerTest } from "../helpers/run.js";

const { setup } = sandboxPerTest();

describe("the import summary says what bounded the requests", () => {
  it("names --concurrency when it held the run, and the flag that would help", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "customers.csv", Array.from({ length: 120 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, "--rate", "0", "--concurrency", "1"], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\nRequests were held by --concurrency 1 \([\d.]+\/s with round trips of \d+ ms\): raise --concurrency\.\n/);
    const json = await runCli(["import", input, "--rate", "0", "--concurrency", "1", "--json"], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ pace: "in-flight", notes: [expect.stringMatching(/^Requests were held by --concurrency 1 /)] });
  });
});
