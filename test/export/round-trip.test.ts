import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { harnessThisTest } from "../helpers/cli.js";

// What the samples lack: line breaks, quotes, formula-like text, 16-digit accounts, three contacts.
const TRICKY: CustomerPayload[] = [
  {
    general_info: { name: 'Nguyễn "Tí" Văn Tèo', customer_code: "RT-001", type: "personal", phone: "+84 933 456 789", tax_id: "0100233488", custom_tag: "=1+1" },
    address: { country: "Việt Nam", address: "Số 5\nHẻm 12, Lê Lợi", zip_code: "00700" },
    bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_holder_name: "NGUYEN VAN TEO", account_number: "0123456789012345" }],
  },
  {
    general_info: {
      name: "Công ty TNHH Ánh Dương",
      customer_code: "0042",
      type: "company",
      phone_code: "+84",
      phone: "028 3822 1234",
      custom_tag: "-5",
      contact_persons: [
        { name: "Trần Thị Đào", phone_number: "0903456789" },
        { name: "Lê Văn Bình", email: "binh.le@anhduong.vn" },
        { name: "Đỗ Quốc Khánh", phone_number: "+84 912 345 678" },
      ],
    },
    address: { address: "@ tầng 3\nTòa nhà \"Sao Mai\"" },
    bank_accounts: [{ bank_code: "202", account_number: "9704000011112222" }, { bank_name: "BIDV", account_number: "00012345678901234" }],
  },
];

// A web form's textarea sends CRLF line breaks.
const CRLF: CustomerPayload = { general_info: { name: "Hộ kinh doanh Bảo Ngọc", customer_code: "RT-CRLF", type: "personal" }, address: { address: "Kiốt 7\r\nChợ Bến Thành" } };

interface ReportRow {
  "Customer code": string;
  status: string;
  message: string;
}

describe("export → import round trip", () => {
  it.each(["csv", "xlsx"])("re-imports its own %s export as would-replace with no field changed", async (format) => {
    // a bank account with only a code, or only a name, is completed from the bank table, said on the row (rules/bank-rule.ts)
    expect(await roundTrip(format, [...TRICKY, CRLF])).toEqual([
      "0042: would-replace would change: Bank 1 name (bank_accounts.1.bank_name), Bank 2 code (bank_accounts.2.bank_code); Bank 1 name (bank_accounts.1.bank_name): bank name BIDV filled in from the bank code 202; Bank 2 code (bank_accounts.2.bank_code): bank code 202 filled in from the bank name BIDV",
    ]);
  });
});

/** Imports the samples plus `extra`, exports, re-imports with --dry-run; returns the rows that were not "no change". */
async function roundTrip(format: string, extra: CustomerPayload[]): Promise<string[]> {
  const h = await harnessThisTest();
  const input = join(h.dir, `samples.${format}`);
  await copyFile(join("samples", `customers.${format}`), input);
  const imported = await h.run(["import", input, "--rate", "0", "--json"]);
  expect(imported.code, imported.stderr).toBe(0);
  h.seed(extra);
  const customers = h.sandbox.store.count();
  expect(customers).toBe(30 + extra.length);

  const exported = await h.run(["export", `export.${format}`, "--rate", "0"]);
  expect(exported.code, exported.stderr).toBe(0);
  const report = join(h.dir, "again.report.csv");
  const again = await h.run(["import", join(h.dir, `export.${format}`), "--dry-run", "--rate", "0", "--report", report, "--json"]);
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ rows: customers, counts: { "would-replace": customers }, warnings: [] });

  const rows = parse(await readFile(report), { bom: true, columns: true }) as ReportRow[];
  expect(rows).toHaveLength(customers);
  return rows.filter((row) => row.status !== "would-replace" || row.message !== "no change").map((row) => `${row["Customer code"]}: ${row.status} ${row.message}`);
}
