import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { readInput } from "../../src/customers/read-input.js";
import type { CustomerPayload } from "../../src/customers/types.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";
import { SOURCE_SAMPLES } from "./source-samples.js";

const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));
const MAKE_SAMPLES = fileURLToPath(new URL("../../scripts/make-samples.mjs", import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function folder(): Promise<string> {
  const dir = await tempDir("finan-samples-");
  cleanups.push(dir.cleanup);
  return dir.path;
}

/** `finan-bulk validate samples/<file>` with the report in a temp folder, read back as CSV. */
async function validateSample(file: string) {
  const report = join(await folder(), "report.csv");
  const run = await runCli(["validate", join(SAMPLES, file), "--report", report, "--json"]);
  return { ...run, summary: JSON.parse(run.stdout) as Record<string, unknown>, report: parseCsv(await readFile(report, "utf8")) };
}

async function payloads(file: string): Promise<CustomerPayload[]> {
  const table = await readInput(join(SAMPLES, file));
  const found: CustomerPayload[] = [];
  for await (const row of table.rows) if (row.outcome.ok) found.push(row.outcome.payload);
  return found;
}

/** Every sheet's cell values, read by exceljs itself (typed cells included). */
async function workbookCells(path: string): Promise<unknown[]> {
  const sheets: unknown[] = [];
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache" })) {
    const rows: unknown[] = [];
    for await (const row of sheet) rows[row.number - 1] = (row.values as unknown[]).slice(1);
    sheets.push(rows);
  }
  return sheets;
}

const TESTED = ["customers.csv", "customers.xlsx", "customers-with-mistakes.xlsx", "customers-damaged.csv", ...SOURCE_SAMPLES];

describe("samples/", () => {
  it("holds only samples that these tests run", async () => {
    expect((await readdir(SAMPLES)).sort()).toEqual([...TESTED].sort());
  });

  it("is what scripts/make-samples.mjs writes", async () => {
    const dir = await folder();
    await promisify(execFile)(process.execPath, [MAKE_SAMPLES, dir]);
    for (const file of TESTED.filter((name) => name.endsWith(".csv"))) expect(await readFile(join(dir, file))).toEqual(await readFile(join(SAMPLES, file)));
    for (const file of TESTED.filter((name) => name.endsWith(".xlsx"))) {
      expect(await workbookCells(join(dir, file))).toEqual(await workbookCells(join(SAMPLES, file)));
    }
  });

  it.each(["customers.csv", "customers.xlsx"])("%s: 30 customers, every row valid, no warning", async (file) => {
    const { code, summary, report } = await validateSample(file);
    expect(code).toBe(0);
    expect(summary).toMatchObject({ rows: 30, counts: { valid: 30, invalid: 0 }, rowWarnings: 0, warnings: [] });
    expect(report.map((r) => r.row)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 2)));
    expect(report.every((r) => r.status === "valid" && r.message === "")).toBe(true);
  });

  it("customers.csv (English headers) and customers.xlsx (Vietnamese headers) hold the same customers", async () => {
    const fromCsv = await payloads("customers.csv");
    expect(await payloads("customers.xlsx")).toEqual(fromCsv);
    const types = fromCsv.map((customer) => customer.general_info.type);
    expect(types.filter((type) => type === "company")).toHaveLength(12);
    const company = fromCsv.filter((customer) => customer.general_info.type === "company");
    expect(company.every((customer) => (customer.general_info.contact_persons?.length ?? 0) > 0)).toBe(true);
    const accounts = fromCsv.flatMap((customer) => customer.bank_accounts ?? []).map((bank) => bank.account_number);
    expect(accounts).toContain("0801000123456789");
    expect(fromCsv.map((customer) => customer.general_info.tax_id)).toContain("0101234565");
    expect(fromCsv.map((customer) => customer.general_info.name)).toContain("Công ty Cổ phần Thực phẩm Sạch Huế");
    expect(fromCsv.find((customer) => customer.general_info.customer_code === "KH030")?.general_info.contact_persons?.[0]?.name).toBe("Tôn Nữ Minh Thư");
    expect(new Set(fromCsv.map((customer) => customer.address?.province)).size).toBeGreaterThanOrEqual(15);
  });

  it("customers-with-mistakes.xlsx: each common mistake once, reported on its own row", async () => {
    const { code, summary, report } = await validateSample("customers-with-mistakes.xlsx");
    expect(code).toBe(1);
    expect(summary).toMatchObject({ rows: 12, counts: { valid: 2, invalid: 10 }, rowWarnings: 1 });
    // a title row above the header, and a blank row in the middle that gets no line but keeps the numbering
    expect(summary.warnings).toEqual([expect.stringContaining('Column "Notes" is not a customer field')]);
    const expected: [row: string, status: string, message: RegExp][] = [
      ["3", "valid", /^$/],
      ["4", "invalid", /^Name \(general_info\.name\): is required$/],
      ["5", "invalid", /^Email \(general_info\.email\): is not an email address$/],
      ["6", "invalid", /^Type \(general_info\.type\): "khách lẻ" is not a customer type/],
      ["7", "invalid", /^Contact 1 name \(contact_persons\.1\.name\): a company needs at least one contact person with a name$/],
      ["8", "valid", /^Phone \(general_info\.phone\): added the leading 0 Excel dropped \(912345678 → 0912345678\)$/],
      ["10", "invalid", /^Bank 1 account number \(bank_accounts\.1\.account_number\): lost digits in Excel: format the column as Text and retype$/],
      ["11", "invalid", /^Street address \(address\.address\): holds a date \(2024-05-12\)/],
      ["12", "invalid", /^Customer code \(general_info\.customer_code\): duplicate customer_code, first at row 3$/],
      ["13", "invalid", /^Contact 1 name \(contact_persons\.1\.name\): is required when other cells of this contact are filled$/],
      ["14", "invalid", /^Bank 1 account number \(bank_accounts\.1\.account_number\): is required when other cells of this bank account are filled$/],
      ["15", "invalid", /^Province \(address\.province\): #N\/A in the cell: fix the formula or type the value$/],
    ];
    expect(report.map((r) => [r.row, r.status])).toEqual(expected.map(([row, status]) => [row, status]));
    report.forEach((line, index) => expect(line.message).toMatch(expected[index]![2]));
    expect(report.map((r) => r["Customer code"])).toEqual(["KH001", "KH002", "KH004", "KH005", "KH021", "KH007", "KH008", "KH009", "KH001", "KH011", "KH013", "KH014"]);
  });

  it("customers-with-mistakes.xlsx: its XLSX report, validated again unchanged, fails the same rows for the same cells", async () => {
    const dir = await folder();
    const first = join(dir, "report.xlsx");
    expect((await runCli(["validate", join(SAMPLES, "customers-with-mistakes.xlsx"), "--report", first])).code).toBe(1);
    const second = join(dir, "again.csv");
    expect((await runCli(["validate", first, "--report", second])).code).toBe(1);
    const { report } = await validateSample("customers-with-mistakes.xlsx");
    const again = parseCsv(await readFile(second, "utf8"));
    // the lost digits, the date and the #N/A stay what they were: a number, a date, an error
    const cellOf = (message: string | undefined) => message?.split(":")[0];
    expect(again.map((r) => [r["Customer code"], r.status, cellOf(r.message)])).toEqual(report.map((r) => [r["Customer code"], r.status, cellOf(r.message)]));
  });
});
