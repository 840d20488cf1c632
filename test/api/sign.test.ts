import { describe, expect, it } from "vitest";
import { signRequest } from "../../src/api/sign.js";

describe("signRequest", () => {
  it.each([
    ["mySecretKey", "GET", "/api/v1/payments", "", 1699999999, "73c2f95458328a80e1aa7d4f7446d4a7cb7e541e543ac66797a79964f04e31bd"],
    ["mySecretKey", "GET", "/api/v1/customers", "", 1699999999, "796ff82acc8a16dbea992a1f8ba5d8933dbbc006ad1c7bcae69b9eb5f7b44632"],
    ["mySecretKey", "DELETE", "/api/v1/customers/abc123", "", 1699999999, "de3ef240b56b4c05db9341118af58ccb2fb2b7ca14acded602871926ad930031"],
    [
      "s3r3c_k3y",
      "POST",
      "/api/v1/transfer/verify-otp",
      '{"id":"7fc5e181-aae3-4021-8ce0-6a53aa71990d","pass_code":"1828288371923881984"}',
      1724986946,
      "10366e5abe3a5ce0a012745a3549128e7a7fb76cc36c15def43c9073715a9466",
    ],
  ] as const)("matches API.md's vector for %s %s %s", (secret, method, path, payload, ts, expected) => {
    expect(signRequest(secret, method, path, payload, ts)).toBe(expected);
  });

  it("changes when any part changes", () => {
    const base = signRequest("k", "GET", "/api/v1/customers", "", 1);
    expect(signRequest("k", "GET", "/api/v1/customers?page=2", "", 1)).not.toBe(base);
    expect(signRequest("k", "GET", "/api/v1/customers", "", 2)).not.toBe(base);
  });
});
