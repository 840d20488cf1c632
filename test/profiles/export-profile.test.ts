import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { harnessThisTest } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/profiles/", import.meta.url));
const golden = async (name: string) => (await readFile(join(FIXTURES, `${name}.headers.txt`), "utf8")).trim().split("\n");

// The customer: 2 contacts, 2 banks, a province and a tag; and a person with a blank bank name.
const COMPANY: CustomerPayload = {
  general_info: {
    customer_code: "KH001",
    name: "Công ty TNHH Hải Âu",
    type: "company",
    phone: "0987654321",
    email: "lienhe@haiau.vn",
    tax_id: "0100233488",
    custom_tag: "VIP, Bán sỉ",
    contact_persons: [
      { name: "Trần Thị Bình", phone_number: "0912345678", email: "binh@haiau.vn" },
      { name: "Lê Văn Cường", phone_number: "0903123456" },
    ],
  },
  address: { address: "12 Thụy Khuê", ward: "Phường Thụy Khuê", district: "Quận Tây Hồ", province: "Hà Nội" },
  bank_accounts: [
    { bank_code: "203", bank_name: "Vietcombank", account_number: "0071001234567" },
    { bank_code: "202", bank_name: "BIDV", account_number: "12010000123456" },
  ],
};
const PERSON: CustomerPayload = {
  general_info: { customer_code: "KH002", name: "Nguyễn Văn An", type: "personal", phone: "0933456789" },
  bank_accounts: [{ bank_code: "201", account_number: "100872345678" }],
};

async function exported(args: string[]) {
  const h = await harnessThisTest();
  h.seed([COMPANY, PERSON]);
  const run = await h.run(["export", "out.csv", "--rate", "0", ...args]);
  expect(run.code, run.stderr).toBe(0);
  const text = await readFile(join(h.dir, "out.csv"), "utf8");
  return { h, run, headers: text.replace(/^\uFEFF/, "").split("\r\n")[0]!.split(","), rows: parseCsv(text) };
}

/** The exported file imported again with --mode merge --dry-run: each row's status and message. */
async function mergeDryRun(h: Harness, extra: string[] = []) {
  const again = await h.run(["import", "out.csv", "--mode", "merge", "--dry-run", "--rate", "0", "--report", "again.csv", ...extra]);
  expect(again.code, again.stderr).toBe(0);
  return parseCsv(await readFile(join(h.dir, "again.csv"), "utf8")).map((row) => [row.row, row.status, row.message]);
}

describe("export --profile misa", () => {
  it("writes MISA SME's template columns with one contact and one bank, the flag as --misa-org-flag says, and names what it left out", async () => {
    const { h, run, headers, rows } = await exported(["--profile", "misa", "--misa-org-flag", "0"]);
    expect(headers).toEqual(await golden("misa"));
    const filled = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== "")));
    expect(filled).toEqual([
      {
        "Là tổ chức/cá nhân": "0",
        "Mã khách hàng (*)": "KH001",
        "Tên khách hàng (*)": "Công ty TNHH Hải Âu",
        "Địa chỉ": "12 Thụy Khuê",
        "Mã số thuế": "0100233488",
        "Điện thoại": "0987654321",
        Email: "lienhe@haiau.vn",
        "Nhóm KH/NCC": "VIP, Bán sỉ",
        "Họ và tên NLH": "Trần Thị Bình",
        "ĐT di động NLH": "0912345678",
        "Email người liên hệ": "binh@haiau.vn",
        "Số tài khoản": "0071001234567",
        "Tên ngân hàng": "Vietcombank",
      },
      { "Là tổ chức/cá nhân": "1", "Mã khách hàng (*)": "KH002", "Tên khách hàng (*)": "Nguyễn Văn An", "Điện thoại": "0933456789", "Số tài khoản": "100872345678", "Tên ngân hàng": "VietinBank" },
    ]);
    for (const line of [
      "contact_persons.N.name: left out for 1 customers, as the MISA SME file has no column for it",
      "bank_accounts.1.bank_code: left out for 2 customers, as the MISA SME file has no column for it",
      "bank_accounts.N.account_number: left out for 1 customers, as the MISA SME file has no column for it",
      "address.province: left out for 1 customers, as the MISA SME file has no column for it",
      "a blank bank name was filled from the bank table by its code for 1 customers: KH002",
    ]) {
      expect(run.stderr).toContain(line);
    }
    // the flag's meaning is the user's to say when reading the file back, as it was when writing it
    await writeFile(join(h.dir, "map.json"), JSON.stringify({ $source: "misa-sme", "Là tổ chức/cá nhân": { field: "general_info.type", values: { "0": "company", "1": "personal" } } }));
    const again = await mergeDryRun(h, ["--columns", "map.json"]);
    const filledNote = (code: string, name: string) => `Tên ngân hàng (bank_accounts.1.bank_code): filled in ${code} from the bank table, the one bank named "${name}"`;
    expect(again[0]).toEqual(["2", "would-replace", `no change; ${filledNote("203", "Vietcombank")}`]);
    // the bank name the table filled is the one change a re-import would make
    expect(again[1]).toEqual(["3", "would-replace", `would change: Bank 1 name (bank_accounts.1.bank_name); ${filledNote("201", "VietinBank")}`]);
    expect(again.every(([, , message]) => !/clear/i.test(message ?? ""))).toBe(true);
  });

  it("leaves MISA's 0/1 flag blank without --misa-org-flag", async () => {
    const { rows } = await exported(["--profile", "misa"]);
    expect(rows.map((row) => row["Là tổ chức/cá nhân"])).toEqual(["", ""]);
  });
});

describe("export --profile kiotviet", () => {
  it("writes KiotViet's columns: type words, area, company row, tags; contacts and banks left out", async () => {
    const { h, run, headers, rows } = await exported(["--profile", "kiotviet"]);
    expect(headers).toEqual(await golden("kiotviet"));
    const filled = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== "")));
    expect(filled).toEqual([
      {
        "Loại khách": "Công ty",
        "Mã khách hàng": "KH001",
        "Tên khách hàng": "Trần Thị Bình",
        "Điện thoại": "0987654321",
        "Địa chỉ": "12 Thụy Khuê",
        "Khu vực giao hàng": "Hà Nội - Quận Tây Hồ",
        "Phường/Xã": "Phường Thụy Khuê",
        "Công ty": "Công ty TNHH Hải Âu",
        "Mã số thuế": "0100233488",
        Email: "lienhe@haiau.vn",
        "Nhóm khách hàng": "VIP|Bán sỉ",
      },
      { "Loại khách": "Cá nhân", "Mã khách hàng": "KH002", "Tên khách hàng": "Nguyễn Văn An", "Điện thoại": "0933456789" },
    ]);
    expect(run.stderr).toContain("contact_persons.1.phone_number: left out for 1 customers, as the KiotViet file has no column for it");
    expect(run.stderr).toContain("bank_accounts.1.account_number: left out for 2 customers, as the KiotViet file has no column for it");
    const again = await mergeDryRun(h);
    // the company row's person is contact 1 again, with the row's phone: the one change a re-import makes
    expect(again).toEqual([
      ["2", "would-replace", "would change: Contact 1 phone (contact_persons.1.phone_number)"],
      ["3", "would-replace", "no change"],
    ]);
  });

  it("refuses --profile with --columns, and --misa-org-flag without --profile misa", async () => {
    const h = await harnessThisTest();
    expect((await h.run(["export", "out.csv", "--profile", "kiotviet", "--columns", "Name"])).code).toBe(2);
    expect((await h.run(["export", "out.csv", "--profile", "kiotviet", "--misa-org-flag", "0"])).code).toBe(2);
  });
});
