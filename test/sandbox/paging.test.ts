import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { call } from "./signed-request.js";

const codesOf = (data: unknown): string[] =>
  (data as Array<{ general_info: { customer_code: string } }>).map((c) => c.general_info.customer_code);

describe("sandbox list paging", () => {
  let sandbox: Sandbox;
  const all = Array.from({ length: 25 }, (_, i) => `C${String(i + 1).padStart(2, "0")}`);
  beforeAll(async () => {
    sandbox = await startSandbox({ pageSizeMax: 10 });
    for (const code of all) sandbox.store.insert({ general_info: { name: code, customer_code: code, type: "personal" } }, "2024-01-01T00:00:00.000Z");
  });
  afterAll(() => sandbox.close());

  it.each<[string, number, string[], { total: number; pages: number; page: number; page_size: number }]>([
    ["?page=1&page_size=4", 200, all.slice(0, 4), { total: 25, pages: 7, page: 1, page_size: 4 }],
    ["?page=7&page_size=4", 200, all.slice(24), { total: 25, pages: 7, page: 7, page_size: 4 }],
    ["?page=9&page_size=4", 200, [], { total: 25, pages: 7, page: 9, page_size: 4 }],
    ["?page=2&page_size=50", 200, all.slice(10, 20), { total: 25, pages: 3, page: 2, page_size: 10 }],
    ["", 200, all.slice(0, 10), { total: 25, pages: 3, page: 1, page_size: 10 }],
  ])("meta mode: %s gives the page and meta (page_size capped silently)", async (query, status, codes, meta) => {
    sandbox.setFaults({ paging: "meta" });
    const res = await call(sandbox, "GET", `/api/v1/customers${query}`);
    expect(res.status).toBe(status);
    expect(codesOf(res.json?.data)).toEqual(codes);
    expect(res.json?.meta).toEqual(meta);
  });

  it.each<[string, string[]]>([
    ["?page=1&page_size=4", all.slice(0, 4)],
    ["?page=3&page_size=50", all.slice(20)],
    ["?page=4&page_size=50", []],
  ])("short mode: %s gives the page without meta", async (query, codes) => {
    sandbox.setFaults({ paging: "short" });
    const res = await call(sandbox, "GET", `/api/v1/customers${query}`);
    expect(codesOf(res.json?.data)).toEqual(codes);
    expect(res.json).not.toHaveProperty("meta");
  });

  it.each(["?page=2&page_size=4", "?page=99&page_size=1", ""])("ignore mode: %s gives the whole list without meta", async (query) => {
    sandbox.setFaults({ paging: "ignore" });
    const res = await call(sandbox, "GET", `/api/v1/customers${query}`);
    expect(codesOf(res.json?.data)).toEqual(all);
    expect(res.json).not.toHaveProperty("meta");
  });

  it.each(["?page=0", "?page_size=-1", "?page=abc"])("rejects %s with 400 104000", async (query) => {
    sandbox.setFaults({ paging: "meta" });
    const res = await call(sandbox, "GET", `/api/v1/customers${query}`);
    expect([res.status, res.json?.code]).toEqual([400, 104000]);
  });

  it("keeps the order of the remaining records when one is deleted between pages", async () => {
    sandbox.setFaults({ paging: "meta", pageSizeMax: 100 });
    const first = await call(sandbox, "GET", "/api/v1/customers?page=1&page_size=3");
    const victim = sandbox.store.byCode("C02");
    if (!victim) throw new Error("fixture missing");
    sandbox.store.delete(victim.customer_id);
    const second = await call(sandbox, "GET", "/api/v1/customers?page=1&page_size=3");
    expect(codesOf(first.json?.data)).toEqual(["C01", "C02", "C03"]);
    expect(codesOf(second.json?.data)).toEqual(["C01", "C03", "C04"]);
  });
});
