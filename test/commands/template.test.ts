import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { templateColumns } from "../../src/customers/columns.js";
import { bindColumns } from "../../src/customers/header.js";
import { createRowMapper } from "../../src/customers/to-payload.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import type { SheetRow } from "../../src/spreadsheet/types.js";
import { runCli, tempDir } from "../helpers/cli.js";

const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

const COMMITTED = [
  { file: "customers-template.xlsx", lang: "en" },
  { file: "customers-template.csv", lang: "en" },
  { file: "customers-template.vi.xlsx", lang: "vi" },
  { file: "customers-template.vi.csv", lang: "vi" },
] as const;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function template(file: string, lang: "en" | "vi" = "en"): Promise<string> {
  const dir = await tempDir("finan-template-");
  cleanups.push(dir.cleanup);
  const path = join(dir.path, file);
  const run = await runCli(["template", path, "--lang", lang]);
  expect(run.code).toBe(0);
  return path;
}

/** Every sheet's name and cell values: XLSX bytes hold timestamps, the cells are what matters. */
async function workbookCells(path: string): Promise<{ name: string; rows: unknown[][] }[]> {
  // the streaming reader skips the Type dropdown, which the full reader expands to a million cells
  const sheets: { name: string; rows: unknown[][] }[] = [];
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache" })) {
    const rows: unknown[][] = [];
    for await (const row of sheet) rows[row.number - 1] = (row.values as unknown[]).slice(1);
    sheets.push({ name: (sheet as unknown as { name: string }).name, rows });
  }
  return sheets;
}

async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

describe("finan-bulk template", () => {
  it.each(COMMITTED)("regenerates templates/$file with the same content", async ({ file, lang }) => {
    const fresh = await template(file, lang);
    const committed = join(TEMPLATES, file);
    if (file.endsWith(".csv")) {
      expect(await readFile(fresh)).toEqual(await readFile(committed));
    } else {
      const cells = await workbookCells(fresh);
      expect(cells.map(({ rows }) => rows.length)).toEqual([3, expect.any(Number)]);
      expect(cells).toEqual(await workbookCells(committed));
    }
  });

  // left in a filled template, the examples are skipped, not imported (issue #15)
  it.each(COMMITTED)("writes a $file whose example rows validate (exit 0), as skipped examples", async ({ file, lang }) => {
    const path = await template(file, lang);
    const run = await runCli(["validate", path, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 2, counts: { valid: 0, invalid: 0, skipped: 2 }, rowWarnings: 0, warnings: [] });
  });

  it.each(["xlsx", "csv"])("keeps leading zeros, +84, a 16-digit account and diacritics in the %s examples", async (extension) => {
    // the examples' values under other codes: a real customer, mapped as any row is
    const source = await openSheet(await template(`t.${extension}`));
    const rows: SheetRow[] = [];
    for await (const row of source.rows) rows.push(row);
    const [header, ...examples] = rows;
    const mapRow = createRowMapper(bindColumns(header!).bindings);
    const payloads = [];
    for (const row of examples) {
      const outcome = mapRow({ ...row, cells: [{ kind: "text", text: `KH90${row.row}` }, ...row.cells.slice(1)] });
      if (outcome.ok) payloads.push(outcome.payload);
    }
    const [personal, company] = payloads;
    expect(personal?.general_info).toMatchObject({ type: "personal", name: "Nguyễn Thị Lan", phone: "0933456789", phone_code: "+84" });
    expect(company?.general_info).toMatchObject({ type: "company", tax_id: "0312345673" });
    expect(company?.general_info.contact_persons).toHaveLength(2);
    expect(company?.general_info.contact_persons?.[1]?.phone_number).toBe("+84 907 654 321");
    expect(company?.bank_accounts?.map((bank) => bank.account_number)).toEqual(["31410001234567", "0451000123456789"]);
  });

  it.each([
    { lang: "en", type: "Type", choices: '"personal,company"' },
    { lang: "vi", type: "Loại khách hàng", choices: '"Cá nhân,Tổ chức"' },
  ] as const)("formats every column as text, freezes the header and offers a Type dropdown ($lang)", async ({ lang, type, choices }) => {
    const sheet = await firstSheet(await template("t.xlsx", lang));
    // the optional Action column (Thao tác) comes last
    const headers = [...templateColumns(lang, 2, 2).map(({ header }) => header), lang === "vi" ? "Thao tác" : "Action"];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(headers.filter((header) => /(Contact|Người liên hệ) [12]/.test(header))).toHaveLength(6);
    expect(headers.filter((header) => /(Bank|Ngân hàng) [12]/.test(header))).toHaveLength(8);
    for (let column = 1; column <= headers.length; column++) expect(sheet.getColumn(column).numFmt).toBe("@");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const typeColumn = headers.indexOf(type) + 1;
    const letter = String.fromCharCode(64 + typeColumn);
    // exceljs reads data validations, though its types leave them out
    const { dataValidations } = sheet as unknown as { dataValidations: { model: Record<string, unknown> } };
    for (const cell of [`${letter}2`, `${letter}500`]) {
      expect(dataValidations.model[cell]).toMatchObject({ type: "list", formulae: [choices] });
    }
    expect(sheet.rowCount).toBe(3);
  });

  it.each(["en", "vi"] as const)("adds an Instructions sheet in English and Vietnamese describing every column (%s)", async (lang) => {
    const [, instructions] = await workbookCells(await template("t.xlsx", lang));
    expect(instructions?.name).toBe(lang === "vi" ? "Hướng dẫn" : "Instructions");
    const text = instructions!.rows.flat().filter((cell) => typeof cell === "string").join("\n");
    for (const { field, header } of [...templateColumns("en", 2, 2), ...templateColumns("vi", 2, 2)]) {
      expect(text).toContain(header);
      expect(text).toContain(field);
    }
    for (const rule of ["Action", "Thao tác", "create, upsert, update, merge, delete, skip", "delete (xóa)", "skip (bỏ qua)", "--allow-delete", "Required on every row", "Bắt buộc ở mọi dòng", "needs at least one contact person", "lost its last digits", "mất các chữ số cuối", "N = 3, 4", "Contact 3 name", "Người liên hệ 3 - Tên"]) {
      expect(text).toContain(rule);
    }
  });

  it("writes the Vietnamese instructions in GLOSSARY.md's words: tệp kết quả, tổ chức, Văn bản (Text), never báo cáo", async () => {
    const [, instructions] = await workbookCells(await template("t.xlsx", "vi"));
    const vietnamese = instructions!.rows.filter((row) => row.length > 0).map((row) => (row.length === 2 ? row[1] : row[5])).join("\n");
    expect(vietnamese).not.toMatch(/báo cáo/i);
    for (const words of ["tệp kết quả customers.check.xlsx", "Khách hàng là tổ chức", "Cá nhân hoặc Tổ chức", "định dạng cột thành Văn bản (Text)", "Mã vùng quốc gia"]) expect(vietnamese).toContain(words);
  });

  it("writes a CSV of the header and the two examples, UTF-8 with a BOM", async () => {
    const bytes = await readFile(await template("t.csv", "vi"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe([...templateColumns("vi", 2, 2).map(({ header }) => header), "Thao tác"].join(","));
    expect(lines[1]).toMatch(/^VD001,Nguyễn Thị Lan,Cá nhân,/);
    expect(lines[2]).toMatch(/^VD002,Công ty TNHH Thương mại Sao Việt,Tổ chức,/);
  });

  it("prints what it wrote as JSON with --json", async () => {
    const dir = await tempDir("finan-template-");
    cleanups.push(dir.cleanup);
    const run = await runCli(["template", join(dir.path, "t.xlsx"), "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({ command: "template", file: join(dir.path, "t.xlsx"), lang: "en", format: "xlsx", columns: 29, exampleRows: 2, ok: true, exitCode: 0 });
  });

  it("leaves an existing file alone (exit 2) unless --force", async () => {
    const dir = await tempDir("finan-template-");
    cleanups.push(dir.cleanup);
    const path = join(dir.path, "customers.csv");
    await writeFile(path, "Customer code,Name,Type\r\nKH001,Nguyễn Văn An,personal\r\n");
    const run = await runCli(["template", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path} already exists: the template would replace it`);
    expect(run.stderr).toContain("--force");
    expect(await readFile(path, "utf8")).toContain("KH001,Nguyễn Văn An");
    expect((await runCli(["template", path, "--force"])).code).toBe(0);
    expect(await readFile(path, "utf8")).not.toContain("KH001,Nguyễn Văn An");
  });

  it.each([
    ["an extension it cannot write", "t.xls"],
    ["a folder that does not exist", join("no", "such", "folder", "t.xlsx")],
  ])("exits 2 for %s", async (_, file) => {
    const dir = await tempDir("finan-template-");
    cleanups.push(dir.cleanup);
    const run = await runCli(["template", join(dir.path, file)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Cannot write");
  });
});
