import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request } from "undici";
import type { CustomerPayload } from "../../src/customers/types.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { call, personal } from "./signed-request.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

const fullCustomer: CustomerPayload = {
  general_info: {
    name: "Nguyễn Văn Bình",
    customer_code: "CUST-FULL",
    phone: "0933456789",
    phone_code: "+84",
    email: "binh@example.vn",
    type: "company",
    tax_id: "0312345678",
    contact_persons: [{ name: "Trần Thị Hoa", phone_number: "0987654321", email: "hoa@example.vn" }],
    custom_tag: "VIP",
  },
  address: { country: "Việt Nam", province: "Hồ Chí Minh", district: "Quận 1", ward: "Bến Thành", address: "123 Lê Lợi", zip_code: "700000" },
  bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_holder_name: "NGUYEN VAN BINH", account_number: "0071000123456789" }],
};

describe("startSandbox", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ unpaidCodes: ["OWES"] });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.store.clear());

  it("serves on loopback under /open and answers with a Date header", async () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}/open`);
    const res = await call(sandbox, "GET", "/api/v1/customers");
    expect(res.status).toBe(200);
    expect(res.headers["date"]).toBeDefined();
    expect(res.json).toMatchObject({ message: { content: "Thực thi API thành công" }, code: 102000, data: [] });
    expect(res.json?.request_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("creates a customer and returns the stored record with every string intact", async () => {
    const res = await call(sandbox, "POST", "/api/v1/customers", { body: { ...fullCustomer, unknown_field: 1 } });
    expect(res.status).toBe(200);
    expect(res.json?.code).toBe(102001);
    const data = res.json?.data as Record<string, unknown>;
    expect(data["customer_id"]).toMatch(UUID);
    expect(data["created_at"]).toMatch(ISO_Z);
    expect(data).toMatchObject(fullCustomer);
    expect(data).not.toHaveProperty("unknown_field");
    expect(sandbox.store.byCode("CUST-FULL")?.customer_id).toBe(data["customer_id"]);
  });

  it("gets one full record with created_at and updated_at", async () => {
    const created = sandbox.store.insert(fullCustomer, "2024-01-20T14:00:00.000Z");
    const res = await call(sandbox, "GET", `/api/v1/customers/${created.customer_id}`);
    expect(res.json).toMatchObject({ code: 102000, data: { ...fullCustomer, customer_id: created.customer_id, created_at: "2024-01-20T14:00:00.000Z", updated_at: "2024-01-20T14:00:00.000Z" } });
  });

  it("lists summaries in insertion order", async () => {
    for (const code of ["B", "A", "C"]) await call(sandbox, "POST", "/api/v1/customers", { body: personal(code) });
    const res = await call(sandbox, "GET", "/api/v1/customers");
    const data = res.json?.data as Array<Record<string, unknown>>;
    expect(data.map((c) => (c["general_info"] as { customer_code: string }).customer_code)).toEqual(["B", "A", "C"]);
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(["created_at", "customer_id", "general_info"]);
    expect(data[0]?.["general_info"]).toEqual({ name: "Khách B", customer_code: "B", type: "personal" });
  });

  it("replaces the whole record on PUT: omitted fields are cleared, id and created_at kept", async () => {
    const created = sandbox.store.insert(fullCustomer, "2024-01-20T14:00:00.000Z");
    const res = await call(sandbox, "PUT", `/api/v1/customers/${created.customer_id}`, {
      body: { general_info: { name: "Tên mới", customer_code: "CUST-FULL", type: "personal", email: "moi@example.vn" } },
    });
    expect(res.json).toMatchObject({ code: 102000, data: { customer_id: created.customer_id, general_info: { name: "Tên mới" } } });
    expect((res.json?.data as { updated_at: string }).updated_at).toMatch(ISO_Z);
    const stored = sandbox.store.get(created.customer_id);
    expect(stored?.created_at).toBe("2024-01-20T14:00:00.000Z");
    expect(stored?.general_info).toEqual({ name: "Tên mới", customer_code: "CUST-FULL", type: "personal", email: "moi@example.vn" });
    expect(stored).not.toHaveProperty("address");
    expect(stored).not.toHaveProperty("bank_accounts");
  });

  it("refuses a PUT that takes another customer's code, and a PUT or GET of an unknown id", async () => {
    const first = sandbox.store.insert(personal("ONE"), "2024-01-01T00:00:00.000Z");
    sandbox.store.insert(personal("TWO"), "2024-01-01T00:00:00.000Z");
    const taken = await call(sandbox, "PUT", `/api/v1/customers/${first.customer_id}`, { body: personal("TWO") });
    expect([taken.status, taken.json?.code, taken.json?.message.error]).toEqual([400, 104100, "customer_code already exists: TWO"]);
    const missingPut = await call(sandbox, "PUT", "/api/v1/customers/nope", { body: personal("X") });
    const missingGet = await call(sandbox, "GET", "/api/v1/customers/nope");
    expect([missingPut.status, missingPut.json?.code, missingGet.status, missingGet.json?.code]).toEqual([404, 104004, 404, 104004]);
  });

  it("rejects a duplicate customer_code on create with 104100 and stores nothing", async () => {
    await call(sandbox, "POST", "/api/v1/customers", { body: personal("DUP") });
    const res = await call(sandbox, "POST", "/api/v1/customers", { body: personal("DUP") });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 104100, message: { content: "Dữ liệu đã tồn tại", error: "customer_code already exists: DUP" } });
    expect(sandbox.store.count()).toBe(1);
  });

  it("deletes a customer with data \"success\"", async () => {
    const created = sandbox.store.insert(personal("GONE"), "2024-01-01T00:00:00.000Z");
    const res = await call(sandbox, "DELETE", `/api/v1/customers/${created.customer_id}`);
    expect(res.json).toMatchObject({ code: 102001, data: "success" });
    expect(sandbox.store.get(created.customer_id)).toBeUndefined();
    const again = await call(sandbox, "DELETE", `/api/v1/customers/${created.customer_id}`);
    expect([again.status, again.json?.code]).toEqual([404, 104004]);
  });

  it("refuses to delete a customer with unpaid invoices, marked by id or by code", async () => {
    const byId = sandbox.store.insert(personal("MARKED"), "2024-01-01T00:00:00.000Z");
    sandbox.store.markUnpaidInvoices(byId.customer_id);
    const created = await call(sandbox, "POST", "/api/v1/customers", { body: personal("OWES") });
    const byCodeId = (created.json?.data as { customer_id: string }).customer_id;
    for (const id of [byId.customer_id, byCodeId]) {
      const res = await call(sandbox, "DELETE", `/api/v1/customers/${id}`);
      expect([res.status, res.json?.code, res.json?.message.error]).toEqual([400, 104000, "customer has unpaid invoices or active contracts"]);
      expect(sandbox.store.get(id)).toBeDefined();
    }
  });

  it.each([
    ["an unknown path", "GET", "/api/v1/invoices"],
    ["an unsupported method", "POST", "/api/v1/customers/some-id"],
  ] as const)("answers %s with 404 104004", async (_what, method, path) => {
    const res = await call(sandbox, method, path, { body: method === "POST" ? personal("X") : undefined });
    expect([res.status, res.json?.code]).toEqual([404, 104004]);
  });

  it("answers a path outside /open with 404 104004", async () => {
    const res = await request(`http://127.0.0.1:${sandbox.port}/api/v1/customers`);
    expect(res.statusCode).toBe(404);
    expect(((await res.body.json()) as { code: number }).code).toBe(104004);
  });

  it("counts requests by status", async () => {
    const before = sandbox.stats.requests;
    const before404 = sandbox.stats.byStatus[404] ?? 0;
    await call(sandbox, "GET", "/api/v1/customers/nope");
    expect(sandbox.stats.requests).toBe(before + 1);
    expect(sandbox.stats.byStatus[404]).toBe(before404 + 1);
  });
});
