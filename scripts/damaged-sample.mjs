// samples/customers-damaged.csv: a hand-kept list that went through a spreadsheet, one kind of damage a row (issue #15).
import { stringify } from "csv-stringify/sync";

const HEADER = ["Customer code", "Name", "Type", "Phone code", "Phone", "Tax ID", "Contact 1 name", "Contact 1 phone", "Bank 1 code", "Bank 1 name", "Bank 1 account number", "Bank 2 code", "Bank 2 name", "Bank 2 account number"];

// [code, name, phone code, phone, tax ID, contact name, contact phone, bank 1 code, name, account, bank 2 code, name, account], all personal
const ROWS = [
  // the template's example row, left in (its phone code re-saved as 84): skipped
  ["VD001", "Nguyễn Thị Lan", "84", "0933456789", "", "", "", "203", "Vietcombank", "0071001234567", "", "", ""],
  // +84 became 84 and the phone lost its 0: both restored
  ["KH001", "Trần Văn Bình", "84", "912345678", "", "", "", "", "", "", "", "", ""],
  // a tax ID that lost its 0 (the check digit proves it), and the only 16-digit account of its column ending in 0
  ["KH002", "Phạm Thị Bích", "+84", "0933456789", "100233488", "", "", "203", "Vietcombank", "1824628194821990", "", "", ""],
  // the apostrophe a spreadsheet left before digits, and the export's guard before +84
  ["KH003", "Lê Minh Châu", "+84", "'0987654321", "", "Lê Văn Dũng", "'+84 907 654 321", "", "", "", "", "", ""],
  // three 16-digit accounts in one column, all ending in 0: rounded to 15 digits, all refused
  ["KH004", "Hoàng Thị Em", "+84", "0903123456", "", "", "", "", "", "", "202", "BIDV", "9704229201234570"],
  ["KH005", "Võ Văn Phúc", "+84", "0977888999", "", "", "", "", "", "", "203", "Vietcombank", "1903456789012350"],
  ["KH006", "Đặng Thị Giang", "+84", "0911222333", "", "", "", "", "", "", "311", "MB Bank", "4210000000123450"],
  // a tax ID shown in E+ notation: its digits are gone
  ["KH007", "Bùi Văn Hải", "+84", "0922333444", "3.60025E+09", "", "", "", "", "", "", "", ""],
  // untouched
  ["KH008", "Ngô Thị Yến", "+84", "0944555666", "0312345673", "", "", "202", "BIDV", "0451000123456789", "", "", ""],
];

/** The file's text: UTF-8 with BOM, CRLF, as a spreadsheet saves a CSV. */
export function damagedCsv() {
  const rows = ROWS.map(([code, name, ...rest]) => [code, name, "personal", ...rest]);
  return `\uFEFF${stringify([HEADER, ...rows], { record_delimiter: "\r\n" })}`;
}
