import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultReportPath } from "../../src/import/report.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "2"];
const statuses = async (path: string) => parseCsv(await readFile(path, "utf8")).map((r) => r.status);

describe("default report names", () => {
  it.each([
    ["/d/customers.xlsx", "report", "/d/customers.report.xlsx"],
    ["/d/customers.xlsx", "check", "/d/customers.check.xlsx"],
    ["/d/customers.check.xlsx", "report", "/d/customers.report-2.xlsx"],
    ["/d/customers.report.xlsx", "report", "/d/customers.report-2.xlsx"],
    ["/d/customers.report-2.xlsx", "report", "/d/customers.report-3.xlsx"],
    ["/d/customers.Report-9.CSV", "report", "/d/customers.report-10.csv"],
    ["/d/customers.check.csv", "check", "/d/customers.check-2.csv"],
    ["/d/customers.csv", "dry-run", "/d/customers.dry-run.csv"],
    ["/d/customers.report.csv", "undo", "/d/customers.report.undo.csv"],
  ])("%s, %s → %s", (input, suffix, expected) => {
    expect(defaultReportPath(input, suffix)).toBe(expected);
  });

  it("the journey: validate writes name.check, import of it writes name.report-2 and sends the valid rows too, not only the fixed ones", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Email: "not an email" }), customerRow(3)]);
    expect((await runCli(["validate", input])).code).toBe(1);
    expect(await statuses(join(dir, "in.check.csv"))).toEqual(["valid", "invalid", "valid"]);
    expect(existsSync(join(dir, "in.report.csv"))).toBe(false);
    const run = await runCli(["import", join(dir, "in.check.csv"), "--only", "failed,invalid", ...fast], { env });
    expect(run.code).toBe(1);
    expect(await statuses(join(dir, "in.report-2.csv"))).toEqual(["created", "invalid", "created"]);
    expect(sandbox.store.count()).toBe(2);
    expect(run.stderr).toContain("in.report-2.csv --only failed,invalid");
  });
});

describe("import --only of a validate report", () => {
  it("sends the rows validate found valid (never sent), with the fixed ones", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Email: "not an email" }), customerRow(3)]);
    await runCli(["validate", input, "--report", join(dir, "checked.csv")]);
    const run = await runCli(["import", join(dir, "checked.csv"), "--only", "failed,invalid", "--report", join(dir, "sent.csv"), ...fast], { env });
    expect(await statuses(join(dir, "sent.csv"))).toEqual(["created", "invalid", "created"]);
    expect(sandbox.store.count()).toBe(2);
    expect(run.code).toBe(1);
  });
});

describe("never overwrite the user's edits", () => {
  it("import refuses to write over its report edited since (exit 2, nothing sent); --force overwrites", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const report = join(dir, "in.report.csv");
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0); // unchanged: the tool's own, a new run may replace it
    const edited = (await readFile(report, "utf8")).replace("Nguyễn Thị Hồng 2", "Nguyễn Thị Hồng Hai");
    await writeFile(report, edited);
    const requests = sandbox.stats.requests;
    const refused = await runCli(["import", input, ...fast], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/in\.report\.csv was changed since finan-bulk wrote it .*Nothing was sent or written/);
    expect(refused.stderr).toMatch(/--force/);
    expect(await readFile(report, "utf8")).toBe(edited);
    expect(sandbox.stats.requests).toBe(requests);
    expect((await runCli(["import", input, "--force", ...fast], { env })).code).toBe(0);
    expect(await readFile(report, "utf8")).not.toBe(edited);
  });

  it("validate refuses to write over its check edited since, and over a file it never wrote", async () => {
    const { dir } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["validate", input])).code).toBe(0);
    await writeFile(join(dir, "in.check.csv"), "fixed by hand\r\n", { flag: "a" });
    const refused = await runCli(["validate", input]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/changed since finan-bulk wrote it/);
    expect(await readFile(join(dir, "in.check.csv"), "utf8")).toMatch(/fixed by hand/);
    expect((await runCli(["validate", input, "--force"])).code).toBe(0);

    await writeFile(join(dir, "mine.csv"), "my own notes\r\n");
    const foreign = await runCli(["validate", input, "--report", join(dir, "mine.csv")]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/mine\.csv exists and was not written by finan-bulk/);
    expect(await readFile(join(dir, "mine.csv"), "utf8")).toBe("my own notes\r\n");
  });
});
