import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/server.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "8"];

async function readReport(path: string) {
  return parseCsv(await readFile(path, "utf8"));
}

function codesHeldOnce(sandbox: Sandbox, codes: string[]) {
  const held = sandbox.store.list().map((c) => c.general_info.customer_code);
  for (const code of codes) expect(held.filter((h) => h === code)).toHaveLength(1);
}

describe("finan-bulk import", () => {
  it("creates every row, then replaces them on a second run without creating duplicates", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "customers.csv", Array.from({ length: 25 }, (_, i) => customerRow(i + 1)));
    const first = await runCli(["import", input, ...fast], { env });
    expect(first.code).toBe(0);
    const report = await readReport(`${dir}/customers.report.csv`);
    expect(report.map((r) => r.status)).toEqual(Array(25).fill("created"));
    expect(report.map((r) => r.row)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 2)));
    expect(report[0]?.customer_id).toBe(sandbox.store.byCode("KH00001")?.customer_id);
    expect(report[0]?.Name).toBe("Nguyễn Thị Hồng 1");
    expect(sandbox.store.count()).toBe(25);

    const second = await runCli(["import", input, ...fast], { env });
    expect(second.code).toBe(0);
    expect((await readReport(`${dir}/customers.report.csv`)).map((r) => r.status)).toEqual(Array(25).fill("replaced"));
    expect(sandbox.store.count()).toBe(25);
  });
});
