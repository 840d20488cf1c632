import { copyFile, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { withoutServerFields } from "../../src/customers/merge.js";
import { harnessThisTest } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";

const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));

/** validate then import a sample into a fresh sandbox: the report's rows and what the sandbox holds. */
async function importSample(file: string, extra: string[] = []) {
  const h = await harnessThisTest();
  // a copy: an import locks its input, and nothing of a run belongs in samples/
  await copyFile(join(SAMPLES, file), join(h.dir, file));
  const checked = await h.run(["validate", file, "--report", "check.csv", "--json", ...extra]);
  const imported = await h.run(["import", file, "--report", "import.csv", "--rate", "0", ...extra]);
  const reportPath = join(h.dir, "check.csv");
  const report = existsSync(reportPath) ? parseCsv(await readFile(reportPath, "utf8")).map((row) => [row.row, row.status, row.message]) : [];
  const stored = h.sandbox.store.list().map((record) => withoutServerFields(record));
  return { h, checked, imported, warnings: checked.code === 2 ? [] : (JSON.parse(checked.stdout) as { warnings: string[] }).warnings, report, stored };
}

describe("samples of other programs' files", () => {
  it("kiotviet-khach-hang.xlsx: recognised; the Công ty row's person is its contact 1; area, ward and groups land in their fields", async () => {
    const { checked, imported, warnings, report, stored } = await importSample("kiotviet-khach-hang.xlsx");
    expect(checked.code, checked.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(warnings[0]).toBe("recognised as a KiotViet customer file by its headers: its columns are read without --columns");
    expect(warnings[1]).toMatch(/^columns with no Finan field, kept in the report and not sent: "Số CMND\/CCCD", "Ngày sinh", "Giới tính"/);
    // the split keeps "Bà Rịa - Vũng Tàu" whole, and the province rule then names its successor
    const successor = "Khu vực giao hàng (address.province): Bà Rịa - Vũng Tàu is a province from before 1 July 2025, now part of Thành phố Hồ Chí Minh: add --update-provinces to send Thành phố Hồ Chí Minh";
    expect(report).toEqual([["2", "valid", ""], ["3", "valid", successor], ["4", "valid", ""]]);
    expect(stored).toEqual([
      {
        general_info: { customer_code: "KH000001", name: "Nguyễn Văn An", type: "personal", phone: "0912345678", email: "an.nguyen@gmail.com", custom_tag: "VIP, Khách quen" },
        address: { address: "12 Thụy Khuê", ward: "Phường Thụy Khuê", province: "Hà Nội", district: "Quận Tây Hồ" },
      },
      {
        general_info: { customer_code: "KH000002", name: "Công ty TNHH Hải Âu", type: "company", phone: "0987654321", tax_id: "0100233488", email: "ketoan@haiau.vn", custom_tag: "Đại lý", contact_persons: [{ name: "Trần Thị Bình", phone_number: "0987654321" }] },
        address: { address: "45 Lê Lợi", ward: "Phường 1", province: "Bà Rịa - Vũng Tàu", district: "Thành phố Vũng Tàu" },
      },
      {
        general_info: { customer_code: "KH000003", name: "Lê Thị Cúc", type: "personal", phone: "0903123456" },
        address: { ward: "Phường Bến Nghé", province: "Hồ Chí Minh", district: "Quận 1" },
      },
    ]);
  });

  it("misa-sme-khach-hang.xlsx: stops on MISA's 0/1 flag, then imports with the flag's meaning given in --columns", async () => {
    const stopped = await importSample("misa-sme-khach-hang.xlsx");
    expect(stopped.checked.code).toBe(2);
    expect(stopped.imported.stderr).toContain('"Là tổ chức/cá nhân" is not read');
    expect(stopped.stored).toEqual([]);

    const h = await harnessThisTest();
    const map = join(h.dir, "misa.json");
    await writeFile(map, JSON.stringify({ $source: "misa-sme", "Là tổ chức/cá nhân": { field: "general_info.type", values: { "0": "company", "1": "personal" } } }));
    const { checked, imported, report, stored } = await importSample("misa-sme-khach-hang.xlsx", ["--columns", map]);
    expect(checked.code, checked.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(report).toEqual([["2", "valid", 'Tên ngân hàng (bank_accounts.1.bank_code): filled in 203 from the bank table, the one bank named "Vietcombank"'], ["3", "valid", ""]]);
    expect(stored).toEqual([
      {
        general_info: {
          customer_code: "KH0001",
          name: "Công ty CP Sao Mai",
          type: "company",
          tax_id: "0314409058",
          phone: "02838123456",
          email: "ketoan@saomai.vn",
          custom_tag: "Khách sỉ",
          contact_persons: [{ name: "Lê Văn Cường", phone_number: "0903123456", email: "cuong@saomai.vn" }],
        },
        address: { address: "25 Nguyễn Huệ, Quận 1, TP.HCM" },
        bank_accounts: [{ account_number: "0071001234567", bank_name: "Vietcombank", bank_code: "203" }],
      },
      { general_info: { customer_code: "KH0002", name: "Phạm Thị Dung", type: "personal", phone: "0935111222", email: "dung.pham@yahoo.com" }, address: { address: "8 Trần Phú, Nha Trang" } },
    ]);
  });

  it("misa-amis-khach-hang.xlsx: header below AMIS's title row; Tổ chức/Cá nhân, split address, contact and bank", async () => {
    const { checked, imported, warnings, report, stored } = await importSample("misa-amis-khach-hang.xlsx");
    expect(checked.code, checked.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(warnings[0]).toBe("recognised as a MISA AMIS customer file by its headers: its columns are read without --columns");
    expect(report).toEqual([["3", "valid", 'Tên ngân hàng (bank_accounts.1.bank_code): filled in 203 from the bank table, the one bank named "Vietcombank"'], ["4", "valid", ""]]);
    expect(stored).toEqual([
      {
        general_info: {
          customer_code: "KH0003",
          name: "Chi nhánh Công ty CP Sao Mai",
          type: "company",
          tax_id: "0314409058-002",
          phone: "02838123456",
          custom_tag: "Khách sỉ",
          contact_persons: [{ name: "Lê Văn Cường", phone_number: "0903123456", email: "cuong@saomai.vn" }],
        },
        address: { address: "25 Nguyễn Huệ", country: "Việt Nam", province: "Hồ Chí Minh", district: "Quận 1", ward: "Phường Bến Nghé" },
        bank_accounts: [{ account_number: "0071001234567", bank_name: "Vietcombank", bank_code: "203" }],
      },
      { general_info: { customer_code: "KH0004", name: "Hoàng Văn Em", type: "personal", tax_id: "001088012345", phone: "0977888999" }, address: { country: "Việt Nam", province: "Đà Nẵng" } },
    ]);
  });
});
