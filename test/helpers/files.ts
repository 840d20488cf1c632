import { writeFile } from "node:fs/promises";
import { join } from "node:path";

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
    "Tax ID": "0101234567",
    Province: "Hồ Chí Minh",
    "Contact 1 name": i % 3 === 0 ? "Trần Văn Bình" : "",
    "Bank 1 code": "203",
    "Bank 1 account number": "0071001234567890",
    ...overrides,
  };
  return HEADER.map((h) => base[h] ?? "");
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes a UTF-8 CSV of HEADER and the given rows. */
export async function writeCustomersCsv(dir: string, name: string, rows: string[][], header = HEADER): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, [header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n", "utf8");
  return path;
}

/** Parses a simple CSV report (our own output: RFC 4180, BOM) into objects by header. */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i += 1;
      record.push(field), records.push(record), (record = []), (field = "");
    } else field += c;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}
