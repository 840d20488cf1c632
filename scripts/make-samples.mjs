#!/usr/bin/env node
// Writes samples/ (node scripts/make-samples.mjs [outDir]). Tooling, not product code: it needs typed
// Excel cells (numbers, dates, #N/A) that our own writer never produces, so it uses exceljs directly.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { COLUMNS, CUSTOMERS, customerRow } from "./samples-data.mjs";
import { damagedCsv } from "./damaged-sample.mjs";
import { writeSourceSamples } from "./samples-sources.mjs";

// Fixed workbook dates, so regenerating changes no metadata a reader sees.
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
const VIETNAMESE_TYPE = { personal: "Cá nhân", company: "Công ty" };

/** The same 30 customers: English headers in CSV (a system export), Vietnamese in XLSX (a hand-kept file). */
export async function makeSamples(outDir) {
  await mkdir(outDir, { recursive: true });
  const english = COLUMNS.map(([, en]) => en);
  const rows = CUSTOMERS.map((customer) => customerRow(customer));
  const csv = stringify([english, ...rows], { record_delimiter: "\r\n" });
  await writeFile(join(outDir, "customers.csv"), `\uFEFF${csv}`);

  const vietnamese = COLUMNS.map(([, , vi]) => vi);
  const workbook = newWorkbook();
  const sheet = textSheet(workbook, "Khách hàng", vietnamese);
  for (const customer of CUSTOMERS) sheet.addRow(customerRow(customer, (type) => VIETNAMESE_TYPE[type]));
  await workbook.xlsx.writeFile(join(outDir, "customers.xlsx"));

  await writeMistakes(join(outDir, "customers-with-mistakes.xlsx"));
  await writeFile(join(outDir, "customers-damaged.csv"), damagedCsv());
  await writeSourceSamples(outDir, newWorkbook, textSheet);
}

/**
 * One of each common mistake of SPEC.md, one per row, as Excel really stores them: a title row above
 * the header, numbers where text belongs, a date, a #N/A from a lookup, a blank row in the middle.
 */
async function writeMistakes(path) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("Customers");
  const headers = [...COLUMNS.map(([, en]) => en), "Notes"];
  sheet.addRow(["DANH SÁCH KHÁCH HÀNG 2024 (xuất từ phần mềm kế toán cũ)"]);
  sheet.addRow(headers).font = { bold: true };
  const at = (field) => COLUMNS.findIndex(([key]) => key === field);
  const base = (code, overrides = {}, note = "") => {
    const customer = CUSTOMERS.find((c) => c.code === code);
    const cells = customerRow({ ...customer, ...overrides }).map((value) => (value === "" ? null : value));
    return { cells, note, set(field, value) { cells[at(field)] = value; return this; } };
  };
  const rows = [
    base("KH001", {}, "đúng: không lỗi"),
    base("KH002", { name: "" }, "thiếu tên"),
    base("KH004", { email: "ducanh.pham@gmail" }, "email thiếu tên miền"),
    base("KH005", { type: "khách lẻ" }, "loại không hợp lệ"),
    base("KH021", { c1: undefined }, "công ty không có người liên hệ"),
    base("KH007", {}, "số điện thoại gõ thành số").set("general_info.phone", 912345678),
    null, // a blank row in the middle
    base("KH008", {}, "số tài khoản 16 chữ số gõ thành số").set("bank_accounts.1.account_number", 1234567890123456),
    base("KH009", {}, "Excel đổi 12/5 thành ngày").set("address.address", new Date(Date.UTC(2024, 4, 12))),
    base("KH001", { name: "Nguyễn Thị Lan (trùng)" }, "mã khách hàng trùng"),
    base("KH011", { b1: undefined, c1: ["", "", "anh.ho@icloud.com"] }, "người liên hệ có email nhưng thiếu tên"),
    base("KH013", { b1: ["203", "Vietcombank", "LY GIA HAN", ""] }, "tài khoản ngân hàng thiếu số tài khoản"),
    base("KH014", {}, "VLOOKUP không tìm thấy tỉnh").set("address.province", { formula: "VLOOKUP(K15,Tinh!A:B,2,FALSE)", result: { error: "#N/A" } }),
  ];
  for (const row of rows) {
    if (row === null) sheet.addRow([]);
    else sheet.addRow([...row.cells, row.note]);
  }
  // The lookup table the VLOOKUP reads: Thanh Hóa's district is missing, so Excel also computes #N/A.
  const lookup = workbook.addWorksheet("Tinh");
  lookup.addRow(["Quận/Huyện", "Tỉnh/Thành phố"]);
  for (const customer of CUSTOMERS.slice(0, 12)) lookup.addRow([customer.district, customer.province]);
  await workbook.xlsx.writeFile(path);
}

function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "finan-bulk samples";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

// Every column formatted as Text (@), as a careful user's file is: Excel keeps leading zeros.
function textSheet(workbook, name, headers) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, header.length + 2), style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? fileURLToPath(new URL("../samples/", import.meta.url));
  await makeSamples(outDir);
  process.stdout.write(`samples written to ${outDir}\n`);
}
