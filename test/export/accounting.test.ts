import { createHash } from "node:crypto";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { datedName } from "../../src/export/dated-name.js";
import { personal } from "../helpers/sandbox.js";
import { harnessThisTest } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

const FAST = ["--rate", "0"];

async function start(): Promise<Harness> {
  const h = await harnessThisTest();
  return h;
}

async function csvRows(h: Harness, file: string): Promise<Record<string, string>[]> {
  const [header = [], ...lines] = parse(await readFile(join(h.dir, file)), { bom: true }) as string[][];
  return lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index] ?? ""])));
}

const now = () => new Date().toISOString();

describe("dated names", () => {
  it("fills {date} and {datetime} in the zone given, with no colon", () => {
    const at = Date.parse("2024-01-20T20:30:05Z");
    expect(datedName("out/kh-{date}.xlsx", at, "Asia/Ho_Chi_Minh")).toBe("out/kh-2024-01-21.xlsx");
    expect(datedName("kh-{datetime}.csv", at, "Asia/Ho_Chi_Minh")).toBe("kh-2024-01-21_033005.csv");
    expect(datedName("kh-{datetime}.csv", at, "UTC")).toBe("kh-2024-01-20_203005.csv");
  });

  it("refuses an unknown token, naming it, before any request", async () => {
    const h = await start();
    const result = await h.run(["export", "kh-{month}.csv", ...FAST]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("has {month}, which export does not know");
    expect(result.stderr).toContain("{date} (YYYY-MM-DD)");
    expect(await readdir(h.dir)).toEqual([]);
  });

  it("writes today's file under the name in the TZ of the environment", async () => {
    const h = await start();
    h.seed([personal("KH1")]);
    const day = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(new Date());
    const before = day();
    const result = await h.run(["export", "kh-{date}.csv", ...FAST], { env: { TZ: "Pacific/Kiritimati" } });
    expect(result.code).toBe(0);
    expect([`kh-${before}.csv`, `kh-${day()}.csv`]).toContain((await readdir(h.dir)).find((name) => name.endsWith(".csv")));
  });
});

describe("sorted, locked, never over a person's edits", () => {
  it("sorts rows by customer_code whatever the list's order", async () => {
    const h = await start();
    h.seed([personal("KH3"), personal("KH1"), personal("A9"), personal("KH2")]);
    expect((await h.run(["export", "all.csv", ...FAST])).code).toBe(0);
    expect((await csvRows(h, "all.csv")).map((row) => row["Customer code"])).toEqual(["A9", "KH1", "KH2", "KH3"]);
  });

  it("replaces its own unchanged file, refuses one a person edited, and --force overwrites it", async () => {
    const h = await start();
    h.seed([personal("KH1")]);
    expect((await h.run(["export", "all.csv", ...FAST])).code).toBe(0);
    expect((await h.run(["export", "all.csv", ...FAST])).code).toBe(0);
    await writeFile(join(h.dir, "all.csv"), "my edits\n");
    const refused = await h.run(["export", "all.csv", ...FAST]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("was changed since finan-bulk wrote it");
    expect(refused.stderr).toContain("--force");
    expect(await readFile(join(h.dir, "all.csv"), "utf8")).toBe("my edits\n");
    expect((await h.run(["export", "all.csv", "--force", ...FAST])).code).toBe(0);
    expect(await readFile(join(h.dir, "all.csv"), "utf8")).toContain("KH1");
  });

  it("refuses to run while another export holds the output or the state", async () => {
    const h = await start();
    h.seed([personal("KH1")]);
    const holder = JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), startedAt: now(), command: "finan-bulk export" });
    await writeFile(join(h.dir, "state.jsonl.lock"), holder);
    const result = await h.run(["export", "all.csv", "--state", "state.jsonl", ...FAST]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("state.jsonl is in use by finan-bulk export");
    expect((await readdir(h.dir)).sort()).toEqual(["state.jsonl.lock"]);
  });
});

describe("--state, --changes-only, --changes-since", () => {
  it("writes new, changed (columns named), deleted customers, and leaves out the unchanged", async () => {
    const h = await start();
    const [same, edited, recoded, gone, recreated] = h.seed([personal("KH1"), personal("KH2"), personal("KH3"), personal("KH4"), personal("KH5")]);
    const first = await h.run(["export", "full.csv", "--state", "state.jsonl", ...FAST]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("No state yet at");
    expect((await stat(join(h.dir, "state.jsonl"))).mode & 0o777).toBe(0o600);

    const store = h.sandbox.store;
    store.replace(edited as string, personal("KH2", { email: "b@example.vn", custom_tag: "VIP\r\nmiền Nam" }), now());
    store.replace(recoded as string, personal("KH3-NEW"), now());
    store.delete(gone as string);
    store.delete(recreated as string);
    const [created] = h.seed([personal("KH5"), personal("KH6")]);
    const result = await h.run(["export", "changes.csv", "--state", "state.jsonl", "--changes-only", "--json", ...FAST]);
    expect(result.code).toBe(0);
    const rows = await csvRows(h, "changes.csv");
    expect(rows.map((row) => [row["Customer code"], row.customer_id, row.change, row["changed columns"]])).toEqual([
      ["KH2", edited, "changed", "Email, Tag"],
      ["KH3-NEW", recoded, "changed", "Customer code, Name"],
      ["KH4", gone, "deleted", ""],
      ["KH5", recreated, "deleted", ""],
      ["KH5", created, "new", ""],
      ["KH6", expect.any(String), "new", ""],
    ]);
    expect(rows.map((row) => row.customer_id)).not.toContain(same);
    expect(JSON.parse(result.stdout).changes).toMatchObject({ new: 2, changed: 2, deleted: 2, unchanged: 1 });

    // the state moved on: the same export again finds nothing
    const again = await h.run(["export", "changes.csv", "--state", "state.jsonl", "--changes-only", ...FAST]);
    expect(again.stderr).toContain("Since state.jsonl: 0 new, 0 changed, 0 deleted, 5 unchanged.");
    expect(await csvRows(h, "changes.csv")).toEqual([]);
  });

  it("compares with a full export written with another --lang and format, line endings aside", async () => {
    const h = await start();
    const [edited, crlf] = h.seed([personal("KH1"), personal("KH2", { custom_tag: "VIP\r\nmiền Nam" })]);
    expect((await h.run(["export", "before.xlsx", "--lang", "vi", ...FAST])).code).toBe(0);
    h.sandbox.store.replace(edited as string, personal("KH1", { type: "company" }), now());
    h.sandbox.store.replace(crlf as string, personal("KH2", { custom_tag: "VIP\nmiền Nam" }), now());
    const result = await h.run(["export", "changes.csv", "--changes-since", "before.xlsx", "--changes-only", ...FAST]);
    expect(result.code).toBe(0);
    expect((await csvRows(h, "changes.csv")).map((row) => [row["Customer code"], row.change, row["changed columns"]])).toEqual([["KH1", "changed", "Type"]]);
    expect(result.stderr).toContain("0 new, 1 changed, 0 deleted, 1 unchanged");
  });

  it("compares a baseline with fewer --columns by the fields both have, and says what was not compared", async () => {
    const h = await start();
    const [edited] = h.seed([personal("KH1"), personal("KH2")]);
    expect((await h.run(["export", "before.csv", "--columns", "customer_id,Customer code,Name", ...FAST])).code).toBe(0);
    h.sandbox.store.replace(edited as string, personal("KH1", { email: "new@example.vn" }), now());
    const result = await h.run(["export", "changes.csv", "--changes-since", "before.csv", "--changes-only", ...FAST]);
    expect(result.code).toBe(0);
    expect(await csvRows(h, "changes.csv")).toEqual([]);
    expect(result.stderr).toMatch(/Not compared, as only one side has them: .*general_info\.email/);
  });

  it("refuses a changes-only file as a baseline, saying why", async () => {
    const h = await start();
    h.seed([personal("KH1")]);
    expect((await h.run(["export", "changes.csv", "--state", "s.jsonl", "--changes-only", ...FAST])).code).toBe(0);
    const result = await h.run(["export", "next.csv", "--changes-since", "changes.csv", "--changes-only", ...FAST]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is a changes-only export (it has a change column)");
  });

  it("makes a changes file one the importer reads: change is a result column, deleted rows are refused", async () => {
    const h = await start();
    const [gone] = h.seed([personal("KH1"), personal("KH2")]);
    expect((await h.run(["export", "full.csv", "--state", "s.jsonl", ...FAST])).code).toBe(0);
    h.sandbox.store.delete(gone as string);
    h.sandbox.store.replace(h.sandbox.store.byCode("KH2")?.customer_id as string, personal("KH2", { email: "b@example.vn" }), now());
    expect((await h.run(["export", "changes.csv", "--state", "s.jsonl", "--changes-only", "--lang", "vi", ...FAST])).code).toBe(0);
    const result = await h.run(["validate", "changes.csv", "--report", "check.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("thay đổi");
    const report = await csvRows(h, "check.csv");
    expect(report.map((row) => [row["Mã khách hàng"], row.status])).toEqual([["KH1", "invalid"], ["KH2", "valid"]]);
    expect(report[0]?.message).toContain('change is "đã xóa": this customer was deleted from Finan');
  });

  it("keeps the old state when the run fails", async () => {
    const h = await start();
    h.seed([personal("KH1")]);
    expect((await h.run(["export", "a.csv", "--state", "s.jsonl", ...FAST])).code).toBe(0);
    const before = await readFile(join(h.dir, "s.jsonl"), "utf8");
    h.sandbox.store.insert(personal("KH2"), now());
    h.sandbox.setFaults({ failRate: 1 });
    expect((await h.run(["export", "a.csv", "--state", "s.jsonl", "--retries", "0", ...FAST])).code).toBe(2);
    expect(await readFile(join(h.dir, "s.jsonl"), "utf8")).toBe(before);
    expect((await readdir(h.dir)).filter((name) => name.includes(".tmp") || name.endsWith(".lock"))).toEqual([]);
  });
});

describe("--manifest and the summary sheet", () => {
  it("writes a manifest with the count and the file's SHA-256", async () => {
    const h = await start();
    h.seed([personal("KH1"), personal("KH2")]);
    const result = await h.run(["export", "all.csv", "--manifest", ...FAST]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(h.dir, "all.csv.manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ file: "all.csv", customers: 2, tool: "finan-bulk", sha256: createHash("sha256").update(await readFile(join(h.dir, "all.csv"))).digest("hex") });
    expect(Date.parse(manifest.snapshotAt)).not.toBeNaN();
  });

  it("ends an XLSX export with a summary sheet in the file's language, with no secret in it", async () => {
    const h = await start();
    h.seed([personal("KH1"), { general_info: { name: "Công ty A", customer_code: "C1", type: "company" } }]);
    expect((await h.run(["export", "all.xlsx", "--lang", "vi", ...FAST])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(h.dir, "all.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Khách hàng", "Tổng kết"]);
    const rows = (workbook.worksheets[1]?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1).map(String));
    expect(rows).toContainEqual(["Số khách hàng trong danh sách", "2"]);
    expect(rows).toContainEqual(["Đã ghi, loại Tổ chức", "1"]);
    expect(JSON.stringify(rows)).not.toContain(h.sandbox.secretKey);
    expect(workbook.worksheets[1]?.getRow(1).getCell(1).font?.bold).toBe(true);
  });
});
