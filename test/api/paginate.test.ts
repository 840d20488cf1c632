import { afterEach, describe, expect, it } from "vitest";
import { createPacer } from "../../src/api/pacer.js";
import { listAllCustomers } from "../../src/api/paginate.js";
import { personal, sandboxWithClient } from "../helpers/sandbox.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function seeded(count: number, options: Parameters<typeof sandboxWithClient>[0]) {
  const env = await sandboxWithClient(options);
  cleanups.push(env.close);
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
