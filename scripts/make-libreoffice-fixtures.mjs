#!/usr/bin/env node
// Writes test/fixtures/*.libreoffice.* (node scripts/make-libreoffice-fixtures.mjs): small CSVs in the
// shapes users bring, then saved by LibreOffice 7.4 itself (`soffice` on PATH), as a user would re-save them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const csv = (rows) => `\uFEFF${rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\r\n")}\r\n`;

/** Our CSV export's shape: formula-like cells behind one apostrophe, leading zeros as text. */
export const EXPORTED = [
  ["Customer code", "Name", "Type", "Phone code", "Phone", "Tax ID", "Tag", "Zip code", "Contact 1 name", "Contact 1 phone", "Bank 1 code", "Bank 1 name", "Bank 1 account number"],
  ["00123", "Nguyễn Văn An", "personal", "'+84", "0912345678", "", "'-VIP", "70000", "", "", "203", "Vietcombank", "0071001234567"],
  ["KH002", "'=1+1 Công ty Sao Việt", "company", "'+84", "'+84 24 3791 5678", "0100233488", "'@đại lý", "10000", "Trần Văn Bình", "'+84 907 654 321", "311", "MB", "1824628194821993"],
  ["000045", "'-Lê Thị Hoa-", "personal", "'+84", "0287654321", "", "'=SUM(A1)", "", "", "", "202", "BIDV", "0451000123456789"],
];

/** A clean hand-kept list, before a spreadsheet re-saves it with its columns left as General. */
export const CLEAN = [
  ["Customer code", "Name", "Type", "Phone code", "Phone", "Tax ID", "Bank 1 code", "Bank 1 account number", "Bank 2 code", "Bank 2 account number"],
  ["KH001", "Nguyễn Văn An", "personal", "+84", "0912345678", "", "203", "0071001234567", "", ""],
  ["KH002", "Phạm Thị Bích", "personal", "+84", "0933456789", "0100233488", "203", "1824628194821993", "202", "9852611491316770"],
  ["KH003", "Trần Minh Châu", "personal", "+84", "0987654321", "3600252847", "311", "0451000123456789", "", ""],
  ["KH004", "Lê Văn Dũng", "personal", "+84", "0903123456", "", "970", "9704229201234567", "", ""],
  ["KH005", "Hoàng Thị Em", "personal", "+84", "0977888999", "", "203", "1903456789012345", "", ""],
];

function soffice(input, filter, format, outDir) {
  execFileSync("soffice", ["--headless", `--infilter=${filter}`, "--convert-to", format, "--outdir", outDir, input], { stdio: "ignore" });
}

function main() {
  const work = mkdtempSync(join(tmpdir(), "finan-lo-"));
  try {
    writeFileSync(join(FIXTURES, "export-guarded.csv"), csv(EXPORTED));
    writeFileSync(join(FIXTURES, "hand-kept.csv"), csv(CLEAN));
    // the export opened with every column as Text (README: how to open a CSV), saved as XLSX
    const textColumns = EXPORTED[0].map((_, at) => `${at + 1}/2`).join("/");
    soffice(join(FIXTURES, "export-guarded.csv"), `CSV:44,34,76,1,${textColumns}`, "xlsx", work);
    renameSync(join(work, "export-guarded.xlsx"), join(FIXTURES, "export-guarded.libreoffice.xlsx"));
    // the hand-kept list opened as LibreOffice guesses (Standard columns: digits become numbers), saved as CSV and as XLSX
    soffice(join(FIXTURES, "hand-kept.csv"), "CSV:44,34,76,1", "csv:Text - txt - csv (StarCalc):44,34,76,1", work);
    renameSync(join(work, "hand-kept.csv"), join(FIXTURES, "hand-kept.libreoffice.csv"));
    soffice(join(FIXTURES, "hand-kept.csv"), "CSV:44,34,76,1", "xlsx", work);
    renameSync(join(work, "hand-kept.xlsx"), join(FIXTURES, "hand-kept.libreoffice.xlsx"));
    // that XLSX saved as CSV again: the numbers' rounding (15 digits) now shows in the CSV
    soffice(join(FIXTURES, "hand-kept.libreoffice.xlsx"), "Calc MS Excel 2007 XML", "csv:Text - txt - csv (StarCalc):44,34,76,1", work);
    renameSync(join(work, "hand-kept.libreoffice.csv"), join(FIXTURES, "hand-kept.libreoffice-xlsx.csv"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
