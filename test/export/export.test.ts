import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { templateColumns } from "../../src/customers/columns.js";
import type { CustomerPayload } from "../../src/customers/types.js";
import type { RequestLogEntry, SandboxOptions } from "../../src/sandbox/server.js";
import { personal } from "../helpers/sandbox.js";
import { harnessThisTest } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

const FAST = ["--rate", "0"];
const ITEM = /^\/open\/api\/v1\/customers\/[^/?]+$/;

/** A harness whose request log the test can watch (and act on, e.g. delete a customer mid-export). */
async function start(options: SandboxOptions = {}, onRequest?: (entry: RequestLogEntry, h: Harness) => void) {
  const log: RequestLogEntry[] = [];
  let self: Harness | undefined;
  const h = await harnessThisTest({
    ...options,
    onRequest: (entry) => {
      log.push(entry);
      if (self) onRequest?.(entry, self);
    },
  });
  self = h;
  return { h, log, itemGets: () => log.filter((entry) => entry.method === "GET" && ITEM.test(entry.path)).length };
}

async function readCsv(h: Harness, file: string): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [header = [], ...lines] = parse(await readFile(join(h.dir, file)), { bom: true, relax_column_count: false }) as string[][];
  return { header, rows: lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index] ?? ""]))) };
}

function codes(count: number, prefix = "KH"): CustomerPayload[] {
  return Array.from({ length: count }, (_, i) => personal(`${prefix}${String(i + 1).padStart(4, "0")}`));
}

function company(code: string, contacts: number, banks: number): CustomerPayload {
  return {
    general_info: {
      name: `Công ty ${code}`,
      customer_code: code,
      type: "company",
      contact_persons: Array.from({ length: contacts }, (_, i) => ({ name: `Người ${i + 1}`, phone_number: `090000000${i}` })),
    },
    bank_accounts: Array.from({ length: banks }, (_, i) => ({ bank_code: "203", bank_name: "Vietcombank", account_number: `00123456789012${i}` })),
  };
}

describe("finan-bulk export", () => {
  it.each([
    ["meta", {}],
    ["short", { pageSizeMax: 7 }],
    ["ignore", {}],
  ] as const)("writes every customer exactly once, in list order, when the server pages by %s", async (paging, knobs) => {
    const { h } = await start({ paging, ...knobs });
    const ids = h.seed(codes(45));
    const result = await h.run(["export", "all.csv", "--page-size", "10", ...FAST]);
    expect(result.code).toBe(0);
    const { rows } = await readCsv(h, "all.csv");
    expect(rows.map((row) => row.customer_id)).toEqual(ids);
    expect(result.stderr).toContain("Exported 45 customers to all.csv");
  });

  it("fetches every full record and gives as many contact and bank groups as the widest record needs", async () => {
    const { h, itemGets } = await start();
    h.seed([personal("P1"), company("C3", 3, 1), company("C1", 1, 2)]);
    expect((await h.run(["export", "groups.csv", ...FAST])).code).toBe(0);
    const { header, rows } = await readCsv(h, "groups.csv");
    expect(header).toEqual([...templateColumns("en", 3, 2).map((column) => column.header), "customer_id", "created_at", "updated_at"]);
    // sorted by customer code
    expect(rows.map((row) => [row["Customer code"], row["Contact 3 name"], row["Bank 2 account number"]])).toEqual([
      ["C1", "", "001234567890121"],
      ["C3", "Người 3", ""],
      ["P1", "", ""],
    ]);
    expect(rows[2]?.Phone).toBe("0933456789");
    expect(itemGets()).toBe(3);
  });

  it("writes only the list's fields with --summary and fetches no record", async () => {
    const { h, itemGets } = await start();
    h.seed([personal("P1"), company("C1", 1, 1)]);
    const result = await h.run(["export", "summary.csv", "--summary", ...FAST]);
    expect(result.code).toBe(0);
    const { header, rows } = await readCsv(h, "summary.csv");
    expect(header).toEqual(["Customer code", "Name", "Type", "customer_id", "created_at"]);
    expect(rows.map((row) => [row["Customer code"], row.Type])).toEqual([["C1", "company"], ["P1", "personal"]]);
    expect(itemGets()).toBe(0);
  });

  it("exports only one type with --type, without fetching the others", async () => {
    const { h, itemGets } = await start();
    h.seed([personal("P1"), company("C1", 1, 0), personal("P2"), company("C2", 2, 0)]);
    expect((await h.run(["export", "companies.csv", "--type", "company", ...FAST])).code).toBe(0);
    const { rows } = await readCsv(h, "companies.csv");
    expect(rows.map((row) => row["Customer code"])).toEqual(["C1", "C2"]);
    expect(itemGets()).toBe(2);
  });

  it("writes the columns chosen with --columns, in the order given, groups sized to the data", async () => {
    const { h } = await start();
    h.seed([company("C1", 1, 2)]);
    const result = await h.run(["export", "chosen.csv", "--columns", "customer_id,Tên khách hàng,bank_accounts.1.account_number,contacts", ...FAST]);
    expect(result.code).toBe(0);
    const { header, rows } = await readCsv(h, "chosen.csv");
    expect(header).toEqual(["customer_id", "Name", "Bank 1 account number", "Contact 1 name", "Contact 1 phone", "Contact 1 email"]);
    expect(rows[0]?.Name).toBe("Công ty C1");
  });

  it("refuses an unknown --columns name before sending anything", async () => {
    const { h, log } = await start();
    const result = await h.run(["export", "x.csv", "--columns", "Customer code,Nickname"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"Nickname" is not a column');
    expect(result.stderr).toContain("Valid columns: Customer code, Name");
    expect(log).toEqual([]);
  });

  it("writes Vietnamese headers with --lang vi", async () => {
    const { h } = await start();
    h.seed([company("C1", 1, 1)]);
    expect((await h.run(["export", "vi.csv", "--lang", "vi", ...FAST])).code).toBe(0);
    const { header } = await readCsv(h, "vi.csv");
    expect(header).toEqual([...templateColumns("vi", 1, 1).map((column) => column.header), "customer_id", "Ngày tạo (Asia/Ho_Chi_Minh)", "Ngày cập nhật (Asia/Ho_Chi_Minh)"]);
  });

  it("names the customers deleted between listing and fetching, and still succeeds", async () => {
    let deleted: string[] = [];
    const { h } = await start({}, (entry, self) => {
      // At the first fetch, delete two customers further down the list: their fetch will meet a 404.
      if (deleted.length === 0 && entry.method === "GET" && ITEM.test(entry.path)) {
        deleted = ["KH0050", "KH0051"].map((code) => self.sandbox.store.byCode(code)?.customer_id ?? "");
        for (const id of deleted) self.sandbox.store.delete(id);
      }
    });
    h.seed(codes(60));
    const result = await h.run(["export", "live.csv", "--concurrency", "2", ...FAST]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Exported 58 customers");
    expect(result.stderr).toContain("2 customers were deleted during the export and are not in the file: KH0050 (Nguyễn Văn KH0050), KH0051 (Nguyễn Văn KH0051).");
    const { rows } = await readCsv(h, "live.csv");
    expect(rows).toHaveLength(58);
    expect(rows.map((row) => row.customer_id)).not.toContain(deleted[0]);

    const json = await h.run(["export", "live.csv", "--json", ...FAST]);
    expect(JSON.parse(json.stdout)).toMatchObject({ customers: 58, deletedDuringExport: [] });
  });

  it.each([
    ["the template's columns (records spooled first)", []],
    ["fixed --columns (rows written as they arrive)", ["--columns", "Customer code,Name"]],
  ])("fails with exit 2 and leaves nothing under the target name when a fetch keeps failing: %s", async (_what, extra) => {
    const { h } = await start({}, (entry, self) => {
      if (entry.method === "GET" && ITEM.test(entry.path) && entry.status === 200) self.sandbox.setFaults({ failRate: 1 });
    });
    h.seed(codes(300));
    await writeFile(join(h.dir, "out.csv"), "the previous export\n");
    // --force: the file is not the tool's (no fingerprint), and this test is about a failed run leaving it as it was
    const result = await h.run(["export", "out.csv", "--force", "--retries", "0", "--concurrency", "1", ...extra, ...FAST]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Export failed while fetching customer KH0002 \([0-9a-f-]{36}\)/);
    expect(result.stderr).toContain("Nothing was written to");
    expect(await readFile(join(h.dir, "out.csv"), "utf8")).toBe("the previous export\n");
    expect(await readdir(h.dir)).toEqual(["out.csv"]);
  });

  it("fails with exit 2 when the list itself cannot be read, writing nothing", async () => {
    const { h } = await start({ failRate: 1 });
    const result = await h.run(["export", "out.xlsx", "--retries", "1", ...FAST]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Export failed while listing customers");
    expect(result.stderr).toContain("gave up after 2 attempts");
    expect(await readdir(h.dir)).toEqual([]);
  });

  it.each([
    ["FINAN_SECRET_KEY", { FINAN_SECRET_KEY: "not-the-secret-1234" }, "FINAN_SECRET_KEY does not match client"],
    ["FINAN_CLIENT_ID", { FINAN_CLIENT_ID: "someone-else" }, 'Check FINAN_CLIENT_ID, now "someone-else"'],
  ] as [string, Record<string, string>, string][])("exits 2 on a rejected %s, saying which credential to check and never printing the secret", async (_name, env, hint) => {
    const { h } = await start();
    h.seed(codes(3));
    const result = await h.run(["export", "out.csv", ...FAST], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The server rejected the credentials while listing customers (HTTP 401");
    expect(result.stderr).toContain(hint);
    expect(result.stderr + result.stdout).not.toContain(env.FINAN_SECRET_KEY ?? h.sandbox.secretKey);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it.each([
    ["--page-size", "0", "--page-size 0: expected a whole number of 1 or more."],
    ["--concurrency", "2.5", "--concurrency 2.5: expected a whole number of 1 or more."],
    ["--rate", "-1", "--rate -1: expected a number of 0 or more."],
  ])("refuses %s %s before sending anything", async (flag, value, message) => {
    const { h, log } = await start();
    const result = await h.run(["export", "out.csv", flag, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(log).toEqual([]);
  });

  it("refuses a file that is neither .xlsx nor .csv before sending anything", async () => {
    const { h, log } = await start();
    const result = await h.run(["export", "out.ods"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export writes .xlsx or .csv, not ".ods"');
    expect(log).toEqual([]);
  });

  it("prints one JSON object on stdout with --json, and nothing on stderr off a terminal", async () => {
    const { h } = await start();
    h.seed(codes(3));
    const result = await h.run(["export", "out/nested/all.xlsx", "--json", "--mkdir", ...FAST]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ command: "export", ok: true, file: join(h.dir, "out/nested/all.xlsx"), format: "xlsx", customers: 3, deletedDuringExport: [], createdDuringExport: [], changedDuringExport: [], warnings: [], contactGroups: 0, bankGroups: 0, summaryOnly: false, type: null, listingPasses: 2, requests: 5 });
    expect(summary.elapsedMs).toEqual(expect.any(Number));
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("says once listed how many records it will fetch and about how long that takes at --rate", async () => {
    const { h } = await start();
    h.seed(codes(12));
    const result = await h.run(["export", "paced.csv", "--rate", "400", "--page-size", "5"]);
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")[0]).toBe("Listed 12 customers; fetching their full records at --rate 400 takes about 1 s.");
    expect((await h.run(["export", "summary.csv", "--summary", "--rate", "400"])).stderr).not.toContain("Listed");
  });

  it("draws progress on stderr only on a terminal", async () => {
    const { h } = await start({ latencyMs: 5 });
    h.seed(codes(20));
    const tty = await h.run(["export", "a.csv", ...FAST], { isTTY: true });
    expect(tty.stderr).toContain("\r\x1b[2KFetching customers: ");
    expect(tty.stderr).toMatch(/Exported 20 customers to a\.csv in [\d.]+ s/);
    const piped = await h.run(["export", "b.csv", ...FAST], { isTTY: false });
    expect(piped.stderr).toMatch(/^Listed 20 customers; fetching their full records as fast as the server answers \(no --rate\)\.\nExported 20 customers to b\.csv in [\d.]+ s \([\d.,]+ customers\/s, 22 requests\)\.\n$/);
  });

  it("stops on Ctrl-C with exit 130 and leaves no file", async () => {
    const interrupt = new AbortController();
    const { h } = await start({ latencyMs: 2 }, (entry) => {
      if (entry.method === "GET" && ITEM.test(entry.path)) interrupt.abort();
    });
    h.seed(codes(200));
    const result = await h.run(["export", "out.xlsx", ...FAST], { signal: interrupt.signal });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("Interrupted while fetching customers");
    expect(await readdir(h.dir)).toEqual([]);
  });
});
