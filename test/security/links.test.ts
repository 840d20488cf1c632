// A link planted where the tool writes (`ln -s victim.txt in.report.csv`) is replaced by the new
// file, never written through: the file it points at keeps its content and its mode.
import { lstat, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { startSandbox } from "../../src/sandbox/server.js";

const fast = ["--rate", "0"];
const VICTIM_TEXT = "someone else's file\n";

/** victim.txt (0644) and a link to it at `name`, in `dir`. */
async function plant(dir: string, name: string): Promise<{ victim: string; link: string }> {
  const victim = join(dir, "victim.txt");
  await writeFile(victim, VICTIM_TEXT, { mode: 0o644 });
  const link = join(dir, name);
  await symlink(victim, link);
  return { victim, link };
}

async function expectUntouched(victim: string, link: string): Promise<void> {
  expect(await readFile(victim, "utf8")).toBe(VICTIM_TEXT);
  expect((await stat(victim)).mode & 0o777).toBe(0o644);
  const written = await lstat(link);
  expect(written.isSymbolicLink(), `${link} is the tool's own file now`).toBe(false);
  expect(written.mode & 0o777).toBe(0o600);
}

describe("a link planted where the tool writes", () => {
  it.each(["csv", "xlsx"])("validate replaces a linked report (.%s)", async (extension) => {
    const { dir } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const { victim, link } = await plant(dir, `in.report.${extension}`);
    // a file the tool never wrote is refused first (exit 2, untouched); --force replaces the link, never writes through it
    const refused = await runCli(["validate", input, "--report", link]);
    expect(refused.code).toBe(2);
    expect(await readFile(victim, "utf8")).toBe(VICTIM_TEXT);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    const run = await runCli(["validate", input, "--report", link, "--force"]);
    expect(run.code).toBe(0);
    await expectUntouched(victim, link);
  });

  it("import replaces a linked report, and its undo a linked undo report", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2)]);
    const { victim, link } = await plant(dir, "in.report.csv");
    expect((await runCli(["import", input, ...fast, "--force"], { env })).code).toBe(0);
    await expectUntouched(victim, link);
    const undoLink = join(dir, "in.report.undo.csv");
    await symlink(victim, undoLink);
    expect((await runCli(["undo", link, ...fast], { env })).code).toBe(0);
    await expectUntouched(victim, undoLink);
  });

  it("import refuses a dangling link at the journal's name, sends nothing, and never creates what it points at", async () => {
    const { dir, env, sandbox } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const target = join(dir, "created-by-the-link");
    await symlink(target, join(dir, "in.report.csv.journal"));
    const run = await runCli(["import", input, ...fast], { env });
    expect(run.stderr).toContain(`Cannot write the journal ${join(dir, "in.report.csv.journal")}: it is a symbolic link, and finan-bulk does not write through links.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
    expect(sandbox.store.count()).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["in.csv", "in.report.csv.journal"]);
  });

  it.each(["csv", "xlsx"])("template replaces a dangling link (.%s) instead of creating what it points at", async (extension) => {
    const { dir } = await setup();
    const target = join(dir, "elsewhere.txt");
    const link = join(dir, `template.${extension}`);
    await symlink(target, link);
    expect((await runCli(["template", link])).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(false);
    expect((await readdir(dir)).sort()).toEqual([`template.${extension}`]);
  });

  it.each(["csv", "xlsx"])("export replaces a linked output (.%s)", async (extension) => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const { victim, link } = await plant(dir, `out.${extension}`);
    // without --force the export refuses a file it did not write (a link planted there included); with it, it replaces the link
    expect((await runCli(["export", link, ...fast], { env })).code).toBe(2);
    expect((await runCli(["export", link, "--force", ...fast], { env })).code).toBe(0);
    await expectUntouched(victim, link);
  });

  it("the sandbox saves --data beside it under a name no one can plant a link at beforehand", async () => {
    const { dir } = await setup();
    const data = join(dir, "store.json");
    // the name the sandbox used to save to first, derived from its process id
    const { victim, link } = await plant(dir, `store.json.${process.pid}.tmp`);
    const sandbox = await startSandbox({ port: 0, dataFile: data });
    sandbox.store.insert({ general_info: { customer_code: "KH1", name: "An", type: "personal" } }, new Date(0).toISOString());
    await sandbox.close();
    expect(await readFile(victim, "utf8")).toBe(VICTIM_TEXT);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    const saved = await lstat(data);
    expect(saved.isSymbolicLink()).toBe(false);
    expect(saved.mode & 0o777).toBe(0o600);
    expect(await readFile(data, "utf8")).toContain("KH1");
  });
});
