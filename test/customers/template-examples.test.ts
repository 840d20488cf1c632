import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { readInput } from "../../src/customers/read-input.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";

const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function folder(): Promise<string> {
  const dir = await tempDir("finan-examples-");
  cleanups.push(dir.cleanup);
  return dir.path;
}

/** The English CSV template with one real customer added below its two example rows. */
async function filledTemplate(extra: string[]): Promise<string> {
  const path = join(await folder(), "filled.csv");
  const template = await readFile(join(TEMPLATES, "customers-template.csv"), "utf8");
  await writeFile(path, `${template}${extra.join("\r\n")}\r\n`);
  return path;
}

describe("the template's example rows left in a filled template", () => {
  it.each(["customers-template.csv", "customers-template.xlsx", "customers-template.vi.csv", "customers-template.vi.xlsx"])("are skipped, not sent, in %s", async (file) => {
    const path = join(await folder(), file);
    await copyFile(join(TEMPLATES, file), path);
    const rows = [];
    for await (const row of (await readInput(path)).rows) rows.push(row.outcome);
    expect(rows.map((outcome) => [outcome.ok, outcome.customerCode, outcome.ok ? undefined : outcome.skipped?.key])).toEqual([
      [false, "VD001", "damage.templateExample"],
      [false, "VD002", "damage.templateExample"],
    ]);
  });

  it("validate says so row by row, counts them as skipped, and passes (en and vi)", async () => {
    const path = await filledTemplate(["KH001,Nguyễn Văn An,personal,,0912345678,,,,,,,,,,,,,,,,,,,,,,,"]);
    const report = join(await folder(), "report.csv");
    const run = await runCli(["validate", path, "--report", report, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 3, counts: { valid: 1, invalid: 0, skipped: 2 } });
    const rows = parseCsv(await readFile(report, "utf8"));
    expect(rows.map((row) => [row.row, row["Customer code"], row.status, row.message])).toEqual([
      ["2", "VD001", "skipped", "the template's example row VD001, left in the file: not imported; delete the row"],
      ["3", "VD002", "skipped", "the template's example row VD002, left in the file: not imported; delete the row"],
      ["4", "KH001", "valid", ""],
    ]);
    const vi = join(await folder(), "report.vi.csv");
    expect((await runCli(["validate", path, "--report", vi, "--lang", "vi"])).code).toBe(0);
    expect(parseCsv(await readFile(vi, "utf8"))[0]).toMatchObject({ "Kết quả": "đã bỏ qua", "Thông báo": "dòng ví dụ VD001 của tệp mẫu còn sót lại trong tệp: không nhập dòng này; hãy xóa dòng này" });
  });

  it("imports a real customer coded VD001 whose other values differ from the example", async () => {
    const path = await filledTemplate([]);
    const text = (await readFile(path, "utf8")).replace("VD001,Nguyễn Thị Lan,", "VD001,Nguyễn Thị Lan Anh,");
    await writeFile(path, text);
    const outcomes = [];
    for await (const row of (await readInput(path)).rows) outcomes.push(row.outcome);
    expect(outcomes.map((outcome) => [outcome.customerCode, outcome.ok])).toEqual([
      ["VD001", true],
      ["VD002", false],
    ]);
  });
});
