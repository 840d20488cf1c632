import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { expectedCheckDigit } from "../../src/customers/tax-id.js";

export const HEADER = ["Customer code", "Name", "Type", "Phone code", "Phone", "Email", "Tax ID", "Province", "Contact 1 name", "Bank 1 code", "Bank 1 account number"];

/** A valid customer row for HEADER; `i` makes it unique. */
export function customerRow(i: number, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    "Customer code": `KH${String(i).padStart(5, "0")}`,
    Name: `Nguyễn Thị Hồng ${i}`,
    Type: i % 3 === 0 ? "company" : "personal",
    "Phone code": "+84",
    Phone: "0933456789",
    Email: `khach${i}@example.vn`,
    "Tax ID": taxIdFor(i),
    Province: "Hồ Chí Minh",
    "Contact 1 name": i % 3 === 0 ? "Trần Văn Bình" : "",
    "Bank 1 code": "203",
    "Bank 1 account number": "0071001234567890",
    ...overrides,
  };
  return HEADER.map((h) => base[h] ?? "");
}

/** A valid tax ID of row i's own (01 + i + a digit whose check digit exists), so rows share none. */
export function taxIdFor(i: number): string {
  for (let digit = 0; ; digit++) {
    const nine = `01${String(i).padStart(6, "0")}${digit}`;
    const check = expectedCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One CSV line (RFC 4180 quoting), without its line break. */
export const csvLine = (cells: string[]) => cells.map(quote).join(",");

/** Writes a UTF-8 CSV of HEADER and the given rows. */
export async function writeCustomersCsv(dir: string, name: string, rows: string[][], header = HEADER): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, [header, ...rows].map(csvLine).join("\r\n") + "\r\n", "utf8");
  return path;
}

/** Parses a CSV report (our own output: RFC 4180, BOM) into objects by header; a missing cell reads as "". */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parse(text, { bom: true, relax_column_count: true }) as string[][];
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}
