// With --lang vi, the plans a Vietnamese accountant reads before committing (import --dry-run,
// undo --dry-run) and the reports after speak Vietnamese: result columns, statuses, row messages.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { journalPathFor } from "../../src/import/history.js";
import { readJournal } from "../../src/import/journal.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "4", "--lang", "vi"];
const report = async (path: string) => parseCsv(await readFile(path, "utf8"));
// words of the English row messages and statuses these runs would otherwise write
const ENGLISH = /\b(?:would|change|clear|field|created|replaced|deleted|restored|skipped|since|import|not|the)\b/i;

/** The server holds KH00001 with a tax ID and a tag; the file clears the tax ID and adds KH00002. */
async function withExisting() {
  const env = await setup();
  env.sandbox.store.insert({ general_info: { name: "Old Name", customer_code: "KH00001", type: "personal", tax_id: "0309999999", custom_tag: "VIP" } }, new Date().toISOString());
  const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1, { "Tax ID": "" }), customerRow(2)]);
  return { ...env, input };
}

describe("plans and reports under --lang vi", () => {
  it("a dry run names its result columns, statuses and what a replace would change or clear in Vietnamese", async () => {
    const { dir, env, input } = await withExisting();
    expect((await runCli(["import", input, "--dry-run", ...fast], { env })).code).toBe(0);
    const rows = await report(join(dir, "in.dry-run.csv"));
    expect(Object.keys(rows[0]!).slice(-8)).toEqual(["Dòng", "Kết quả", "customer_id", "Mã HTTP", "Mã lỗi API", "request_id", "Thông báo", "Số lần gửi"]);
    expect(rows.map((row) => row["Kết quả"])).toEqual(["sẽ thay thế", "sẽ tạo"]);
    const message = rows[0]!["Thông báo"]!;
    expect(message).toMatch(/^SẼ BỊ XÓA TRẮNG \d+ trường: .*Mã số thuế \(general_info\.tax_id\)/);
    expect(message).toMatch(/sẽ đổi: .*Tên khách hàng \(general_info\.name\)/);
    expect(message.replace(/\([^)]*\)/g, "")).not.toMatch(ENGLISH);
  });

  it("an undo's plan and its report: statuses, the fields it would restore, and a record changed since, in Vietnamese", async () => {
    const { sandbox, dir, env, input } = await withExisting();
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const imported = await report(join(dir, "in.report.csv"));
    expect(imported.map((row) => row["Kết quả"])).toEqual(["đã thay thế", "đã tạo"]);
    // the journal keeps the machine's words, whatever the run's language: undo and runs read any journal
    const journal = readJournal(journalPathFor(join(dir, "in.report.csv")));
    expect([...journal.done.values()].map((done) => done.status).sort()).toEqual(["created", "replaced"]);
    // someone edits KH00002 after the import: undo leaves it, saying why
    const created = sandbox.store.byCode("KH00002")!;
    sandbox.store.put({ ...created, general_info: { ...created.general_info, name: "Edited" } });

    expect((await runCli(["undo", join(dir, "in.report.csv"), "--dry-run", ...fast], { env })).code).toBe(1);
    const plan = await report(join(dir, "in.report.undo-plan.csv"));
    const results = plan.map((row) => [row["Kết quả"], row["Thông báo"]]);
    expect(results).toEqual([
      ["sẽ khôi phục", expect.stringMatching(/Mã số thuế \(general_info\.tax_id\)/)],
      ["đã bỏ qua", "đã bị sửa trên máy chủ sau lần nhập (Tên khách hàng (general_info.name)): chưa xóa; hãy dùng --force nếu vẫn muốn xóa"],
    ]);
    expect((await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env })).code).toBe(1);
    const undone = await report(join(dir, "in.report.undo.csv"));
    expect(undone.map((row) => row["Kết quả"])).toEqual(["đã khôi phục", "đã bỏ qua"]);
    expect(sandbox.store.byCode("KH00001")?.general_info.tax_id).toBe("0309999999");
    for (const row of [...plan, ...undone]) expect((row["Thông báo"] ?? "").replace(/\([^)]*\)/g, "")).not.toMatch(ENGLISH);
  });
});
