// Export against purpose-built servers that change or misbehave while it runs (issue #20).
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { envelope, notFound, offsetPage, person, startFakeFinan, summaryOf } from "../helpers/fake-finan.js";
import type { FakeFinan, FakeOptions, FakeRecord } from "../helpers/fake-finan.js";
import { runCli } from "../helpers/cli.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function serve(options: FakeOptions) {
  const fake = await startFakeFinan(options);
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-test-hostile-"));
  cleanups.push(fake.close, () => rm(dir, { recursive: true, force: true }));
  const run = (argv: string[]) => runCli(["export", ...argv, "--rate", "0", "--retries", "1"], { cwd: dir, env: { FINAN_BASE_URL: fake.url, FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s" } });
  const rows = async (file: string) => {
    const [header = [], ...lines] = parse(await readFile(join(dir, file)), { bom: true }) as string[][];
    return lines.map((line) => Object.fromEntries(header.map((name, index) => [name, line[index] ?? ""])));
  };
  return { fake, dir, run, rows };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => person(i + 1));
const codesOf = (rows: Record<string, string>[]) => rows.map((row) => row["Customer code"]);
const remove = (fake: FakeFinan, code: string) => {
  fake.records = fake.records.filter((record) => record.general_info.customer_code !== code);
};

describe("export while the list changes under it", () => {
  it.each([
    ["full records", []],
    ["--summary", ["--summary"]],
  ])("keeps every customer when a deletion after page 1 shifts the later pages, and names the deleted one: %s", async (_what, extra) => {
    let deleted = false;
    const { run, rows } = await serve({
      records: many(200),
      before: (request, fake) => {
        if (!deleted && request.includes("page=2&")) (deleted = true), remove(fake, "KH00005");
      },
    });
    const result = await run(["all.csv", "--page-size", "20", "--json", ...extra]);
    expect(result.code).toBe(0);
    const codes = codesOf(await rows("all.csv"));
    expect(codes).toHaveLength(199);
    expect(new Set(codes).size).toBe(199);
    expect(codes).toContain("KH00021");
    expect(codes).not.toContain("KH00005");
    expect(JSON.parse(result.stdout)).toMatchObject({ customers: 199, deletedDuringExport: [{ customer_code: "KH00005" }] });
  });

  it("keeps a customer skipped because an update moved another to the end of a list sorted by update time", async () => {
    let updated = false;
    const { run, rows } = await serve({
      records: many(60),
      before: (request, fake) => {
        if (updated || !request.includes("page=2&")) return;
        updated = true;
        const [moved] = fake.records.splice(2, 1) as [FakeRecord];
        fake.records.push({ ...moved, general_info: { ...moved.general_info, name: "Tên mới" }, updated_at: new Date(Date.now() + 1000).toISOString() });
      },
    });
    const result = await run(["all.csv", "--page-size", "20", "--json"]);
    expect(result.code).toBe(0);
    const codes = codesOf(await rows("all.csv"));
    expect(codes.sort()).toEqual(many(60).map((record) => record.general_info.customer_code));
    expect(JSON.parse(result.stdout)).toMatchObject({ changedDuringExport: [{ customer_code: "KH00003" }], deletedDuringExport: [] });
  });

  it("finds customers created at the front of a newest-first list after page 1, and names them as created", async () => {
    let created = false;
    const { run, rows } = await serve({
      records: many(50).reverse(),
      before: (request, fake) => {
        if (created || !request.includes("page=2&")) return;
        created = true;
        const now = new Date(Date.now() + 1000).toISOString();
        fake.records.unshift(...Array.from({ length: 10 }, (_, i) => person(100 + i, { created_at: now, updated_at: now })));
      },
    });
    const result = await run(["all.csv", "--page-size", "10", "--json"]);
    expect(result.code).toBe(0);
    expect(await rows("all.csv")).toHaveLength(60);
    const summary = JSON.parse(result.stdout) as { createdDuringExport: { customer_code: string }[] };
    expect(summary.createdDuringExport.map((c) => c.customer_code).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `KH${String(100 + i).padStart(5, "0")}`));
  });

  it("asks again for a transiently empty page instead of writing a fifth of the list", async () => {
    let emptied = false;
    const { run, rows } = await serve({
      records: many(50),
      list: (page, size, fake) => {
        if (page !== 3 || emptied) return undefined;
        emptied = true;
        return envelope([], { meta: { total: fake.records.length, pages: 5, page, page_size: size } });
      },
    });
    expect((await run(["all.csv", "--page-size", "10"])).code).toBe(0);
    expect(await rows("all.csv")).toHaveLength(50);
  });

  it("writes all 200 from a server that caps pages at 50 but computes meta.pages from the 100 asked", async () => {
    const { run, rows } = await serve({
      records: many(200),
      list: (page, size, fake) => envelope(fake.records.slice((page - 1) * 50, page * 50).map(summaryOf), { meta: { total: 200, pages: Math.ceil(200 / size), page, page_size: size } }),
    });
    expect((await run(["all.csv", "--page-size", "100"])).code).toBe(0);
    expect(await rows("all.csv")).toHaveLength(200);
  });

  it("fails with exit 2, writing nothing, when the list never settles (new customers on every pass)", async () => {
    let next = 1000;
    const { run, dir } = await serve({
      records: many(5),
      before: (request, fake) => {
        if (request.includes("page=1&")) fake.records.push(person((next += 1)));
      },
    });
    const result = await run(["all.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The customer list kept changing: listing pass 8 still found 1 customer the earlier passes had not shown.");
    expect(result.stderr).toContain("Nothing was written to");
    expect(await readdir(dir)).toEqual([]);
  });

  it("fails with exit 2 when the server's meta.total says more than two full passes show", async () => {
    const { run, dir } = await serve({ records: many(30), list: (page, size, fake) => envelope(fake.records.slice((page - 1) * size, page * size).map(summaryOf), { meta: { total: 31, pages: 3, page, page_size: size } }) });
    const result = await run(["all.csv", "--page-size", "10"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The server says it holds 31 customers, but two full passes of its list showed only 30.");
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("export refuses what does not match", () => {
  it("treats a gateway's HTML 404 on a record as a failure, not a deletion", async () => {
    const { run, dir } = await serve({ records: many(30), get: () => ({ status: 404, body: "<html><body><h1>404 Not Found</h1>nginx</body></html>", contentType: "text/html" }) });
    await writeFile(join(dir, "all.csv"), "the previous export\n");
    // --force: the file is not the tool's (no fingerprint), and this test is about a failure leaving it as it was
    const result = await run(["all.csv", "--force"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Export failed while fetching customer KH00001 \(id-KH00001\): .*404/);
    expect(await readFile(join(dir, "all.csv"), "utf8")).toBe("the previous export\n");
  });

  it("fails when the server still lists a customer whose GET answers 104004", async () => {
    const { run } = await serve({ records: many(5), get: (id) => (id === "id-KH00003" ? notFound() : undefined) });
    const result = await run(["all.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The server contradicts itself about customer KH00003 (id-KH00003): its list still shows it, but fetching it answers 104004 "not found".');
  });

  it("gives a list that lags behind a deletion one more pass before calling it a contradiction", async () => {
    let passes = 0;
    const { run, rows } = await serve({
      records: many(5),
      get: (id) => (id === "id-KH00003" ? notFound() : undefined),
      list: (page, size, fake) => {
        if (page === 1) passes += 1;
        return offsetPage(passes <= 2 ? fake.records : fake.records.filter((record) => record.customer_id !== "id-KH00003"), page, size);
      },
    });
    const result = await run(["all.csv", "--json"]);
    expect(result.code).toBe(0);
    expect(codesOf(await rows("all.csv"))).toEqual(["KH00001", "KH00002", "KH00004", "KH00005"]);
    expect(JSON.parse(result.stdout)).toMatchObject({ deletedDuringExport: [{ customer_code: "KH00003" }], listingPasses: 3 });
  });

  it("fails, naming the customer, when a GET answers for another customer, and never writes one twice", async () => {
    const { run, dir } = await serve({ records: many(5), get: (id, fake) => (id === "id-KH00003" ? envelope(fake.records[3]) : undefined) });
    const result = await run(["all.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Export failed while fetching customer KH00003 (id-KH00003)");
    expect(result.stderr).toContain('the answer is for another customer (customer_id "id-KH00004")');
    expect(await readdir(dir)).toEqual([]);
  });

  it("--type compares case-insensitively on both the list and the record", async () => {
    const records = many(4).map((record, i) => ({ ...record, general_info: { ...record.general_info, type: ["Company", "personal", "COMPANY ", "Personal"][i] } }));
    const { run, rows } = await serve({ records });
    expect((await run(["companies.csv", "--type", "company"])).code).toBe(0);
    expect(codesOf(await rows("companies.csv"))).toEqual(["KH00001", "KH00003"]);
  });
});

describe("export keeps odd data as text", () => {
  it("writes fields of unexpected types as faithful text, with a warning naming the customer and the field", async () => {
    const odd = person(1);
    const oddBody = `{"code":102000,"data":{"customer_id":"${odd.customer_id}","general_info":{"name":"Khách KH00001","customer_code":"KH00001","type":"personal","email":{"primary":"a@b.vn"},"tax_id":1.5e21,"contact_persons":{"name":"Chị Lan","phone_number":"0901234567"}},"address":"12 Lê Lợi","bank_accounts":[{"bank_code":"203","account_number":1234567890123456789}]}}`;
    const { run, rows } = await serve({ records: [odd, person(2)], get: (id) => (id === odd.customer_id ? { body: oddBody } : undefined) });
    const result = await run(["odd.csv", "--json"]);
    expect(result.code).toBe(0);
    const [first] = await rows("odd.csv");
    expect(first).toMatchObject({ Email: '{"primary":"a@b.vn"}', "Tax ID": "1.5e21", "Contact 1 name": "Chị Lan", "Contact 1 phone": "0901234567", "Street address": "12 Lê Lợi", "Bank 1 account number": "1234567890123456789" });
    const warnings = (JSON.parse(result.stdout) as { warnings: { customer_code: string; message: string }[] }).warnings;
    expect(warnings.map((w) => `${w.customer_code}: ${w.message}`)).toEqual([
      "KH00001: Email (general_info.email) was an object instead of text: written as text",
      "KH00001: Tax ID (general_info.tax_id) was the number 1.5e21 instead of text: written as text",
      "KH00001: address was text instead of an object: written as Street address",
      "KH00001: contact_persons was an object instead of a list: written as its first entry",
      "KH00001: Bank 1 account number (bank_accounts.1.account_number) was the number 1234567890123456789 instead of text: written as text",
    ]);
  });

  it("exports a list with a null name and a numeric code, warning about that customer", async () => {
    const { run, rows } = await serve({
      records: many(3),
      list: (page, size, fake) => {
        const reply = offsetPage(fake.records, page, size);
        return { body: reply.body.replace('"name":"Khách KH00002","customer_code":"KH00002"', '"name":null,"customer_code":2') };
      },
    });
    const result = await run(["list.csv", "--summary"]);
    expect(result.code).toBe(0);
    // sorted by code: "2" before "KH…"
    expect(codesOf(await rows("list.csv"))).toEqual(["2", "KH00001", "KH00003"]);
    expect(result.stderr).toContain("2 warnings about the data");
    expect(result.stderr).toContain("  2 (id-KH00002): general_info.name was null instead of text: left blank");
    expect(result.stderr).toContain("  2 (id-KH00002): general_info.customer_code was the number 2 instead of text: written as text");
  });

  it("counts every warning but lists only the first thousand, so a cron log is not flooded", async () => {
    const { run } = await serve({ records: many(1001), list: (page, size, self) => ({ body: offsetPage(self.records, page, size).body.replace(/"customer_code":"KH0*(\d+)"/g, '"customer_code":$1') }) });
    const text = await run(["codes.csv", "--summary"]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain("1,001 warnings about the data");
    expect(text.stderr).toContain("  and 991 more (--json lists the first 1,000).");
    const json = JSON.parse((await run(["codes.csv", "--summary", "--json"])).stdout) as { warnings: unknown[]; warningCount: number };
    expect([json.warnings.length, json.warningCount]).toEqual([1000, 1001]);
  });

  it("fails the run, saying why, on a list entry with no customer_id", async () => {
    const { run, fake } = await serve({ records: many(3), list: (page, size, self) => ({ body: offsetPage(self.records, page, size).body.replace('"customer_id":"id-KH00002",', "") }) });
    const result = await run(["list.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("entry 2 of the list page has no usable customer_id, so it cannot be fetched");
    expect(fake.log.filter((line) => line.startsWith("GET /api/v1/customers?"))).toHaveLength(1);
  });
});

describe("export output folder", () => {
  it("refuses a folder that does not exist, unless --mkdir", async () => {
    const { run, dir, fake } = await serve({ records: many(2) });
    const refused = await run(["share/out/all.csv"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Cannot write share/out/all.csv: its folder ${join(dir, "share/out")} does not exist.`);
    expect(refused.stderr).toContain("--mkdir");
    expect(fake.log).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    expect((await run(["share/out/all.csv", "--mkdir"])).code).toBe(0);
    // and the fingerprint that lets the next run replace it (and nothing else)
    expect(await readdir(join(dir, "share/out"))).toEqual([".all.csv.fingerprint", "all.csv"]);
  });
});
