import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/server.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const report = async (path: string) => parseCsv(await readFile(path, "utf8"));
const code = (i: number) => `KH${String(i).padStart(5, "0")}`;

/** The server holds KH00001..KH00005. */
async function withCustomers(options: SandboxOptions = {}) {
  const env = await setup(options);
  for (let i = 1; i <= 5; i += 1) env.sandbox.store.insert({ general_info: { name: `Khách ${i}`, customer_code: code(i), type: "personal", tax_id: "0309999999" } }, new Date().toISOString());
  return env;
}

const codesHeld = (sandbox: Sandbox) => sandbox.store.list().map((customer) => customer.general_info.customer_code).sort();

describe("import --mode delete", () => {
  it("deletes by code from a file that has nothing but codes; an unknown code is skipped as not found; exit 0", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const input = await writeCustomersCsv(dir, "gone.csv", [[code(2)], [code(4)], ["KH99999"]], ["Mã khách hàng"]);
    const run = await runCli(["import", input, "--mode", "delete", "--allow-delete", ...fast], { env });
    expect(run.stderr).toContain("2 customers deleted");
    expect(run.code).toBe(0);
    const rows = await report(join(dir, "gone.report.csv"));
    expect(rows.map((row) => row.status)).toEqual(["deleted", "deleted", "skipped"]);
    expect(rows[2]?.message).toMatch(/not found/);
    expect(codesHeld(sandbox)).toEqual([code(1), code(3), code(5)]);
  });

  it("deletes by customer_id from an export, and refuses a row whose code and id name different customers", async () => {
    const { sandbox, dir, env } = await withCustomers();
    expect((await runCli(["export", join(dir, "all.csv"), ...fast], { env })).code).toBe(0);
    const exported = await readFile(join(dir, "all.csv"), "utf8");
    const [header, ...lines] = exported.replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/);
    const idOf = (i: number) => sandbox.store.byCode(code(i))!.customer_id;
    // row 1 as exported (KH00001); row 2: KH00002's code beside KH00003's id
    const mixed = lines[1]!.replace(idOf(2), idOf(3));
    await import("node:fs/promises").then(({ writeFile }) => writeFile(join(dir, "all.csv"), [header, lines[0], mixed].join("\r\n") + "\r\n"));
    const run = await runCli(["import", join(dir, "all.csv"), "--mode", "delete", "--allow-delete", ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(join(dir, "all.report.csv"));
    expect(rows.map((row) => row.status)).toEqual(["deleted", "invalid"]);
    expect(rows[1]?.message).toMatch(/name different customers/);
    expect(codesHeld(sandbox)).toEqual([code(2), code(3), code(4), code(5)]);
  });

  it("leaves rows hidden in an XLSX sheet (filtered out in Excel) alone, and says how many", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Xóa");
    sheet.addRows([["Mã khách hàng"], [code(1)], [code(2)], [code(3)], [code(4)]]);
    sheet.getRow(3).hidden = true;
    sheet.getRow(5).hidden = true;
    await book.xlsx.writeFile(join(dir, "gone.xlsx"));
    const run = await runCli(["import", join(dir, "gone.xlsx"), "--mode", "delete", "--allow-delete", ...fast], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("2 rows hidden in the sheet (filtered out in Excel) were not deleted");
    expect(codesHeld(sandbox)).toEqual([code(2), code(4), code(5)]);
  });

  it("deletes by customer_id alone when the code cell is blank", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const id = sandbox.store.byCode(code(3))!.customer_id;
    const input = await writeCustomersCsv(dir, "ids.csv", [["", id]], ["Customer code", "customer_id"]);
    const run = await runCli(["import", input, "--mode", "delete", "--allow-delete", ...fast], { env });
    expect(run.code).toBe(0);
    expect((await report(join(dir, "ids.report.csv"))).map((row) => row.status)).toEqual(["deleted"]);
    expect(sandbox.store.byCode(code(3))).toBeUndefined();
  });

  it("reports a DELETE refused for unpaid invoices or active contracts as failed, with the server's reason, on its row", async () => {
    const { sandbox, dir, env } = await withCustomers({ unpaidCodes: [code(1)], contractCodes: [code(2)] });
    const input = await writeCustomersCsv(dir, "gone.csv", [[code(1)], [code(2)], [code(3)]], ["Customer code"]);
    const run = await runCli(["import", input, "--mode", "delete", "--allow-delete", ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(join(dir, "gone.report.csv"));
    expect(rows.map((row) => [row.status, row.http_status])).toEqual([["failed", "400"], ["failed", "400"], ["deleted", "200"]]);
    expect(rows[0]?.message).toBe("Finan refused to delete this customer: customer has unpaid invoices or active contracts");
    expect(rows[1]?.message).toBe("Finan refused to delete this customer: customer has active contracts");
    expect(codesHeld(sandbox)).toEqual([code(1), code(2), code(4), code(5)]);
  });

  it("deletes nothing without --allow-delete: every delete row is invalid and says what to add", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const input = await writeCustomersCsv(dir, "gone.csv", [[code(1)], [code(2)]], ["Customer code"]);
    const run = await runCli(["import", input, "--mode", "delete", ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(join(dir, "gone.report.csv"));
    expect(rows.map((row) => row.status)).toEqual(["invalid", "invalid"]);
    expect(rows[0]?.message).toMatch(/--allow-delete/);
    expect(sandbox.store.count()).toBe(5);
  });

  it("dry run: lists what would be deleted, loudly, and deletes nothing", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const input = await writeCustomersCsv(dir, "gone.csv", [[code(1)], [code(2)], ["KH99999"]], ["Customer code"]);
    const run = await runCli(["import", input, "--mode", "delete", "--allow-delete", "--dry-run", ...fast], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/THIS WOULD DELETE 2 customers/);
    const rows = await report(join(dir, "gone.dry-run.csv"));
    expect(rows.map((row) => row.status)).toEqual(["would-delete", "would-delete", "skipped"]);
    const json = await runCli(["import", input, "--mode", "delete", "--allow-delete", "--dry-run", "--json", "--force", ...fast], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ mode: "delete", dryRun: true, wouldDelete: 2, counts: { "would-delete": 2, skipped: 1 } });
    expect(sandbox.store.count()).toBe(5);
  });
});

describe("import --mode update", () => {
  it("replaces existing customers and skips unknown codes as not found: a mistyped code creates nothing", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(77)]);
    const run = await runCli(["import", input, "--mode", "update", ...fast], { env });
    expect(run.code).toBe(0);
    const rows = await report(join(dir, "in.report.csv"));
    expect(rows.map((row) => row.status)).toEqual(["replaced", "skipped"]);
    expect(rows[1]?.message).toMatch(/not found/);
    expect(sandbox.store.byCode(code(1))?.general_info.name).toBe("Nguyễn Thị Hồng 1");
    expect(sandbox.store.byCode(code(77))).toBeUndefined();
  });
});

describe("undo of a delete run", () => {
  it("re-creates every deleted record field for field, maps old id → new id in its report, and changes nothing the second time", async () => {
    const { sandbox, dir, env } = await setup();
    const full = {
      general_info: { name: "Công ty TNHH Sao Việt", customer_code: "KH00010", type: "company", phone_code: "+84", phone: "0243791567", email: "ketoan@saoviet.example.com", tax_id: "0312345678", custom_tag: "Đại lý", contact_persons: [{ name: "Trần Văn Bình", phone_number: "0912345678", email: "binh@saoviet.example.com" }] },
      address: { country: "Việt Nam", province: "Hà Nội", ward: "Phường Dịch Vọng Hậu", address: "Số 8 Trần Thái Tông" },
      bank_accounts: [{ bank_code: "202", bank_name: "BIDV", account_holder_name: "CONG TY SAO VIET", account_number: "31410001234567" }],
    } as const;
    const plain = { general_info: { name: "Lê Thị Hoa", customer_code: "KH00011", type: "personal" } } as const;
    const before = [full, plain].map((payload) => sandbox.store.insert(structuredClone(payload) as never, new Date().toISOString()));
    const input = await writeCustomersCsv(dir, "gone.csv", [["KH00010"], ["KH00011"]], ["Customer code"]);
    expect((await runCli(["import", input, "--mode", "delete", "--allow-delete", ...fast], { env })).code).toBe(0);
    expect(sandbox.store.count()).toBe(0);

    expect((await runCli(["undo", join(dir, "gone.report.csv"), "--dry-run", ...fast], { env })).code).toBe(0);
    expect((await report(join(dir, "gone.report.undo-plan.csv"))).map((row) => row.status)).toEqual(["would-create", "would-create"]);
    expect(sandbox.store.count()).toBe(0);
    const undo = await runCli(["undo", join(dir, "gone.report.csv"), ...fast], { env });
    expect(undo.code).toBe(0);
    const rows = await report(join(dir, "gone.report.undo.csv"));
    expect(rows.map((row) => row.status)).toEqual(["created", "created"]);
    for (const [at, old] of before.entries()) {
      const now = sandbox.store.byCode(old.general_info.customer_code)!;
      const { customer_id: _oldId, created_at: _c, updated_at: _u, ...oldFields } = old;
      const { customer_id: newId, created_at: _c2, updated_at: _u2, ...newFields } = now;
      expect(newFields).toEqual(oldFields);
      expect(newId).not.toBe(old.customer_id);
      expect(rows[at]).toMatchObject({ customer_id: newId, message: `re-created with a new customer_id ${newId} (it was ${old.customer_id})` });
    }
    const after = JSON.stringify(sandbox.store.list());
    expect((await runCli(["undo", join(dir, "gone.report.csv"), ...fast], { env })).code).toBe(0);
    expect(JSON.stringify(sandbox.store.list())).toBe(after);
  });
});

describe("the Action column", () => {
  it("sets each row's operation over --mode: create, replace, merge, delete and skip rows in one sheet", async () => {
    const { sandbox, dir, env } = await withCustomers();
    const header = ["Thao tác", "Customer code", "Name", "Type", "Email"];
    const input = await writeCustomersCsv(dir, "mixed.csv", [
      ["tạo mới", code(20), "Khách mới", "personal", ""],
      ["replace", code(1), "Tên mới 1", "personal", ""],
      ["Cập nhật (giữ ô trống)", code(2), "Tên mới 2", "personal", "hai@example.vn"],
      ["XÓA", code(3), "", "", ""],
      ["bỏ qua", code(4), "Không gửi", "personal", ""],
      ["", code(5), "Theo --mode", "personal", ""],
      ["cập nhật", code(21), "Mơ hồ", "personal", ""],
      ["nuke", code(22), "Sai", "personal", ""],
    ], header);
    const run = await runCli(["import", input, "--allow-delete", ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await report(join(dir, "mixed.report.csv"));
    expect(rows.map((row) => row.status)).toEqual(["created", "replaced", "replaced", "deleted", "skipped", "replaced", "invalid", "invalid"]);
    expect(rows[6]?.message).toMatch(/chỉ cập nhật/);
    expect(rows[7]?.message).toMatch(/"nuke" is not an action/);
    expect(sandbox.store.byCode(code(1))?.general_info.tax_id).toBeUndefined();
    expect(sandbox.store.byCode(code(2))?.general_info).toMatchObject({ name: "Tên mới 2", tax_id: "0309999999", email: "hai@example.vn" });
    expect(sandbox.store.byCode(code(3))).toBeUndefined();
    expect(sandbox.store.byCode(code(4))?.general_info.name).toBe("Khách 4");
    expect(sandbox.store.byCode(code(20))?.general_info.name).toBe("Khách mới");
    expect(sandbox.store.byCode(code(21))).toBeUndefined();
    // the Action column is the file's own: kept in the report, never warned about as unknown
    expect(rows[3]?.["Thao tác"]).toBe("XÓA");
    expect(run.stderr).not.toMatch(/Thao tác/);
  });
});
