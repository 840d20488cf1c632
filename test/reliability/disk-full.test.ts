// A full disk under the report and journal (a tmpfs mounted by the test): the run stops sending,
// exits 2 with one message, leaves a journal of whole lines, and finishes once there is space.
import { execFileSync } from "node:child_process";
import { statfsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { noSmallDisk, smallDisk } from "../helpers/small-disk.js";
import { expectEachCodeOnce, readReport } from "./harness.js";

const fast = ["--rate", "0", "--concurrency", "4"];

/** Every line of the journal whole and parseable: what a resumed run must be able to read. */
async function expectWholeLines(journal: string): Promise<number> {
  const text = await readFile(journal, "utf8");
  expect(text.endsWith("\n"), "the journal ends with a whole line").toBe(true);
  const lines = text.split("\n").slice(0, -1);
  for (const line of lines) expect(() => JSON.parse(line) as unknown, line.slice(0, 80)).not.toThrow();
  return lines.length;
}

function expectOneMessage(stderr: string, file: string): void {
  expect(stderr).toContain(`Cannot write ${file}: the disk is full.`);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(stderr.trim().split("\n")).toHaveLength(2); // the message and its hint
}

describe.skipIf(noSmallDisk !== undefined)(`a full disk ${noSmallDisk ?? ""}`, () => {
  it("under the journal: stops sending, exit 2 naming the journal, whole lines only; with space back the same command finishes, each row once", async () => {
    const { sandbox, dir, env } = await setup();
    const disk = smallDisk(96);
    try {
      const rows = 400;
      const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: rows }, (_, i) => customerRow(i + 1)));
      const report = join(disk.path, "in.report.csv");
      const first = await runCli(["import", input, "--report", report, ...fast], { env });
      expectOneMessage(first.stderr, `the journal ${report}.journal`);
      expect(first.code).toBe(2);
      const sent = sandbox.store.count();
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThan(rows);
      expect(await expectWholeLines(`${report}.journal`)).toBeGreaterThan(0);

      execFileSync("mount", ["-o", "remount,size=4m", disk.path]);
      const again = await runCli(["import", input, "--report", report, ...fast], { env });
      expect(again.stderr).toMatch(/Resumed/);
      expect(again.code).toBe(0);
      expect(expectEachCodeOnce(sandbox)).toBe(rows);
      expect((await readReport(report)).filter((row) => row.status !== "created")).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it("under undo's report and journal: exit 2 with one message; with space back the same command finishes", async () => {
    const { sandbox, dir, env } = await setup();
    const disk = smallDisk(2048);
    try {
      const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 300 }, (_, i) => customerRow(i + 1)));
      const report = join(disk.path, "in.report.csv");
      expect((await runCli(["import", input, "--report", report, ...fast], { env })).code).toBe(0);
      // leave 16 KiB: the undo journal and report run out of space part way
      const free = statfsSync(disk.path);
      const filler = join(disk.path, "filler");
      await writeFile(filler, Buffer.alloc(Number(free.bavail) * Number(free.bsize) - 16 * 1024));
      const first = await runCli(["undo", report, ...fast], { env });
      expect(first.stderr).toMatch(/Cannot write .*in\.report\.undo\.csv(\.journal)?: the disk is full\./);
      expect(first.stderr).not.toMatch(/\n\s+at /);
      expect(first.stderr.trim().split("\n")).toHaveLength(2);
      expect(first.code).toBe(2);
      expect(sandbox.store.count()).toBeGreaterThan(0);

      await rm(filler);
      const again = await runCli(["undo", report, ...fast], { env });
      expect(again.code).toBe(0);
      expect(sandbox.store.count()).toBe(0);
    } finally {
      disk.unmount();
    }
  });

  it("under validate's report: exit 2 naming it, no temp file left", async () => {
    const { dir } = await setup();
    const disk = smallDisk(64);
    try {
      const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 2_000 }, (_, i) => customerRow(i + 1)));
      const report = join(disk.path, "in.report.csv");
      const run = await runCli(["validate", input, "--report", report]);
      expectOneMessage(run.stderr, report);
      expect(run.code).toBe(2);
      expect(await readdir(disk.path)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it("under an export's temp folder: exit 2 naming it, nothing written, no temp folder left", async () => {
    const { sandbox, dir, env } = await setup();
    for (let i = 1; i <= 400; i++) sandbox.store.insert({ general_info: { customer_code: `KH${i}`, name: `Nguyễn Thị Hồng ${i}`, type: "personal", email: `khach${i}@example.vn` } }, new Date(0).toISOString());
    const disk = smallDisk(64);
    try {
      const run = await spawnCli(["export", join(dir, "out.csv"), ...fast], { ...env, TMPDIR: disk.path }).exit;
      expect(run.stderr).toMatch(/Cannot write the temporary file .*: the disk is full\./);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(2);
      expect(await readdir(disk.path)).toEqual([]);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it("under the report: stops sending, exit 2 naming the report, no temp file left; with space back the same command finishes", async () => {
    const { sandbox, dir, env } = await setup();
    const disk = smallDisk(64);
    try {
      // invalid rows with long cells fill the report, not the journal (invalid rows are not journaled)
      const long = "Số 1 đường Lê Lợi ".repeat(40);
      const invalid = Array.from({ length: 300 }, (_, i) => customerRow(i + 1, { Email: `not an email ${long}` }));
      const valid = Array.from({ length: 40 }, (_, i) => customerRow(1000 + i));
      const input = await writeCustomersCsv(dir, "in.csv", [...invalid, ...valid]);
      const report = join(disk.path, "in.report.csv");
      const first = await runCli(["import", input, "--report", report, ...fast], { env });
      expectOneMessage(first.stderr, report);
      expect(first.code).toBe(2);
      expect(sandbox.store.count()).toBe(0);
      expect((await readdir(disk.path)).filter((name) => name.includes(".tmp-"))).toEqual([]);

      execFileSync("mount", ["-o", "remount,size=4m", disk.path]);
      const again = await runCli(["import", input, "--report", report, ...fast], { env });
      expect(again.code).toBe(1);
      expect(expectEachCodeOnce(sandbox)).toBe(40);
    } finally {
      disk.unmount();
    }
  });
});
