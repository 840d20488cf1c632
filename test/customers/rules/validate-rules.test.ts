// `finan-bulk validate` with the Vietnamese rules: the report says each rule's warning on its row, in English and Vietnamese.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../../helpers/cli.js";
import { parseCsv, writeCustomersCsv } from "../../helpers/files.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const HEADER = ["Customer code", "Name", "Type", "Phone", "Tax ID", "Province", "Bank 1 code", "Bank 1 name", "Bank 1 account number"];
// one row a rule family, the rest of each row clean
const ROWS = [
  ["KH1", "Lan", "personal", "01695678945", "", "Hà Nội", "", "", ""],
  ["KH2", "Bình", "personal", "", "0100233480", "Hà Nội", "", "", ""],
  ["KH3", "Cúc", "personal", "", "", "Hà Nội", "", "Vietcombank", "0071001234567"],
  ["KH4", "Dũng", "personal", "", "", "Hà Nội", "201", "Vietcombank", "0071001234567"],
  ["KH5", "Em", "personal", "", "", "Bà Rịa - Vũng Tàu", "", "", ""],
  ["KH6", "Nguyôn V¨n A", "personal", "", "", "Hà Nội", "", "", ""],
];

async function validate(flags: string[] = []) {
  const dir = await tempDir("finan-rules-");
  cleanups.push(dir.cleanup);
  const input = await writeCustomersCsv(dir.path, "in.csv", ROWS, HEADER);
  const run = await runCli(["validate", input, ...flags]);
  const report = parseCsv(await readFile(join(dir.path, "in.check.csv"), "utf8"));
  return { run, report };
}

describe("validate with the Vietnamese rules", () => {
  it("warns row by row, in English, and every row stays valid", async () => {
    const { run, report } = await validate();
    expect(run.code).toBe(0);
    expect(report.map((line) => [line.row, line.status, line.message])).toEqual([
      ["2", "valid", "Phone (general_info.phone): 01695678945 is an 11-digit mobile number from before 2018: sent as today's 0395678945"],
      ["3", "valid", "Tax ID (general_info.tax_id): 0100233480: the check digit (10th digit) should be 8: check the tax ID"],
      ["4", "valid", "Bank 1 code (bank_accounts.1.bank_code): bank code 203 filled in from the bank name Vietcombank"],
      ["5", "valid", "Bank 1 code (bank_accounts.1.bank_code): bank code 201 is VietinBank (201), but the bank name Vietcombank is Vietcombank (203): both sent as given; correct one of them"],
      ["6", "valid", "Province (address.province): Bà Rịa - Vũng Tàu is a province from before 1 July 2025, now part of Thành phố Hồ Chí Minh: add --update-provinces to send Thành phố Hồ Chí Minh"],
      ["7", "valid", "Name (general_info.name): looks typed with an old Vietnamese font (TCVN3): convert it to Unicode (for example with Unikey's converter) and retype"],
    ]);
  });

  it("says the same in Vietnamese with --lang vi", async () => {
    const { report } = await validate(["--lang", "vi"]);
    expect(report.map((line) => line["Thông báo"])).toEqual([
      'Cột "Phone" (general_info.phone): 01695678945 là số di động 11 số cũ (trước năm 2018): đã gửi số mới 0395678945',
      'Cột "Tax ID" (general_info.tax_id): 0100233480: chữ số kiểm tra (chữ số thứ 10) phải là 8: hãy kiểm tra lại mã số thuế',
      'Cột "Bank 1 code" (bank_accounts.1.bank_code): đã điền mã ngân hàng 203 theo tên ngân hàng Vietcombank',
      'Cột "Bank 1 code" (bank_accounts.1.bank_code): mã ngân hàng 201 là VietinBank (201), nhưng tên ngân hàng Vietcombank là Vietcombank (203): đã gửi đúng như trong tệp; hãy sửa một trong hai',
      'Cột "Province" (address.province): Bà Rịa - Vũng Tàu là tỉnh/thành phố trước ngày 1/7/2025, nay thuộc Thành phố Hồ Chí Minh: thêm --update-provinces để gửi Thành phố Hồ Chí Minh',
      'Cột "Name" (general_info.name): có vẻ được gõ bằng phông chữ tiếng Việt cũ (TCVN3): hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại',
    ]);
  });

  it("--strict makes invalid only the rows whose warning the tool could not resolve", async () => {
    const { run, report } = await validate(["--strict"]);
    expect(run.code).toBe(1);
    expect(report.map((line) => [line.row, line.status])).toEqual([
      ["2", "valid"], // phone converted
      ["3", "invalid"], // wrong check digit
      ["4", "valid"], // code filled in
      ["5", "invalid"], // code and name disagree
      ["6", "valid"], // a known pre-2025 province
      ["7", "invalid"], // old font
    ]);
  });

  it("--update-provinces says what it sent", async () => {
    const { report } = await validate(["--update-provinces"]);
    expect(report[4]?.message).toBe("Province (address.province): Bà Rịa - Vũng Tàu is part of Thành phố Hồ Chí Minh since 1 July 2025: sent Thành phố Hồ Chí Minh; the ward may have been renamed too: check it");
  });
});
