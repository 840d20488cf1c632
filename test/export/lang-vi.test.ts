// `export --lang vi` writes what a Vietnamese accountant reads (the template's type words, times in
// Vietnam's zone) and still re-imports; an English export keeps the server's shape unless asked.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { templateContent } from "../../src/customers/template.js";
import { harnessThisTest } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";
import { personal } from "../helpers/sandbox.js";

const FAST = ["--rate", "0"];


/** Two customers with known server times: one with a zone, one without (API.md: both happen). */
async function start(): Promise<Harness> {
  const h = await harnessThisTest();
  h.sandbox.store.insert(personal("P1"), "2024-01-20T14:00:00Z");
  h.sandbox.store.insert({ general_info: { name: "Công ty Ánh Dương", customer_code: "C1", type: "company", contact_persons: [{ name: "Trần Thị Đào" }] } }, "2024-08-30T09:41:10.908172");
  return h;
}

async function readCsv(h: Harness, file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [header = [], ...lines] = parse(await readFile(join(h.dir, file)), { bom: true }) as string[][];
  return { header, rows: lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index] ?? ""]))) };
}

describe("export --lang vi", () => {
  it("writes the type as the Vietnamese template does and times as yyyy-mm-dd hh:mm:ss in Asia/Ho_Chi_Minh", async () => {
    const h = await start();
    expect((await h.run(["export", "vi.csv", "--lang", "vi", ...FAST])).code).toBe(0);
    const { header, rows } = await readCsv(h, "vi.csv");
    expect(header.slice(-3)).toEqual(["customer_id", "Ngày tạo (Asia/Ho_Chi_Minh)", "Ngày cập nhật (Asia/Ho_Chi_Minh)"]);
    const [personalWord, companyWord] = templateContent("vi").typeChoices;
    const byCode = new Map(rows.map((row) => [row["Mã khách hàng"], row]));
    expect(byCode.get("P1")?.["Loại khách hàng"]).toBe(personalWord);
    expect(byCode.get("C1")?.["Loại khách hàng"]).toBe(companyWord);
    // 14:00 UTC is 21:00 in Vietnam (UTC+7); a time without a zone is UTC, its microseconds cut
    expect(byCode.get("P1")?.["Ngày tạo (Asia/Ho_Chi_Minh)"]).toBe("2024-01-20 21:00:00");
    expect(byCode.get("P1")?.["Ngày cập nhật (Asia/Ho_Chi_Minh)"]).toBe("2024-01-20 21:00:00");
    expect(byCode.get("C1")?.["Ngày tạo (Asia/Ho_Chi_Minh)"]).toBe("2024-08-30 16:41:10");
  });

  it("re-imports: validate reads every row as valid, with no warning about the type or the time columns", async () => {
    const h = await start();
    expect((await h.run(["export", "vi.xlsx", "--lang", "vi", ...FAST])).code).toBe(0);
    const validated = await h.run(["validate", "vi.xlsx", "--lang", "vi"]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stderr).not.toMatch(/Ngày tạo|Ngày cập nhật|customer_id/);
    const report = (await h.run(["validate", "vi.xlsx", "--lang", "vi", "--json"])).stdout;
    expect(JSON.parse(report)).toMatchObject({ ok: true, warnings: [] });
  });

  it("--timezone UTC in English: the same text format, the zone in the header", async () => {
    const h = await start();
    expect((await h.run(["export", "utc.csv", "--timezone", "UTC", ...FAST])).code).toBe(0);
    const { header, rows } = await readCsv(h, "utc.csv");
    expect(header.slice(-3)).toEqual(["customer_id", "created_at (UTC)", "updated_at (UTC)"]);
    const byCode = new Map(rows.map((row) => [row["Customer code"], row]));
    expect(byCode.get("P1")?.["created_at (UTC)"]).toBe("2024-01-20 14:00:00");
    expect(byCode.get("C1")?.["created_at (UTC)"]).toBe("2024-08-30 09:41:10");
    expect(byCode.get("C1")?.Type).toBe("company");
  });

  it("keeps today's English shape without --timezone: the server's times and types as sent", async () => {
    const h = await start();
    expect((await h.run(["export", "en.csv", ...FAST])).code).toBe(0);
    const { header, rows } = await readCsv(h, "en.csv");
    expect(header.slice(-3)).toEqual(["customer_id", "created_at", "updated_at"]);
    const byCode = new Map(rows.map((row) => [row["Customer code"], row]));
    expect(byCode.get("P1")?.created_at).toBe("2024-01-20T14:00:00Z");
    expect(byCode.get("C1")?.created_at).toBe("2024-08-30T09:41:10.908172");
    expect(byCode.get("P1")?.Type).toBe("personal");
  });

  it("refuses a time zone it does not know, naming it, before any request", async () => {
    const h = await start();
    const run = await h.run(["export", "x.csv", "--timezone", "Asia/Hanoi_Town", ...FAST]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--timezone Asia/Hanoi_Town is not a time zone");
    expect(run.stderr).toContain("Asia/Ho_Chi_Minh");
    const vi = await h.run(["export", "x.csv", "--timezone", "Asia/Hanoi_Town", "--lang", "vi", ...FAST]);
    expect(vi.stderr).toContain("--timezone Asia/Hanoi_Town không phải múi giờ");
  });
});
