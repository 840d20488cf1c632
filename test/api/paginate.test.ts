import { describe, expect, it } from "vitest";
import { createPacer } from "../../src/api/pacer.js";
import { createClient } from "../../src/api/client.js";
import { listAllCustomers } from "../../src/api/paginate.js";
import type { ListOptions } from "../../src/api/paginate.js";
import { envelope, person, startFakeFinan, summaryOf } from "../helpers/fake-finan.js";
import { afterThisTest, runCli, sandboxEnv, tempDir } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { personal, sandboxWithClient } from "../helpers/sandbox.js";

async function seeded(count: number, options: Parameters<typeof sandboxWithClient>[0]) {
  const env = await sandboxWithClient(options);
  afterThisTest(env.close);
  for (let i = 1; i <= count; i += 1) await env.api.createCustomer(personal(`KH${String(i).padStart(4, "0")}`));
  return env;
}

const pacer = () => createPacer({ ratePerSecond: 0, concurrency: 2, retries: 2, maxWaitMs: 5000 });

async function collect(env: Awaited<ReturnType<typeof seeded>>, pageSize: number) {
  const ids: string[] = [];
  let requests = env.sandbox.stats.requests;
  for await (const customer of listAllCustomers(env.api, pacer(), { pageSize })) ids.push(customer.customer_id);
  requests = env.sandbox.stats.requests - requests;
  return { ids, requests };
}

describe("listAllCustomers", () => {
  it.each(["meta", "short", "ignore"] as const)("yields every customer exactly once when the server pages by %s", async (paging) => {
    const env = await seeded(235, { paging });
    const { ids } = await collect(env, 50);
    expect(ids).toHaveLength(235);
    expect(new Set(ids).size).toBe(235);
  });

  it("does not stop at a short page when the server silently caps page_size", async () => {
    const env = await seeded(120, { paging: "short", pageSizeMax: 25 });
    const { ids } = await collect(env, 100);
    expect(new Set(ids).size).toBe(120);
  });

  it("follows meta without asking for a page past the last", async () => {
    const env = await seeded(120, { paging: "meta" });
    const { requests } = await collect(env, 50);
    expect(requests).toBe(3);
  });

  it("takes one extra request only, when the server ignores the paging parameters", async () => {
    const env = await seeded(60, { paging: "ignore" });
    const { ids, requests } = await collect(env, 50);
    expect(ids).toHaveLength(60);
    expect(requests).toBe(2);
  });

  it("ends on an empty list", async () => {
    const env = await seeded(0, { paging: "short" });
    expect((await collect(env, 50)).ids).toEqual([]);
  });
});

describe("listAllCustomers against a server whose paging misleads", () => {
  async function walk(fake: Awaited<ReturnType<typeof startFakeFinan>>, pageSize: number, onPage?: ListOptions["onPage"]) {
    const api = createClient({ baseUrl: fake.url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    afterThisTest(fake.close);
    const codes: string[] = [];
    for await (const customer of listAllCustomers(api, pacer(), { pageSize, ...(onPage ? { onPage } : {}) })) codes.push(customer.general_info.customer_code);
    return codes;
  }
  const fifty = () => Array.from({ length: 50 }, (_, i) => person(i + 1));

  it("asks again for an empty page that meta says holds customers", async () => {
    let emptied = false;
    const fake = await startFakeFinan({
      records: fifty(),
      list: (page, size, self) => {
        if (page !== 3 || emptied) return undefined;
        emptied = true;
        return envelope([], { meta: { total: self.records.length, pages: 5, page, page_size: size } });
      },
    });
    expect(new Set(await walk(fake, 10)).size).toBe(50);
  });

  it("goes past meta.pages while pages are short and fewer than meta.total were seen (a capped page_size)", async () => {
    // Caps pages at 50 but computes pages from the size asked, as the issue found.
    const records = Array.from({ length: 200 }, (_, i) => person(i + 1));
    const fake = await startFakeFinan({
      records,
      list: (page, size) => envelope(records.slice((page - 1) * 50, page * 50).map(summaryOf), { meta: { total: 200, pages: Math.ceil(200 / size), page, page_size: size } }),
    });
    expect(new Set(await walk(fake, 100)).size).toBe(200);
  });

  it("ends at the first empty page once meta.total is reached, though meta.pages says more", async () => {
    // Sends 100 a page whatever is asked, but computes pages from the 50 asked.
    const records = Array.from({ length: 200 }, (_, i) => person(i + 1));
    const fake = await startFakeFinan({ records, list: (page, size) => envelope(records.slice((page - 1) * 100, page * 100).map(summaryOf), { meta: { total: 200, pages: 200 / size, page, page_size: size } }) });
    expect(new Set(await walk(fake, 50)).size).toBe(200);
    expect(fake.log).toHaveLength(3);
  });

  it("does not stop at a page of ids already seen while meta says there are more pages", async () => {
    // Newest first: ten customers created at the front after page 1 push page 1 into page 2.
    const records = fifty().reverse();
    const fake = await startFakeFinan({
      records,
      before: (request, self) => {
        if (request.includes("page=2&")) self.records.unshift(...Array.from({ length: 10 }, (_, i) => person(100 + i)));
      },
    });
    const codes = await walk(fake, 10);
    expect(codes.filter((code) => Number(code.slice(2)) <= 50).sort()).toEqual(fifty().map((record) => record.general_info.customer_code).sort());
  });

  it("stops a list that keeps sending fresh ids far beyond meta.total, with progress on the way", async () => {
    const fake = await startFakeFinan({
      list: (page, size) => envelope(Array.from({ length: size }, (_, i) => summaryOf(person(page * size + i))), { meta: { total: 30, pages: 1_000_000, page, page_size: size } }),
    });
    const progress: number[] = [];
    await expect(walk(fake, 10, (state) => progress.push(state.page))).rejects.toThrow(/The customer list does not end: \d+ pages read, \d+ distinct customers listed, though the server says it holds 30/);
    expect(fake.log.length).toBeLessThan(20);
    expect(progress.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("stops a list without meta that never ends, at maxPages", async () => {
    const fake = await startFakeFinan({ list: (page, size) => envelope(Array.from({ length: size }, (_, i) => summaryOf(person(page * size + i)))) });
    const api = createClient({ baseUrl: fake.url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    afterThisTest(fake.close);
    const walkAll = async () => {
      for await (const _customer of listAllCustomers(api, pacer(), { pageSize: 5, maxPages: 40 })) continue;
    };
    await expect(walkAll()).rejects.toThrow("The customer list does not end: 40 pages read, 200 distinct customers listed, and it keeps sending new ones.");
  });
});

describe("the import's opening listing", () => {
  it("shows its progress on a terminal, then clears it", async () => {
    const env = await seeded(0, {});
    const now = new Date().toISOString();
    for (let i = 1; i <= 150; i += 1) env.sandbox.store.insert(personal(`KH${String(i).padStart(5, "0")}`), now);
    const dir = await tempDir();
    afterThisTest(dir.cleanup);
    const input = await writeCustomersCsv(dir.path, "in.csv", [customerRow(1)]);
    const result = await runCli(["import", input, "--rate", "0"], { env: sandboxEnv(env.sandbox), isTTY: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("\r\x1b[2KListing customers: 100/150");
  });

  it("stops, exit 2 and nothing sent, when the server keeps sending fresh ids far beyond its meta.total", async () => {
    const fake = await startFakeFinan({
      list: (page, size) => envelope(Array.from({ length: size }, (_, i) => summaryOf(person(page * size + i))), { meta: { total: 30, pages: 1_000_000, page, page_size: size } }),
    });
    afterThisTest(fake.close);
    const dir = await tempDir();
    afterThisTest(dir.cleanup);
    const input = await writeCustomersCsv(dir.path, "in.csv", [customerRow(1)]);
    const result = await runCli(["import", input, "--rate", "0"], { env: { FINAN_BASE_URL: fake.url, FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("The customer list does not end:");
    expect(fake.log.every((line) => line.startsWith("GET /api/v1/customers?"))).toBe(true);
    expect(fake.log.length).toBeLessThan(20);
  });
});
