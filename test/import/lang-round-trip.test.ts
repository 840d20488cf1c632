// Issue #16's round trip: validate --lang vi → fix the invalid rows in the Vietnamese report →
// import that report --only failed,invalid --lang vi behaves exactly as the same steps in English;
// a re-import's report name never grows (.report.report.xlsx); undo of the Vietnamese report reverses it.
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/i18n/lang.js";
import { t } from "../../src/i18n/text.js";
import { parseStatus } from "../../src/rows/status.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { displayCell } from "../../src/spreadsheet/display-cell.js";
import { harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

const SAMPLE = "customers-with-mistakes.xlsx";
const CHECK = "customers-with-mistakes.check.xlsx";
const fast = ["--rate", "0", "--concurrency", "4"];
const RESULT_COLUMNS = ["row", "status", "customer_id", "http_status", "api_code", "request_id", "message", "attempts"] as const;
// what differs between two runs for reasons other than the language: ids the server made, and messages in the language
const UNCOMPARED = new Set(["customer_id", "request_id", "message"]);

/** A report's rows by column name, its result columns renamed to the English ones and its statuses parsed. */
async function readReport(path: string, lang: Lang): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const source = await openSheet(path);
  const all: string[][] = [];
  for await (const row of source.rows) all.push(row.cells.map((cell) => displayCell(cell) ?? ""));
  const [raw = [], ...data] = all;
  const english = new Map<string, string>(RESULT_COLUMNS.map((name) => [t(lang, `report.column.${name}`), name]));
  const header = raw.map((name, at) => (at >= raw.length - RESULT_COLUMNS.length ? (english.get(name) ?? `?${name}`) : name));
  const rows = data.map((cells) => Object.fromEntries(header.map((name, at) => [name, name === "status" ? (parseStatus(cells[at]) ?? `?${cells[at]}`) : (cells[at] ?? "")])));
  return { header, rows };
}

/** What a user does in Excel: each invalid row made valid (same fix in either language), the rest untouched. */
async function fixInvalidRows(path: string, lang: Lang): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((value) => (typeof value === "string" ? value : ""));
  const statusAt = header.indexOf(t(lang, "report.column.status"));
  const rowAt = header.indexOf(t(lang, "report.column.row"));
  expect(statusAt, `the check report's status column, named in ${lang}`).toBeGreaterThan(0);
  const column = (name: string) => header.indexOf(name);
  let fixed = 0;
  sheet.eachRow((row, number) => {
    if (number === 1 || parseStatus(String(row.getCell(statusAt).value ?? "")) !== "invalid") return;
    // every cell the sample may have wrong, blank; then a whole valid customer of a code of its own
    for (let at = 1; at < rowAt; at += 1) if (header[at] !== "Notes") row.getCell(at).value = null;
    row.getCell(column("Customer code")).value = `KHF${number}`;
    row.getCell(column("Name")).value = `Khách hàng đã sửa ${number}`;
    row.getCell(column("Type")).value = "personal";
    fixed += 1;
  });
  await book.xlsx.writeFile(path);
  return fixed;
}

/** The server's customers as a user sees them: by code, without the ids and times the server made. */
function serverCustomers(h: Harness): unknown[] {
  return h.sandbox.store
    .list()
    .map(({ customer_id: _id, created_at: _created, updated_at: _updated, ...customer }) => customer)
    .sort((a, b) => String(a.general_info.customer_code).localeCompare(String(b.general_info.customer_code)));
}

interface Trip {
  h: Harness;
  fixed: number;
  codes: number[];
  requests: number;
  report: Awaited<ReturnType<typeof readReport>>;
  customers: unknown[];
}

/** validate → fix in the check report → import it with --only, all in `lang`. */
async function roundTrip(lang: Lang, only: string): Promise<Trip> {
  const h = await harness();
  copyFileSync(join("samples", SAMPLE), join(h.dir, SAMPLE));
  const lang_ = ["--lang", lang];
  const validate = await h.run(["validate", SAMPLE, ...lang_]);
  expect(validate.code, validate.stderr).toBe(1);
  const fixed = await fixInvalidRows(join(h.dir, CHECK), lang);
  const before = h.sandbox.stats.requests;
  const imported = await h.run(["import", CHECK, "--only", only, ...fast, ...lang_]);
  expect(imported.stderr).not.toMatch(/E_|--only/);
  const report = await readReport(join(h.dir, "customers-with-mistakes.report-2.xlsx"), lang);
  return { h, fixed, codes: [validate.code, imported.code], requests: h.sandbox.stats.requests - before, report, customers: serverCustomers(h) };
}

/** A report's rows without what differs between two servers or languages. */
const comparable = (trip: Trip) => trip.report.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => !UNCOMPARED.has(name))));

describe("a Vietnamese report round trip", { timeout: 120_000 }, () => {
  let english: Trip;
  let vietnamese: Trip;
  beforeAll(async () => {
    english = await roundTrip("en", "failed,invalid");
    vietnamese = await roundTrip("vi", "failed,invalid");
  });
  afterAll(async () => {
    await english?.h.close();
    await vietnamese?.h.close();
  });

  it("imports the fixed Vietnamese report exactly as the English one: rows sent, customers, counts, report", () => {
    expect(vietnamese.fixed).toBeGreaterThan(0);
    expect(vietnamese.fixed).toBe(english.fixed);
    expect(vietnamese.codes).toEqual(english.codes);
    expect(vietnamese.requests).toBe(english.requests);
    expect(vietnamese.customers).toEqual(english.customers);
    expect(vietnamese.customers.length).toBeGreaterThan(0);
    expect(vietnamese.report.header).toEqual(english.report.header);
    expect(comparable(vietnamese)).toEqual(comparable(english));
    expect(vietnamese.report.rows.every((row) => row["status"] === "created")).toBe(true);
  });

  it("takes --only in Vietnamese words, with or without marks", async () => {
    for (const only of ["không hợp lệ", "khong hop le,khong thanh cong"]) {
      const trip = await roundTrip("vi", only);
      try {
        expect(trip.customers, only).toEqual(english.customers);
        expect(comparable(trip), only).toEqual(comparable(english));
      } finally {
        await trip.h.close();
      }
    }
  });

  it("re-imports its own Vietnamese report under the next number, never .report.report.xlsx", async () => {
    const h = vietnamese.h;
    const again = await h.run(["import", "customers-with-mistakes.report-2.xlsx", "--only", "không thành công,không hợp lệ", ...fast, "--lang", "vi"]);
    expect(again.code, again.stderr).toBe(0);
    const reports = readdirSync(h.dir).filter((name) => /\.(?:report|check)/.test(name) && name.endsWith(".xlsx"));
    expect(reports.sort()).toEqual([CHECK, "customers-with-mistakes.report-2.xlsx", "customers-with-mistakes.report-3.xlsx"]);
    // nothing failed, so nothing was sent again: every row carried over as it was
    const third = await readReport(join(h.dir, "customers-with-mistakes.report-3.xlsx"), "vi");
    expect(third.rows.map((row) => row["status"])).toEqual(vietnamese.report.rows.map((row) => row["status"]));
    expect(serverCustomers(h)).toEqual(vietnamese.customers);
  });

  it("undo of the Vietnamese report reverses the import", async () => {
    const h = vietnamese.h;
    const undo = await h.run(["undo", "customers-with-mistakes.report-2.xlsx", ...fast, "--lang", "vi"]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(h.sandbox.store.list()).toEqual([]);
    const undone = await readReport(join(h.dir, "customers-with-mistakes.report-2.undo.xlsx"), "vi");
    expect(undone.rows.map((row) => row["status"])).toEqual(vietnamese.report.rows.map(() => "deleted"));
  });
});
