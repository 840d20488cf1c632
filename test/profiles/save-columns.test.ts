import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KIOTVIET } from "../../src/profiles/kiotviet.js";
import { MISA_SME } from "../../src/profiles/misa-sme.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { csvLine, parseCsv } from "../helpers/files.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function folderWith(headers: readonly string[], rows: Record<string, string>[]): Promise<{ dir: string; input: string }> {
  const dir = await tempDir("finan-save-columns-");
  cleanups.push(dir.cleanup);
  const input = join(dir.path, "in.csv");
  await writeFile(input, [[...headers], ...rows.map((row) => headers.map((header) => row[header] ?? ""))].map(csvLine).join("\r\n") + "\r\n");
  return { dir: dir.path, input };
}

const headersOf = (profile: { columns: readonly { header: string }[] }) => profile.columns.map((column) => column.header);
const statuses = async (report: string) => parseCsv(await readFile(report, "utf8")).map((row) => [row.row, row.status, row.message]);

describe("validate --save-columns", () => {
  it("writes the mapping a KiotViet file was read by, which --columns reads back to the same result", async () => {
    const { dir, input } = await folderWith(headersOf(KIOTVIET), [
      { "Loại khách": "Công ty", "Mã khách hàng": "KH1", "Tên khách hàng": "Trần Bình", "Điện thoại": "0987654321", "Công ty": "Hải Âu", "Khu vực giao hàng": "Hà Nội - Quận Tây Hồ" },
    ]);
    const map = join(dir, "map.json");
    const first = await runCli(["validate", input, "--save-columns", map, "--report", join(dir, "a.csv")]);
    expect(first.code).toBe(0);
    const saved = JSON.parse(await readFile(map, "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({
      $source: "kiotviet",
      "Loại khách": { field: "general_info.type", values: { "Cá nhân": "personal", "Công ty": "company" } },
      "Mã khách hàng": "general_info.customer_code",
      "Khu vực giao hàng": { role: "area" },
      "Công ty": { role: "company" },
      "Nhóm khách hàng": { role: "tags" },
      "Ngày sinh": null,
    });
    expect(Object.keys(saved)).toHaveLength(KIOTVIET.columns.length + 1);
    const again = await runCli(["validate", input, "--columns", map, "--report", join(dir, "b.csv")]);
    expect(again.code).toBe(0);
    expect(await statuses(join(dir, "b.csv"))).toEqual(await statuses(join(dir, "a.csv")));
  });

  it("saves a MISA SME mapping even though its 0/1 flag stops the run; with the flag's values filled in, the file is valid", async () => {
    const { dir, input } = await folderWith(headersOf(MISA_SME), [
      { "Là tổ chức/cá nhân": "0", "Mã khách hàng (*)": "KH1", "Tên khách hàng (*)": "Công ty Sao Mai", "Họ và tên NLH": "Lê Cường" },
      { "Là tổ chức/cá nhân": "1", "Mã khách hàng (*)": "KH2", "Tên khách hàng (*)": "Nguyễn An" },
    ]);
    const map = join(dir, "map.json");
    const stopped = await runCli(["validate", input, "--save-columns", map, "--report", join(dir, "a.csv")]);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('"Là tổ chức/cá nhân" is not read');
    const saved = JSON.parse(await readFile(map, "utf8")) as Record<string, unknown>;
    expect(saved["Là tổ chức/cá nhân"]).toBeNull();
    saved["Là tổ chức/cá nhân"] = { field: "general_info.type", values: { "0": "company", "1": "personal" } };
    await writeFile(map, JSON.stringify(saved));
    const run = await runCli(["validate", input, "--columns", map, "--report", join(dir, "b.csv")]);
    expect(run.code).toBe(0);
    expect((await statuses(join(dir, "b.csv"))).map(([row, status]) => [row, status])).toEqual([["2", "valid"], ["3", "valid"]]);
  });

  it("does not overwrite an existing file without --force", async () => {
    const { dir, input } = await folderWith(headersOf(KIOTVIET), [{ "Loại khách": "Cá nhân", "Mã khách hàng": "KH1", "Tên khách hàng": "An" }]);
    const map = join(dir, "map.json");
    await writeFile(map, "{\"my\": \"edits\"}");
    const run = await runCli(["validate", input, "--save-columns", map, "--report", join(dir, "a.csv")]);
    expect(run.code).toBe(2);
    expect(await readFile(map, "utf8")).toBe("{\"my\": \"edits\"}");
    expect((await runCli(["validate", input, "--save-columns", map, "--force", "--report", join(dir, "a.csv")])).code).toBe(0);
  });
});
