// Excel's sheet limits (16,384 columns, 1,048,576 rows, 32,767 characters a cell) are found before
// anything is sent or written, never after: a result that cannot be written is never produced.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { HEADER, customerRow, writeCustomersCsv } from "../helpers/files.js";
import { faultyServer } from "./harness.js";

const fast = ["--rate", "0"];

/** A sandbox behind a server that counts requests, so a test can say none was made. */
async function countedSetup() {
  const { sandbox, dir, env } = await setup();
  const server = await faultyServer(sandbox, () => ({ kind: "forward" }));
  return { sandbox, dir, server, env: { ...env, FINAN_BASE_URL: server.url } };
}

describe("an import's XLSX report over Excel's limits", () => {
  it("too wide: exit 2 before the first request, suggesting a CSV report", async () => {
    const { dir, server, env } = await countedSetup();
    const extra = Array.from({ length: 16_380 }, (_, i) => `Note ${i + 1}`);
    const input = await writeCustomersCsv(dir, "wide.csv", [1, 2].map((i) => [...customerRow(i), ...extra.map(() => "")]), [...HEADER, ...extra]);
    const report = join(dir, "wide.report.xlsx");
    const run = await runCli(["import", input, "--report", report, ...fast], { env });
    expect(run.stderr).toContain(`The report ${report} cannot be an Excel workbook: it would have 16,399 columns (the input's and the result columns), and an Excel sheet holds 16,384. Nothing was sent.`);
    expect(run.stderr).toContain(`--report ${join(dir, "wide.report.csv")}`);
    expect(run.code).toBe(2);
    expect(server.exchanges).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(["wide.csv"]);
  });

  it("a cell longer than an Excel cell holds: exit 2 before the first request, naming the row and column", async () => {
    const { dir, server, env } = await countedSetup();
    const input = await writeCustomersCsv(dir, "long.csv", [customerRow(1), customerRow(2, { Province: "x".repeat(40_000) })]);
    const report = join(dir, "long.report.xlsx");
    const run = await runCli(["import", input, "--report", report, ...fast], { env });
    expect(run.stderr).toContain(`row 3 of ${input}, column 8, holds 40,000 characters, and an Excel cell holds 32,767. Nothing was sent.`);
    expect(run.code).toBe(2);
    expect(server.exchanges).toEqual([]);
  });
});

describe("an export to XLSX wider than a sheet", () => {
  it("is refused whole with the customer named, nothing written, and the same export to CSV works", async () => {
    const { sandbox, dir, env } = await setup();
    const contacts = Array.from({ length: 5_500 }, (_, i) => ({ name: `Người ${i + 1}` }));
    const wide = sandbox.store.insert({ general_info: { customer_code: "KH-WIDE", name: "Công ty Rộng", type: "company", contact_persons: contacts } }, new Date(0).toISOString());
    sandbox.store.insert({ general_info: { customer_code: "KH1", name: "An", type: "personal" } }, new Date(0).toISOString());
    const file = join(dir, "out.xlsx");
    const run = await runCli(["export", file, ...fast], { env });
    expect(run.stderr).toContain(`Too many columns for one Excel sheet: this export needs 16,`);
    expect(run.stderr).toContain(`Customer KH-WIDE (${wide.customer_id}) has 5,500 contact persons and 0 bank accounts. Nothing was written to ${file}.`);
    expect(run.stderr).toContain("Export to .csv instead");
    expect(run.code).toBe(2);
    expect(await readdir(dir)).toEqual([]);
    expect((await runCli(["export", join(dir, "out.csv"), ...fast], { env })).code).toBe(0);
  });
});
