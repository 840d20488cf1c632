import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { signRequest } from "../../src/api/sign.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { call, type CallOptions, personal } from "./signed-request.js";

// A fixed server clock, so "stale" is exact.
const NOW_SECONDS = 1_724_986_946;

describe("sandbox authentication", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ clock: () => NOW_SECONDS * 1000 + 500, clientId: "client-1", secretKey: "s3cret" });
  });
  afterAll(() => sandbox.close());

  it.each<[string, CallOptions]>([
    ["a timestamp exactly 30 s behind", { timestampSeconds: NOW_SECONDS - 30 }],
    ["a timestamp exactly 30 s ahead", { timestampSeconds: NOW_SECONDS + 30 }],
  ])("accepts %s", async (_what, options) => {
    const res = await call(sandbox, "GET", "/api/v1/customers", options);
    expect(res.status).toBe(200);
  });

  it.each<[string, CallOptions, string]>([
    ["a wrong secret", { secretKey: "other", timestampSeconds: NOW_SECONDS }, "invalid signature"],
    ["an unknown client id", { clientId: "someone", timestampSeconds: NOW_SECONDS }, "unknown client id"],
    ["a body that differs from the signed one", { body: personal("A"), signedBody: JSON.stringify(personal("B")), timestampSeconds: NOW_SECONDS }, "invalid signature"],
    ["a missing signature", { omitHeader: "x-signature", timestampSeconds: NOW_SECONDS }, "missing x-signature header"],
    ["a missing timestamp", { omitHeader: "x-timestamp", timestampSeconds: NOW_SECONDS }, "missing x-timestamp header"],
    ["a timestamp in milliseconds", { timestampSeconds: NOW_SECONDS * 1000 }, "x-timestamp must be unix time in seconds"],
  ])("rejects %s with 401 104001", async (_what, options, detail) => {
    const method = options.body === undefined ? "GET" : "POST";
    const res = await call(sandbox, method, "/api/v1/customers", options);
    expect([res.status, res.json?.code, res.json?.message.error]).toEqual([401, 104001, detail]);
    expect(res.json?.message.content).toBe("Xác thực không thành công");
  });

  it.each([NOW_SECONDS - 31, NOW_SECONDS + 31])("rejects timestamp %i as stale, saying so", async (timestampSeconds) => {
    const res = await call(sandbox, "GET", "/api/v1/customers", { timestampSeconds });
    expect([res.status, res.json?.code]).toEqual([401, 104001]);
    expect(res.json?.message.error).toMatch(/timestamp is stale/);
  });

  it("dates its answers by its own clock, so a client can measure the skew", async () => {
    const res = await call(sandbox, "GET", "/api/v1/customers", { timestampSeconds: NOW_SECONDS });
    expect(Date.parse(String(res.headers["date"]))).toBe(NOW_SECONDS * 1000);
  });

  it("signs the query string exactly as sent", async () => {
    const signedOther = await call(sandbox, "GET", "/api/v1/customers?page_size=5&page=1", { timestampSeconds: NOW_SECONDS });
    expect(signedOther.status).toBe(200);
    const path = "/api/v1/customers?page=1&page_size=5";
    const signature = signRequest("s3cret", "GET", "/api/v1/customers?page_size=5&page=1", "", NOW_SECONDS);
    const res = await request(`${sandbox.url}${path}`, {
      headers: { "x-client-id": "client-1", "x-timestamp": String(NOW_SECONDS), "x-signature": signature },
    });
    expect(res.statusCode).toBe(401);
    await res.body.dump();
  });

  it("verifies the raw body bytes, not a re-serialisation of them", async () => {
    const spaced = '{ "general_info": { "name": "Lê Thị Ánh", "customer_code": "RAW-1", "type": "personal" } }';
    const res = await call(sandbox, "POST", "/api/v1/customers", { body: spaced, timestampSeconds: NOW_SECONDS });
    expect(res.json?.code).toBe(102001);
    expect(sandbox.store.byCode("RAW-1")?.general_info.name).toBe("Lê Thị Ánh");
  });

  it("applies nothing from an unauthenticated write", async () => {
    const res = await call(sandbox, "POST", "/api/v1/customers", { body: personal("NOAUTH"), secretKey: "other", timestampSeconds: NOW_SECONDS });
    expect(res.status).toBe(401);
    expect(sandbox.store.byCode("NOAUTH")).toBeUndefined();
  });

  it("never echoes the secret in an answer", async () => {
    const res = await call(sandbox, "GET", "/api/v1/customers", { secretKey: "wrong", timestampSeconds: NOW_SECONDS });
    expect(res.text).not.toContain("s3cret");
  });
});
