import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { Sandbox } from "../../src/sandbox/server.js";
import { sleep, waitFor } from "../helpers/cli.js";
import { HEADER, csvLine, customerRow } from "../helpers/files.js";

export const fast = ["--rate", "0", "--concurrency", "8"];

/** What the server holds, field for field, keyed by code; `updated_at` aside (a restoring PUT sets it). */
export function serverState(sandbox: Sandbox): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const { updated_at: _updated, ...record } of sandbox.store.list()) state[record.general_info.customer_code] = record;
  return state;
}

/** The server holds exactly what it held before: the same codes and every record's fields; re-created records' server-managed fields aside. */
export function expectSameServer(sandbox: Sandbox, before: Record<string, unknown>): void {
  const now = serverState(sandbox);
  expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  expect(now).toEqual(before);
}

/** Customers on the server before an import: `count` of them, with codes KH00001… and values an import will change. */
export function seedOriginals(sandbox: Sandbox, count: number): void {
  for (let i = 1; i <= count; i += 1) {
    sandbox.store.insert({ general_info: { name: `Bản gốc ${i}`, customer_code: `KH${String(i).padStart(5, "0")}`, type: "personal", tax_id: "0309999999" }, address: { province: "Huế" } }, "2026-01-01T00:00:00.000Z");
  }
}

/** A CSV as people make them: a title line above the header, and blank lines between rows (`undefined` in `rows`). */
export async function writeTitledCsv(dir: string, name: string, rows: (string[] | undefined)[]): Promise<string> {
  const path = join(dir, name);
  const lines = ["Danh sách khách hàng 2026", csvLine(HEADER), ...rows.map((row) => (row ? csvLine(row) : ""))];
  await writeFile(path, lines.join("\r\n") + "\r\n", "utf8");
  return path;
}

export const rowsOf = (numbers: number[], name = "") => numbers.map((i) => customerRow(i, name ? { Name: `${name} ${i}` } : {}));

/** The same as an Excel workbook: a title row above the header, blank rows kept blank. */
export async function writeTitledXlsx(dir: string, name: string, rows: (string[] | undefined)[]): Promise<string> {
  const path = join(dir, name);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Khách hàng");
  sheet.addRow(["Danh sách khách hàng 2026"]);
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row ?? []);
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * Waits until the sandbox has answered every request it received: requests a killed client had
 * in flight are still applied by the server, as a real one would, and a test compares states after.
 */
export async function serverQuiet(sandbox: Sandbox): Promise<void> {
  const answered = () => Object.values(sandbox.stats.byStatus).reduce((a, b) => a + b, 0) + Object.values(sandbox.stats.faults).reduce((a, b) => a + b, 0);
  for (let calm = 0; calm < 3; ) {
    const seen = sandbox.stats.requests;
    await waitFor(() => answered() >= sandbox.stats.requests, 30_000);
    await sleep(50);
    calm = sandbox.stats.requests === seen ? calm + 1 : 0;
  }
}
