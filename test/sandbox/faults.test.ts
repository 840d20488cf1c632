import { afterEach, describe, expect, it } from "vitest";
import { seededRandom, SlidingWindowLimiter } from "../../src/sandbox/faults.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { call, personal } from "./signed-request.js";

describe("sandbox faults", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("answers beyond the rate limit with 429, Retry-After: 1 and code 104029, then admits again a second later", async () => {
    sandbox = await startSandbox({ rateLimit: 5 });
    const s = sandbox;
    const results = await Promise.all(Array.from({ length: 12 }, () => call(s, "GET", "/api/v1/customers")));
    const limited = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect(limited[0]?.headers["retry-after"]).toBe("1");
    expect(limited[0]?.json?.code).toBe(104029);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await call(s, "GET", "/api/v1/customers")).status).toBe(200);
  });

  // With failRate 1 the first draw always faults; the second picks the kind among those that fit.
  it.each([
    ["error-500", 0.1],
    ["error-503", 0.3],
    ["drop-before", 0.6],
    ["drop-after-apply", 0.9],
  ] as const)("produces %s on a write", async (kind, draw) => {
    sandbox = await startSandbox({ failRate: 1, random: () => draw });
    const outcome = await call(sandbox, "POST", "/api/v1/customers", { body: personal("F-1") }).catch((error: unknown) => error);
    expect(sandbox.stats.faults[kind]).toBe(1);
    if (kind === "error-500") expect(outcome).toMatchObject({ status: 500, json: { code: 105000 } });
    if (kind === "error-503") {
      expect(outcome).toMatchObject({ status: 503, json: undefined });
      expect((outcome as { text: string }).text).toMatch(/<html>/);
    }
    if (kind.startsWith("drop")) expect(outcome).toBeInstanceOf(Error);
    // Only the applied-then-dropped write is stored: the client cannot tell it from a plain drop.
    expect(sandbox.store.byCode("F-1") !== undefined).toBe(kind === "drop-after-apply");
  });

  it("plays a scripted gateway 504 after applying a POST, once, then answers normally", async () => {
    sandbox = await startSandbox({ scripted: [{ method: "POST", kind: "gateway-after-apply", status: 504 }] });
    const first = await call(sandbox, "POST", "/api/v1/customers", { body: personal("G-1") });
    expect(first).toMatchObject({ status: 504, json: undefined });
    expect(first.text).toMatch(/504 Gateway Time-out/);
    expect(sandbox.store.byCode("G-1")).toBeDefined();
    expect((await call(sandbox, "GET", "/api/v1/customers")).status).toBe(200);
    expect((await call(sandbox, "POST", "/api/v1/customers", { body: personal("G-2") })).status).toBe(200);
  });

  it("contradicts itself about a phantom code: listed, GET 404, create 104100", async () => {
    sandbox = await startSandbox({ phantomCodes: ["KH00001"] });
    const listed = await call(sandbox, "GET", "/api/v1/customers?page=1&page_size=10");
    const entry = (listed.json?.data as { customer_id: string; general_info: { customer_code: string } }[])[0];
    expect(entry?.general_info.customer_code).toBe("KH00001");
    expect((await call(sandbox, "GET", `/api/v1/customers/${entry?.customer_id}`)).status).toBe(404);
    expect((await call(sandbox, "POST", "/api/v1/customers", { body: personal("KH00001") })).json?.code).toBe(104100);
    expect(sandbox.store.count()).toBe(0);
  });

  it("never applies-then-drops a read: reads meet only the three other faults", async () => {
    sandbox = await startSandbox({ failRate: 1, random: () => 0.99 });
    await expect(call(sandbox, "GET", "/api/v1/customers")).rejects.toThrow();
    expect(sandbox.stats.faults).toMatchObject({ "drop-before": 1, "drop-after-apply": 0 });
  });

  it("with a seed, meets every fault kind and stores exactly the applied-then-dropped writes", async () => {
    sandbox = await startSandbox({ failRate: 1, seed: 42 });
    const s = sandbox;
    const answered: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const res = await call(s, "POST", "/api/v1/customers", { body: personal(`S-${i}`) }).catch(() => undefined);
      if (res) answered.push(`S-${i}`);
    }
    expect(Object.values(s.stats.faults).every((n) => n > 0)).toBe(true);
    expect(s.store.count()).toBe(s.stats.faults["drop-after-apply"]);
    expect(answered.every((code) => s.store.byCode(code) === undefined)).toBe(true);
  });

  it("replays the same fault sequence for the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(draws).toEqual(Array.from({ length: 5 }, () => b()));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
  });

  it("changes knobs live, and delays answers by latencyMs", async () => {
    sandbox = await startSandbox({ failRate: 1, random: () => 0.1 });
    expect((await call(sandbox, "GET", "/api/v1/customers")).status).toBe(500);
    sandbox.setFaults({ failRate: 0, latencyMs: 120 });
    const started = performance.now();
    expect((await call(sandbox, "GET", "/api/v1/customers")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it.each([{ failRate: 2 }, { paging: "pages" as never }, { pageSizeMax: 0 }])("refuses a bad knob %o", async (knob) => {
    sandbox = await startSandbox();
    expect(() => sandbox?.setFaults(knob)).toThrow(/Sandbox:/);
  });

  it("holds a sliding window, not fixed seconds", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(() => now);
    const admitted = (): boolean => limiter.tryAcquire(2);
    expect([admitted(), admitted(), admitted()]).toEqual([true, true, false]);
    now = 999;
    expect(admitted()).toBe(false);
    now = 1000;
    expect([admitted(), admitted(), admitted()]).toEqual([true, true, false]);
  });
});
