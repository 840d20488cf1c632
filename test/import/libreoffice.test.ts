// Files saved by LibreOffice 7.4 (test/fixtures/*.libreoffice.*, made by scripts/make-libreoffice-fixtures.mjs), imported into the sandbox.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import type { StoredCustomer } from "../../src/sandbox/store.js";
import { harnessThisTest } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** `import --mode create` of a fixture into a fresh sandbox: the report's rows and what the sandbox holds. */
async function importFixture(name: string) {
  const h = await harnessThisTest();
  const report = join(h.dir, "report.csv");
  const run = await h.run(["import", fixture(name), "--mode", "create", "--rate", "0", "--report", report]);
  const rows = parseCsv(await readFile(report, "utf8")).map((row) => [row.row, row.status, row.message]);
  return { code: run.code, rows, stored: h.sandbox.store.list().map(sent) };
}

/** What the import sent, without what the server adds. */
function sent({ general_info, address, bank_accounts }: StoredCustomer): CustomerPayload {
  return { general_info, ...(address ? { address } : {}), ...(bank_accounts ? { bank_accounts } : {}) };
}

const PLUS_84 = "Phone code (general_info.phone_code): the + was lost in a spreadsheet (84 → +84)";
const zeroBack = (value: string) => `Phone (general_info.phone): added the leading 0 Excel dropped (${value} → 0${value})`;
const LOST = "lost digits in Excel: format the column as Text and retype";
const rounded = (value: string) => `Bank 1 account number (bank_accounts.1.account_number): "${value}" was rounded by a spreadsheet: this column also holds values in E+ notation, the mark of a file saved by a spreadsheet (it keeps only 15 digits). Take the value from the source, format the column as Text and retype it`;
const typedAsNumber = (value: string) => `Bank 1 account number (bank_accounts.1.account_number): ${value} was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text`;
const person = (code: string, name: string, phone: string, extra: Partial<CustomerPayload["general_info"]> = {}) => ({ customer_code: code, name, type: "personal", phone_code: "+84", phone, ...extra });

describe("an export converted to XLSX by LibreOffice (columns opened as Text)", () => {
  it("re-imports with no row invalid, no warning and no value changed: the guard's apostrophes go, leading zeros stay", async () => {
    const fromCsv = await importFixture("export-guarded.csv");
    const fromXlsx = await importFixture("export-guarded.libreoffice.xlsx");
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.rows).toEqual([
      ["2", "created", ""],
      ["3", "created", ""],
      ["4", "created", ""],
    ]);
    expect(fromXlsx.stored).toEqual(fromCsv.stored);
    expect(fromXlsx.stored).toEqual([
      { general_info: { ...person("00123", "Nguyễn Văn An", "0912345678"), custom_tag: "-VIP" }, address: { zip_code: "70000" }, bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "0071001234567" }] },
      {
        general_info: { customer_code: "KH002", name: "=1+1 Công ty Sao Việt", type: "company", phone_code: "+84", phone: "+84 24 3791 5678", tax_id: "0100233488", custom_tag: "@đại lý", contact_persons: [{ name: "Trần Văn Bình", phone_number: "+84 907 654 321" }] },
        address: { zip_code: "10000" },
        bank_accounts: [{ bank_code: "311", bank_name: "MB", account_number: "1824628194821993" }],
      },
      { general_info: { ...person("000045", "-Lê Thị Hoa-", "0287654321"), custom_tag: "=SUM(A1)" }, bank_accounts: [{ bank_code: "202", bank_name: "BIDV", account_number: "0451000123456789" }] },
    ]);
  });
});

// the fixture's banks have codes and no names: the bank table fills each name in, with a warning
const named = (group: number, name: string, code: string): string => `Bank ${group} name (bank_accounts.${group}.bank_name): bank name ${name} filled in from the bank code ${code}`;
const NOT_A_CODE = "Bank 1 code (bank_accounts.1.bank_code): 970 is not a bank code in the tool's bank list (2026-12-06): check it";

describe("a hand-kept list re-saved by LibreOffice with its columns as General", () => {
  it("as XLSX: restores what a rule proves, refuses 16 digits, warns of account numbers typed as numbers", async () => {
    const { code, rows, stored } = await importFixture("hand-kept.libreoffice.xlsx");
    expect(code).toBe(1);
    expect(rows).toEqual([
      ["2", "created", [PLUS_84, zeroBack("912345678"), typedAsNumber("71001234567"), named(1, "Vietcombank", "203")].join("; ")],
      ["3", "invalid", [`Bank 1 account number (bank_accounts.1.account_number): ${LOST}`, `Bank 2 account number (bank_accounts.2.account_number): ${LOST}`, PLUS_84, zeroBack("933456789"), "Tax ID (general_info.tax_id): added the leading 0 Excel dropped (100233488 → 0100233488)", named(1, "Vietcombank", "203"), named(2, "BIDV", "202")].join("; ")],
      ["4", "created", [PLUS_84, zeroBack("987654321"), typedAsNumber("451000123456789"), named(1, "MB Bank", "311")].join("; ")],
      ["5", "invalid", [`Bank 1 account number (bank_accounts.1.account_number): ${LOST}`, PLUS_84, zeroBack("903123456"), NOT_A_CODE].join("; ")],
      ["6", "invalid", [`Bank 1 account number (bank_accounts.1.account_number): ${LOST}`, PLUS_84, zeroBack("977888999"), named(1, "Vietcombank", "203")].join("; ")],
    ]);
    expect(stored).toEqual([
      { general_info: person("KH001", "Nguyễn Văn An", "0912345678"), bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "71001234567" }] },
      { general_info: { ...person("KH003", "Trần Minh Châu", "0987654321"), tax_id: "3600252847" }, bank_accounts: [{ bank_code: "311", bank_name: "MB Bank", account_number: "451000123456789" }] },
    ]);
  });

  it("as CSV saved from that XLSX: a 16-digit value ending in 0 is refused where its column also holds E+ values", async () => {
    const { code, rows, stored } = await importFixture("hand-kept.libreoffice-xlsx.csv");
    expect(code).toBe(1);
    expect(rows).toEqual([
      ["2", "created", [PLUS_84, zeroBack("912345678"), named(1, "Vietcombank", "203")].join("; ")],
      ["3", "invalid", [`Bank 2 account number (bank_accounts.2.account_number): ${LOST}`, rounded("1824628194821990"), PLUS_84, zeroBack("933456789"), "Tax ID (general_info.tax_id): added the leading 0 Excel dropped (100233488 → 0100233488)", named(1, "Vietcombank", "203"), named(2, "BIDV", "202")].join("; ")],
      ["4", "created", [PLUS_84, zeroBack("987654321"), named(1, "MB Bank", "311")].join("; ")],
      ["5", "invalid", [`Bank 1 account number (bank_accounts.1.account_number): ${LOST}`, PLUS_84, zeroBack("903123456"), NOT_A_CODE].join("; ")],
      ["6", "invalid", [rounded("1903456789012350"), PLUS_84, zeroBack("977888999"), named(1, "Vietcombank", "203")].join("; ")],
    ]);
    expect(stored.map((customer) => customer.general_info.customer_code)).toEqual(["KH001", "KH003"]);
  });
});
