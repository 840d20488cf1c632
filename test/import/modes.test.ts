import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import { runCli, setup } from "../helpers/cli.js";
import { HEADER, customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const report = async (path: string) => parseCsv(await readFile(path, "utf8"));

/** The server already holds KH00001 with a tax id, an address and a bank account. */
async function withExisting(options: SandboxOptions = {}) {
  const env = await setup(options);
  env.sandbox.store.insert(
    {
      general_info: { name: "Old Name", customer_code: "KH00001", type: "personal", tax_id: "0309999999", custom_tag: "VIP" },
      address: { province: "Hà Nội", ward: "Phường Tràng Tiền" },
      bank_accounts: [{ bank_code: "202", account_number: "123456789012" }],
    },
    new Date().toISOString(),
  );
  return env;
}

describe("import --mode", () => {
  it("create: an existing code is skipped and left untouched", async () => {
    const { sandbox, dir, env } = await withExisting();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2)]);
    const run = await runCli(["import", input, "--mode", "create", ...fast], { env });
    expect(run.code).toBe(0);
    expect((await report(`${dir}/in.report.csv`)).map((r) => r.status)).toEqual(["skipped", "created"]);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Old Name");
  });

  it("upsert: PUT replaces the whole record, so blank cells and absent blocks are cleared", async () => {
    const { sandbox, dir, env } = await withExisting();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1, { "Tax ID": "", Province: "" })]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const record = sandbox.store.byCode("KH00001")!;
    expect(record.general_info.name).toBe("Nguyễn Thị Hồng 1");
    expect(record.general_info.tax_id).toBeUndefined();
    expect(record.general_info.custom_tag).toBeUndefined();
    expect(record.address?.ward).toBeUndefined();
  });

  it("merge: only the row's non-blank cells are laid over the record", async () => {
    const { sandbox, dir, env } = await withExisting();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1, { "Tax ID": "", Province: "Đà Nẵng", "Bank 1 code": "", "Bank 1 account number": "" })]);
    const run = await runCli(["import", input, "--mode", "merge", ...fast], { env });
    expect(run.code).toBe(0);
    const record = sandbox.store.byCode("KH00001")!;
    expect(record.general_info.name).toBe("Nguyễn Thị Hồng 1");
    expect(record.general_info.tax_id).toBe("0309999999");
    expect(record.general_info.custom_tag).toBe("VIP");
    expect(record.address).toMatchObject({ province: "Đà Nẵng", ward: "Phường Tràng Tiền" });
    expect(record.bank_accounts).toEqual([{ bank_code: "202", account_number: "123456789012" }]);
  });
});

describe("a bank name the rules fill from the code (the file has no bank name column)", () => {
  /** KH00001's bank account as the server holds it: bank 203 (Vietcombank) spelt its own way. */
  async function withSpelling(bankCode: string) {
    const env = await setup();
    env.sandbox.store.insert(
      { general_info: { name: "Old Name", customer_code: "KH00001", type: "personal" }, bank_accounts: [{ bank_code: bankCode, bank_name: "NH Ngoại thương CN Sài Gòn", account_number: "0071001234567890" }] },
      new Date().toISOString(),
    );
    return env;
  }
  const bankOf = (env: Awaited<ReturnType<typeof setup>>) => env.sandbox.store.byCode("KH00001")?.bank_accounts?.[0];

  for (const mode of ["upsert", "update", "merge"]) {
    it(`--mode ${mode}: the server's own name for the same bank stays`, async () => {
      const env = await withSpelling("203");
      const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1)]);
      expect((await runCli(["import", input, "--mode", mode, ...fast], { env: env.env })).code).toBe(0);
      expect(bankOf(env)).toMatchObject({ bank_code: "203", bank_name: "NH Ngoại thương CN Sài Gòn" });
      // the row's note says the table filled the name; its message says the server's spelling stayed
      const [row] = await report(`${env.dir}/in.report.csv`);
      expect(row?.status).toBe("replaced");
      expect(row?.message).toMatch(/^replaced; Bank 1 name kept as the server holds it \(NH Ngoại thương CN Sài Gòn\) for the same bank/);
    });
  }

  it("a row whose server already spells the bank as the table does says nothing more", async () => {
    const env = await setup();
    env.sandbox.store.insert(
      { general_info: { name: "Old Name", customer_code: "KH00001", type: "personal" }, bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "0071001234567890" }] },
      new Date().toISOString(),
    );
    const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, "--lang", "vi", ...fast], { env: env.env })).code).toBe(0);
    const [row] = await report(`${env.dir}/in.report.csv`);
    expect(row?.message ?? "").not.toMatch(/giữ nguyên/);
  });

  it("says it in Vietnamese with --lang vi", async () => {
    const env = await withSpelling("203");
    const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, "--lang", "vi", ...fast], { env: env.env })).code).toBe(0);
    const rows = await readFile(`${env.dir}/in.report.csv`, "utf8");
    expect(rows).toContain("đã thay thế; ");
    expect(rows).toContain("giữ nguyên như trên máy chủ (NH Ngoại thương CN Sài Gòn)");
  });

  it("a row that changes the bank gets the new bank's name; a new customer gets it too", async () => {
    const env = await withSpelling("202");
    const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1), customerRow(2)]);
    expect((await runCli(["import", input, ...fast], { env: env.env })).code).toBe(0);
    expect(bankOf(env)).toMatchObject({ bank_code: "203", bank_name: "Vietcombank" });
    expect(env.sandbox.store.byCode("KH00002")?.bank_accounts?.[0]).toMatchObject({ bank_code: "203", bank_name: "Vietcombank" });
  });

  it("the dry run's plan of the same row changes nothing", async () => {
    const env = await withSpelling("203");
    const input = await writeCustomersCsv(env.dir, "in.csv", [customerRow(1, { Name: "Old Name", Type: "personal", Email: "", "Tax ID": "", Province: "", Phone: "", "Phone code": "", "Contact 1 name": "" })]);
    expect((await runCli(["import", input, "--dry-run", "--mode", "merge", ...fast], { env: env.env })).code).toBe(0);
    const [row] = await report(`${env.dir}/in.dry-run.csv`);
    expect(row?.status).toBe("would-replace");
    expect(row?.message).toMatch(/^no change;/);
  });
});

describe("fields beyond our columns (a server that holds a note and a birthday)", () => {
  async function withExtras() {
    const env = await withExisting({ extraFields: ["note", "general_info.birthday"] });
    const id = env.sandbox.store.byCode("KH00001")!.customer_id;
    const record = env.sandbox.store.get(id)!;
    env.sandbox.store.put({ ...record, note: "VIP since 2019", general_info: { ...record.general_info, birthday: "1990-01-02" } } as typeof record);
    return env;
  }

  it("merge keeps them: the PUT lays the row over the whole record as fetched", async () => {
    const { sandbox, dir, env } = await withExtras();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, "--mode", "merge", ...fast], { env })).code).toBe(0);
    const record = sandbox.store.byCode("KH00001")! as unknown as Record<string, unknown> & { general_info: Record<string, unknown> };
    expect(record.general_info["name"]).toBe("Nguyễn Thị Hồng 1");
    expect(record["note"]).toBe("VIP since 2019");
    expect(record.general_info["birthday"]).toBe("1990-01-02");
  });

  it("upsert's dry run names them among the fields it would clear, and the console counts the rows that would clear", async () => {
    const { dir, env } = await withExtras();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2)]);
    const run = await runCli(["import", input, "--dry-run", ...fast], { env });
    expect(run.code).toBe(0);
    const [row] = await report(`${dir}/in.dry-run.csv`);
    expect(row?.message).toMatch(/WOULD CLEAR \d+ fields?: .*Tag \(general_info\.custom_tag\).*note \(not a column of this tool\)/);
    expect(row?.message).toMatch(/general_info\.birthday \(not a column of this tool\)/);
    expect(run.stderr).toMatch(/1 row would CLEAR fields the server holds/);
  });
});

describe("import --dry-run", () => {
  it("sends no write and says what a replace would change and, louder, clear", async () => {
    const { sandbox, dir, env } = await withExisting();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1, { "Tax ID": "" }), customerRow(2)]);
    const before = JSON.stringify(sandbox.store.list());
    const writesBefore = sandbox.stats.requests;
    const run = await runCli(["import", input, "--dry-run", ...fast], { env });
    expect(run.code).toBe(0);
    const rows = await report(`${dir}/in.dry-run.csv`);
    expect(rows.map((r) => r.status)).toEqual(["would-replace", "would-create"]);
    expect(rows[0]?.message).toMatch(/WOULD CLEAR .*Tax ID \(general_info\.tax_id\)/);
    expect(rows[0]?.message).toMatch(/Tag \(general_info\.custom_tag\)/);
    expect(rows[0]?.message).toMatch(/would change: .*Name \(general_info\.name\)/);
    expect(JSON.stringify(sandbox.store.list())).toBe(before);
    expect(sandbox.stats.requests - writesBefore).toBe(2); // one listing, one GET for the replace plan
  });
});

describe("import report", () => {
  it("keeps input order with parallel requests and marks invalid rows without sending them", async () => {
    const { sandbox, dir, env } = await setup({ latencyMs: 5 });
    const rows = Array.from({ length: 40 }, (_, i) => customerRow(i + 1));
    rows[9] = customerRow(10, { Email: "not-an-email" });
    rows[20] = customerRow(21, { Name: "" });
    const input = await writeCustomersCsv(dir, "in.csv", rows);
    const run = await runCli(["import", input, "--rate", "0", "--concurrency", "8"], { env });
    expect(run.code).toBe(1);
    const out = await report(`${dir}/in.report.csv`);
    expect(out.map((r) => Number(r.row))).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(out.map((r) => r["Customer code"])).toEqual(rows.map((r) => r[0]));
    expect(out[9]).toMatchObject({ status: "invalid", customer_id: "" });
    expect(out[9]?.message).toMatch(/^Email \(general_info\.email\)/);
    expect(out[20]?.message).toMatch(/Name \(general_info\.name\)/);
    expect(Object.keys(out[0]!)).toEqual([...HEADER, "row", "status", "customer_id", "http_status", "api_code", "request_id", "message", "attempts"]);
    expect(out[0]).toMatchObject({ status: "created", http_status: "200", api_code: "102001", attempts: "1" });
    expect(out[0]?.request_id).not.toBe("");
    expect(sandbox.store.count()).toBe(38);
    expect(run.stderr).toMatch(/--only failed,invalid/);
  });

  it("re-imports its own report, and --only failed,invalid re-runs just the fixed rows", async () => {
    const { sandbox, dir, env } = await setup();
    const rows = [customerRow(1), customerRow(2, { Email: "broken@" }), customerRow(3)];
    const input = await writeCustomersCsv(dir, "in.csv", rows);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(1);
    const reportPath = `${dir}/in.report.csv`;
    const fixed = (await readFile(reportPath, "utf8")).replace("broken@", "fixed@example.vn");
    await writeFile(reportPath, fixed);
    const rerun = await runCli(["import", reportPath, "--only", "failed,invalid", ...fast], { env });
    expect(rerun.code).toBe(0);
    const second = await report(`${dir}/in.report-2.csv`);
    expect(second.map((r) => r.status)).toEqual(["created", "created", "created"]);
    expect(second[1]?.Email).toBe("fixed@example.vn");
    expect(second[0]?.customer_id).toBe(sandbox.store.byCode("KH00001")?.customer_id);
    expect(sandbox.store.count()).toBe(3);
    expect(sandbox.store.byCode("KH00002")?.general_info.email).toBe("fixed@example.vn");
  });

  it("re-running an XLSX report unchanged with --only failed,invalid sends none of the rows it failed", async () => {
    const { sandbox, dir, env } = await setup();
    const input = `${dir}/mistakes.xlsx`;
    await writeFile(input, await readFile(new URL("../../samples/customers-with-mistakes.xlsx", import.meta.url)));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(1);
    const held = sandbox.store.count();
    const rerun = await runCli(["import", `${dir}/mistakes.report.xlsx`, "--only", "failed,invalid", ...fast], { env });
    expect(rerun.code).toBe(1);
    // the lost digits (KH008), the date (KH009) and the #N/A (KH014) were kept as such, not as text
    expect(sandbox.store.count()).toBe(held);
    for (const code of ["KH008", "KH009", "KH014"]) expect(sandbox.store.byCode(code)).toBeUndefined();
  });

  it("--only on a file that is not a report stops (exit 2) and leaves the last run's report alone", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Email: "broken@" })]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(1);
    const before = await readFile(`${dir}/in.report.csv`, "utf8");
    const run = await runCli(["import", input, "--only", "failed,invalid", ...fast], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not a finan-bulk report (it has no status column)");
    expect(run.stderr).toContain(`finan-bulk import ${dir}/in.report.csv --only failed,invalid`);
    expect(await readFile(`${dir}/in.report.csv`, "utf8")).toBe(before);
    expect(sandbox.store.count()).toBe(1);
  });

  it("after a dry run, fixing its plan and importing it creates every row, not only the fixed one", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Name: "" }), customerRow(3)]);
    const dry = await runCli(["import", input, "--dry-run", ...fast], { env });
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain("then run the import without --dry-run");
    expect(dry.stderr).not.toContain("--only");
    const plan = `${dir}/in.dry-run.csv`;
    const rows = parseCsv(await readFile(plan, "utf8"));
    expect(rows.map((r) => r.status)).toEqual(["would-create", "invalid", "would-create"]);
    await writeFile(plan, (await readFile(plan, "utf8")).replace("KH00002,,personal,", "KH00002,Trần Ba,personal,"));
    const run = await runCli(["import", plan, "--only", "failed,invalid", ...fast], { env });
    expect(run.code).toBe(0);
    expect(sandbox.store.count()).toBe(3);
    expect((await report(`${dir}/in.dry-run.report.csv`)).map((r) => r.status)).toEqual(["created", "created", "created"]);
  });

  it("prints one JSON object with --json", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const run = await runCli(["import", input, "--json", ...fast], { env });
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ command: "import", rows: 1, counts: { created: 1 }, mode: "upsert" });
  });
});

describe("import: the run cannot proceed (exit 2, nothing sent)", () => {
  it("leaves the last run's report and journal alone when the server cannot be reached", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    const before = await readFile(`${dir}/in.report.csv`, "utf8");
    const journal = await readFile(`${dir}/in.report.csv.journal`, "utf8");
    await sandbox.close();
    const run = await runCli(["import", input, ...fast, "--retries", "0"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Listing the existing customers failed, so no row was sent/);
    expect(await readFile(`${dir}/in.report.csv`, "utf8")).toBe(before);
    expect(await readFile(`${dir}/in.report.csv.journal`, "utf8")).toBe(journal);
  });

  it.each([
    ["missing credentials", { FINAN_CLIENT_ID: undefined }, /FINAN_CLIENT_ID/],
    ["a wrong secret", { FINAN_SECRET_KEY: "wrong-secret-value" }, /rejected the credentials/],
  ])("%s", async (_name, override, message) => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const run = await runCli(["import", input, ...fast], { env: { ...env, ...override } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr + run.stdout).not.toContain("wrong-secret-value");
    expect(sandbox.store.count()).toBe(0);
  });

  it("a missing input file", async () => {
    const { dir, env } = await setup();
    const run = await runCli(["import", `${dir}/nope.csv`], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.csv/);
  });

  it("a file with no recognisable header", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [["a", "b"]], ["foo", "bar"]);
    const run = await runCli(["import", input], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No header row/);
    expect(sandbox.stats.requests).toBe(0);
  });
});
