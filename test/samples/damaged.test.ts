// samples/customers-damaged.csv (scripts/damaged-sample.mjs): every kind of spreadsheet damage, imported into the sandbox.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness } from "../helpers/cli.js";
import type { CliRun, Harness } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";

const SAMPLE = fileURLToPath(new URL("../../samples/customers-damaged.csv", import.meta.url));
const rounded = (value: string) => `Bank 2 account number (bank_accounts.2.account_number): "${value}" was rounded by a spreadsheet: all 3 values of 16 or more digits in this column end in 0 (a spreadsheet keeps only 15 digits). Take the value from the source, format the column as Text and retype it`;

describe("samples/customers-damaged.csv", () => {
  let h: Harness;
  let run: CliRun;
  let report: Record<string, string>[];
  beforeAll(async () => {
    h = await harness();
    const path = join(h.dir, "report.csv");
    run = await h.run(["import", SAMPLE, "--mode", "create", "--rate", "0", "--report", path, "--json"]);
    report = parseCsv(await readFile(path, "utf8"));
  });
  afterAll(() => h.close());

  it("reports each row's damage: restored with a warning, refused, or skipped", () => {
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 9, counts: { created: 4, invalid: 4, skipped: 1 } });
    expect(report.map((row) => [row.row, row["Customer code"], row.status, row.message])).toEqual([
      ["2", "VD001", "skipped", "the template's example row VD001, left in the file: not imported; delete the row"],
      ["3", "KH001", "created", "Phone code (general_info.phone_code): the + was lost in a spreadsheet (84 → +84); Phone (general_info.phone): added the leading 0 Excel dropped (912345678 → 0912345678)"],
      ["4", "KH002", "created", "Tax ID (general_info.tax_id): added the leading 0 Excel dropped (100233488 → 0100233488); Bank 1 account number (bank_accounts.1.account_number): 1824628194821990 has 16 digits and ends in 0: a spreadsheet keeps only 15 digits and may have rounded it; check it against the source"],
      ["5", "KH003", "created", "Phone (general_info.phone): removed the apostrophe a spreadsheet left before the digits ('0987654321 → 0987654321)"],
      // refused on its own row though the proof (rows 7 and 8) comes later in the file
      ["6", "KH004", "invalid", rounded("9704229201234570")],
      ["7", "KH005", "invalid", rounded("1903456789012350")],
      ["8", "KH006", "invalid", rounded("4210000000123450")],
      ["9", "KH007", "invalid", "Tax ID (general_info.tax_id): lost digits in Excel: format the column as Text and retype"],
      ["10", "KH008", "created", ""],
    ]);
  });

  it("sends exactly the restored values, and nothing of the skipped or refused rows", () => {
    const sent = h.sandbox.store.list().map(({ general_info, bank_accounts }) => ({ general_info, ...(bank_accounts ? { bank_accounts } : {}) }));
    const person = (code: string, name: string, phone: string) => ({ customer_code: code, name, type: "personal", phone_code: "+84", phone });
    expect(sent).toEqual([
      { general_info: person("KH001", "Trần Văn Bình", "0912345678") },
      { general_info: { ...person("KH002", "Phạm Thị Bích", "0933456789"), tax_id: "0100233488" }, bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "1824628194821990" }] },
      { general_info: { ...person("KH003", "Lê Minh Châu", "0987654321"), contact_persons: [{ name: "Lê Văn Dũng", phone_number: "+84 907 654 321" }] } },
      { general_info: { ...person("KH008", "Ngô Thị Yến", "0944555666"), tax_id: "0312345673" }, bank_accounts: [{ bank_code: "202", bank_name: "BIDV", account_number: "0451000123456789" }] },
    ]);
  });

  it("says it in Vietnamese too", async () => {
    const path = join(h.dir, "check.vi.csv");
    expect((await h.run(["validate", SAMPLE, "--report", path, "--lang", "vi"])).code).toBe(1);
    const rows = parseCsv(await readFile(path, "utf8"));
    expect(rows.map((row) => row["Thông báo"])).toEqual([
      "dòng ví dụ VD001 của tệp mẫu còn sót lại trong tệp: không nhập dòng này; hãy xóa dòng này",
      'Cột "Phone code" (general_info.phone_code): 84 thiếu dấu + ở đầu (bảng tính đã bỏ mất). Đã sửa thành +84; Cột "Phone" (general_info.phone): 912345678 thiếu số 0 ở đầu (Excel đã bỏ mất). Đã sửa thành 0912345678',
      'Cột "Tax ID" (general_info.tax_id): 100233488 thiếu số 0 ở đầu (Excel đã bỏ mất). Đã sửa thành 0100233488; Cột "Bank 1 account number" (bank_accounts.1.account_number): 1824628194821990 có 16 chữ số và tận cùng là 0: bảng tính chỉ giữ 15 chữ số nên có thể đã làm tròn số này; hãy đối chiếu với chứng từ gốc',
      'Cột "Phone" (general_info.phone): \'0987654321 có dấu nháy đơn do bảng tính để lại trước các chữ số. Đã bỏ dấu nháy: 0987654321',
      'Cột "Bank 2 account number" (bank_accounts.2.account_number): "9704229201234570" đã bị bảng tính làm tròn: cả 3 giá trị từ 16 chữ số trở lên trong cột này đều tận cùng là 0 (bảng tính chỉ giữ 15 chữ số). Hãy lấy lại giá trị từ chứng từ gốc, định dạng cột thành Văn bản (Text) rồi gõ lại',
      expect.stringContaining("1903456789012350"),
      expect.stringContaining("4210000000123450"),
      expect.stringContaining("Excel đã tự đổi ô này thành số nên mất chữ số"),
      "",
    ]);
  });
});
