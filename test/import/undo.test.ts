import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const report = async (path: string) => parseCsv(await readFile(path, "utf8"));

/** KH00001 exists before the import (it gets replaced); KH00002..KH00004 are created by it. */
async function importedRun(options: SandboxOptions = {}, importArgs: string[] = []) {
  const { sandbox, dir, env } = await setup(options);
  const original = sandbox.store.insert({ general_info: { name: "Bản gốc", customer_code: "KH00001", type: "personal", tax_id: "0309999999" }, address: { province: "Huế" } }, new Date().toISOString());
  const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2), customerRow(3), customerRow(4)]);
  const run = await runCli(["import", input, ...fast, ...importArgs], { env });
  expect(run.code).toBe(0);
  return { sandbox, env, dir, reportPath: `${dir}/in.report.csv`, originalId: original.customer_id };
}

describe("finan-bulk undo", () => {
  it("deletes what the import created and restores what it replaced", async () => {
    const { sandbox, env, reportPath, originalId, dir } = await importedRun();
    const run = await runCli(["undo", reportPath, ...fast], { env });
    expect(run.code).toBe(0);
    expect(sandbox.store.count()).toBe(1);
    const restored = sandbox.store.get(originalId)!;
    expect(restored.general_info).toMatchObject({ name: "Bản gốc", tax_id: "0309999999" });
    expect(restored.address).toEqual({ province: "Huế" });
    const rows = await report(`${dir}/in.report.undo.csv`);
    expect(rows.map((r) => r.status)).toEqual(["restored", "deleted", "deleted", "deleted"]);
  });

  it("changes nothing when run twice", async () => {
    const { sandbox, env, reportPath, dir } = await importedRun();
    expect((await runCli(["undo", reportPath, ...fast], { env })).code).toBe(0);
    const after = JSON.stringify(sandbox.store.list());
    const again = await runCli(["undo", reportPath, ...fast], { env });
    expect(again.code).toBe(0);
    expect(JSON.stringify(sandbox.store.list())).toBe(after);
    const rows = await report(`${dir}/in.report.undo.csv`);
    expect(rows.map((r) => r.message)).toEqual(["already as it was before the import", "already deleted", "already deleted", "already deleted"]);
  });

  it("leaves a record changed since the import alone unless --force", async () => {
    const { sandbox, env, reportPath, dir } = await importedRun();
    const changed = sandbox.store.byCode("KH00002")!;
    sandbox.store.replace(changed.customer_id, { ...changed, general_info: { ...changed.general_info, email: "moi@example.vn" } }, new Date().toISOString());
    const run = await runCli(["undo", reportPath, ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(`${dir}/in.report.undo.csv`);
    expect(rows[1]).toMatchObject({ status: "skipped" });
    expect(rows[1]?.message).toMatch(/changed on the server since the import \(Email \(general_info\.email\)\).*--force/);
    expect(sandbox.store.byCode("KH00002")).toBeDefined();
    expect(run.stderr).toMatch(/--force/);

    expect((await runCli(["undo", reportPath, "--force", ...fast], { env })).code).toBe(0);
    expect(sandbox.store.byCode("KH00002")).toBeUndefined();
  });

  it("a --force plan of a changed record plans the delete: no conflict, no advice to add the --force it has, exit 0", async () => {
    const { sandbox, env, reportPath, dir } = await importedRun();
    const changed = sandbox.store.byCode("KH00002")!;
    sandbox.store.replace(changed.customer_id, { ...changed, general_info: { ...changed.general_info, email: "moi@example.vn" } }, new Date().toISOString());
    const plan = await runCli(["undo", reportPath, "--dry-run", "--force", ...fast], { env });
    const rows = await report(`${dir}/in.report.undo-plan.csv`);
    expect(rows[1]).toMatchObject({ status: "would-delete" });
    expect(rows[1]?.message).toMatch(/changed since the import \(Email \(general_info\.email\)\); --force deletes it/);
    expect(plan.stderr).not.toMatch(/left alone; run again with --force/);
    expect(plan.code).toBe(0);
    expect(sandbox.store.byCode("KH00002")).toBeDefined();
  });

  it("--dry-run plans without changing anything, beside (not over) the real undo's report", async () => {
    const { sandbox, env, reportPath, dir } = await importedRun();
    const before = JSON.stringify(sandbox.store.list());
    const plan = await runCli(["undo", reportPath, "--dry-run", ...fast], { env });
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain(`${dir}/in.report.undo-plan.csv`);
    expect(JSON.stringify(sandbox.store.list())).toBe(before);
    expect((await report(`${dir}/in.report.undo-plan.csv`)).map((r) => r.status)).toEqual(["would-restore", "would-delete", "would-delete", "would-delete"]);
    expect(existsSync(`${dir}/in.report.undo.csv`)).toBe(false);
  });

  it("reports a DELETE refused for unpaid invoices on its row", async () => {
    const { sandbox, env, reportPath, dir } = await importedRun({ unpaidCodes: ["KH00003"] });
    const run = await runCli(["undo", reportPath, ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(`${dir}/in.report.undo.csv`);
    expect(rows[2]).toMatchObject({ status: "failed", http_status: "400" });
    expect(rows[2]?.message).toMatch(/unpaid invoices/);
    expect(sandbox.store.byCode("KH00003")).toBeDefined();
  });

  it("undo of an --only re-run leaves the rows it carried over, naming the earlier report to undo", async () => {
    const { sandbox, env, dir, reportPath } = await importedRun();
    // the re-run picks no row (none failed): every row is carried over from in.report.csv
    const rerun = await runCli(["import", reportPath, "--only", "failed", ...fast], { env });
    expect(rerun.code).toBe(0);
    const run = await runCli(["undo", `${dir}/in.report-2.csv`, ...fast], { env });
    expect(run.code).toBe(0);
    const rows = await report(`${dir}/in.report-2.undo.csv`);
    expect(rows.map((r) => r.status)).toEqual(["skipped", "skipped", "skipped", "skipped"]);
    expect(rows[1]?.message).toContain("came over from the earlier report it re-ran with --only; undo that report");
    expect(sandbox.store.count()).toBe(4);
  });

  it("cannot restore replaces made with --no-backup, and says so", async () => {
    const { env, reportPath, dir } = await importedRun({}, ["--no-backup"]);
    const run = await runCli(["undo", reportPath, ...fast], { env });
    const rows = await report(`${dir}/in.report.undo.csv`);
    expect(rows[0]).toMatchObject({ status: "skipped" });
    expect(rows[0]?.message).toMatch(/--no-backup/);
    expect(run.stderr).toContain("1 replaced record cannot be restored: the import ran with --no-backup");
  });
});
