import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { call } from "./signed-request.js";

const info = (fields: Record<string, unknown>): Record<string, unknown> => ({
  general_info: { name: "Phạm Văn Đức", customer_code: "V-1", type: "personal", ...fields },
});

describe("sandbox validation of POST and PUT bodies", () => {
  let sandbox: Sandbox;
  let existingId: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    existingId = sandbox.store.insert({ general_info: { name: "X", customer_code: "EXISTING", type: "personal" } }, "2024-01-01T00:00:00.000Z").customer_id;
  });
  afterAll(() => sandbox.close());

  it.each<[string, unknown, string]>([
    ["a body without general_info", { address: {} }, "general_info is required"],
    ["general_info that is not an object", { general_info: "x" }, "general_info must be an object"],
    ["missing name and code", { general_info: { type: "personal" } }, "name is required, customer_code is required"],
    ["a missing type", { general_info: { name: "A", customer_code: "B" } }, "type is required"],
    ["an unknown type", info({ type: "vip" }), "type must be one of personal, company"],
    ["a phone sent as a number", info({ phone: 933456789 }), "phone must be a string"],
    ["a tax id sent as null", info({ tax_id: null }), "tax_id must be a string"],
    ["a malformed email", info({ email: "binh.example.vn" }), "email must email"],
    ["a company without contacts", info({ type: "company" }), "contact_persons must not be empty when type is company"],
    ["a company with an empty contact list", info({ type: "company", contact_persons: [] }), "contact_persons must not be empty when type is company"],
    ["a contact without a name", info({ contact_persons: [{ phone_number: "0901" }] }), "contact_persons[0].name is required"],
    ["a contact with a bad email", info({ contact_persons: [{ name: "Hoa", email: "hoa@" }] }), "contact_persons[0].email must email"],
    ["a zip code sent as a number", { ...info({}), address: { zip_code: 700000 } }, "address.zip_code must be a string"],
    ["an account number sent as a number", { ...info({}), bank_accounts: [{ account_number: 71000123456789 }] }, "bank_accounts[0].account_number must be a string"],
    ["bank_accounts that is not an array", { ...info({}), bank_accounts: {} }, "bank_accounts must be an array"],
    ["several problems at once", { general_info: { name: "A", type: "personal", phone: 1, email: "x" } }, "customer_code is required, phone must be a string, email must email"],
    ["a JSON array", [], "body must be a JSON object"],
  ])("rejects %s with 400 104000 and the detail in message.error", async (_what, body, detail) => {
    for (const [method, path] of [["POST", "/api/v1/customers"], ["PUT", `/api/v1/customers/${existingId}`]] as const) {
      const res = await call(sandbox, method, path, { body });
      expect([res.status, res.json?.code, res.json?.message.error]).toEqual([400, 104000, detail]);
      expect(res.json?.message.content).toBe("Dữ liệu không hợp lệ");
    }
    expect(sandbox.store.count()).toBe(1);
    expect(sandbox.store.get(existingId)?.general_info.customer_code).toBe("EXISTING");
  });

  it("rejects a body that is not JSON", async () => {
    const res = await call(sandbox, "POST", "/api/v1/customers", { body: '{"general_info":' });
    expect([res.status, res.json?.code]).toEqual([400, 104000]);
    expect(res.json?.message.error).toMatch(/^body is not valid JSON/);
  });

  it.each<[string, Record<string, unknown>]>([
    ["a company with a named contact", info({ customer_code: "OK-1", type: "company", contact_persons: [{ name: "Hoa" }] })],
    ["a personal customer with contacts", info({ customer_code: "OK-2", contact_persons: [{ name: "Hoa", email: "hoa@example.vn" }] })],
    ["an empty optional email", info({ customer_code: "OK-3", email: "" })],
  ])("accepts %s", async (_what, body) => {
    const res = await call(sandbox, "POST", "/api/v1/customers", { body });
    expect(res.json?.code).toBe(102001);
  });
});
