// Generated customers for the benchmarks: deterministic, Vietnamese, unique codes, all valid.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Hữu", "Thu", "Gia", "Bảo"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Khánh", "Đạt"];
const TRADE = ["Thương mại Dịch vụ", "Xây dựng", "Vận tải", "Thực phẩm", "Công nghệ", "Dược phẩm", "Nội thất", "May mặc"];
const STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Điện Biên Phủ", "Võ Văn Tần", "Phạm Ngũ Lão"];
const PLACES = [
  ["TP. Hồ Chí Minh", "Quận 1", "Phường Bến Nghé", "700000"],
  ["TP. Hồ Chí Minh", "Quận 3", "Phường Võ Thị Sáu", "700000"],
  ["Hà Nội", "Quận Đống Đa", "Phường Láng Hạ", "100000"],
  ["Hà Nội", "Quận Hoàn Kiếm", "Phường Hàng Bạc", "100000"],
  ["Đà Nẵng", "Quận Hải Châu", "Phường Thạch Thang", "550000"],
  ["Cần Thơ", "Quận Ninh Kiều", "Phường Tân An", "900000"],
  ["Hải Phòng", "Quận Lê Chân", "Phường An Biên", "180000"],
  ["Khánh Hòa", "TP. Nha Trang", "Phường Lộc Thọ", "650000"],
];
const BANKS = [["203", "Vietcombank"], ["202", "BIDV"], ["201", "VietinBank"], ["310", "Techcombank"], ["204", "Agribank"]];

const pick = (list, n) => list[n % list.length];
const pad = (n, width) => String(n).padStart(width, "0");
// Plain ASCII for e-mail local parts and bank holder names, as banks print them.
const ascii = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"));

/** Customer number i (from 1) as field key → text, the way a user fills the template. */
export function customerFields(i) {
  const company = i % 3 === 0;
  const person = `${pick(FAMILY, i)} ${pick(MIDDLE, i >> 4)} ${pick(GIVEN, i >> 8)}`;
  const [province, district, ward, zip] = pick(PLACES, i >> 2);
  const fields = {
    "general_info.customer_code": `KH${pad(i, 7)}`,
    "general_info.name": company ? `Công ty TNHH ${pick(TRADE, i)} ${person.split(" ").at(-1)} ${i}` : `${person} ${i}`,
    "general_info.type": company ? "company" : "personal",
    "general_info.phone_code": "+84",
    "general_info.phone": `09${pad(i, 8)}`,
    "general_info.email": `${ascii(person).toLowerCase().replace(/ /g, ".")}.${i}@example.vn`,
    "general_info.tax_id": company ? `03${pad(i, 8)}` : "",
    "general_info.custom_tag": i % 10 === 0 ? "VIP" : i % 7 === 0 ? "Khách sỉ" : "",
    "address.country": "Việt Nam",
    "address.province": province,
    "address.district": district,
    "address.ward": ward,
    "address.address": `Số ${(i % 300) + 1}, ${pick(STREETS, i >> 3)}`,
    "address.zip_code": zip,
  };
  if (company) {
    const contact = `${pick(FAMILY, i + 5)} ${pick(MIDDLE, i + 3)} ${pick(GIVEN, i + 7)}`;
    Object.assign(fields, {
      "contact_persons.1.name": contact,
      "contact_persons.1.phone_number": `+84 9${pad(i % 100_000_000, 8)}`,
      "contact_persons.1.email": `${ascii(contact).toLowerCase().replace(/ /g, ".")}@example.vn`,
    });
  }
  if (i % 2 === 0) {
    const [code, name] = pick(BANKS, i >> 1);
    Object.assign(fields, {
      "bank_accounts.1.bank_code": code,
      "bank_accounts.1.bank_name": name,
      "bank_accounts.1.account_holder_name": ascii(person).toUpperCase(),
      "bank_accounts.1.account_number": `0${pad(i, 12)}`,
    });
  }
  return fields;
}

/** The template's columns (two contact and two bank groups) from the built product. */
export async function columns(lang) {
  const { templateColumns } = await import(new URL("../../dist/customers/columns.js", import.meta.url).href);
  return templateColumns(lang, 2, 2).map(({ field, header }) => ({ header, key: field }));
}

export function rowOf(cols, i) {
  const fields = customerFields(i);
  return cols.map(({ key }) => fields[key] ?? "");
}

const csvField = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A UTF-8 CSV with BOM and CRLF, as Excel's "CSV UTF-8" saves it; returns its size in bytes. */
export async function writeCsv(file, rows) {
  const cols = await columns("en");
  const out = createWriteStream(file);
  let bytes = 0;
  const put = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await put(`\uFEFF${cols.map(({ header }) => csvField(header)).join(",")}\r\n`);
  const batch = 2000;
  for (let start = 1; start <= rows; start += batch) {
    let text = "";
    for (let i = start; i < start + batch && i <= rows; i++) text += `${rowOf(cols, i).map(csvField).join(",")}\r\n`;
    await put(text);
  }
  out.end();
  await once(out, "close");
  return bytes;
}

/** An XLSX written by exceljs's streaming writer with shared strings, as Excel stores text. */
export async function writeXlsx(file, rows) {
  const { default: ExcelJS } = await import("exceljs");
  const cols = await columns("vi");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet("Khách hàng");
  sheet.addRow(cols.map(({ header }) => header)).commit();
  for (let i = 1; i <= rows; i++) {
    sheet.addRow(rowOf(cols, i).map((value) => (value === "" ? null : value))).commit();
    if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}
