import { describe, expect, it } from "vitest";
import { checkTaxId, expectedCheckDigit, hasValidCheckDigit, lostLeadingZero } from "../../src/customers/tax-id.js";

describe("Vietnamese tax ID check digit", () => {
  it.each(["0100109106", "0100233488", "0101243150"])("accepts %s", (taxId) => {
    expect(hasValidCheckDigit(taxId)).toBe(true);
  });

  it.each(["0100109107", "0312345678", "010010910", "01001091066", "01001O9106"])("rejects %s", (taxId) => {
    expect(hasValidCheckDigit(taxId)).toBe(false);
  });

  it("says a 9-digit value lost its 0 only when the check digit proves it", () => {
    expect(lostLeadingZero("100233488")).toBe(true);
    expect(lostLeadingZero("312345678")).toBe(false);
    expect(lostLeadingZero("0100233488")).toBe(false);
    expect(lostLeadingZero("10023348")).toBe(false);
  });
});

describe("checkTaxId", () => {
  it.each([
    ["0100233488", "organisation"],
    ["0101243150", "organisation"],
    ["0314409058-002", "branch"],
    ["0314409058 - 002", "branch"],
    ["0314409058002", "branch"],
    ["079203001234", "personal"],
  ])("accepts %s as %s", (value, kind) => {
    expect(checkTaxId(value)).toEqual({ ok: true, kind });
  });

  it("gives the expected check digit for a wrong one", () => {
    expect(checkTaxId("0100233480")).toEqual({ ok: false, problem: "checkDigit", expected: "8" });
    expect(checkTaxId("0314409051-002")).toEqual({ ok: false, problem: "checkDigit", expected: "8" });
  });

  it("says no check digit fits a prefix whose weighted sum is 0 mod 11", () => {
    // 29·1 + 3·5 = 44, and 44 mod 11 = 0
    const prefix = "010000005";
    expect(expectedCheckDigit(prefix)).toBeUndefined();
    expect(checkTaxId(`${prefix}0`)).toEqual({ ok: false, problem: "noCheckDigit", prefix });
  });

  it.each([
    ["0314409058-000", "branchSuffix"],
    ["999203001234", "personalProvince"],
    ["01002334", "shape"],
    ["0100233488-01", "shape"],
    ["MST0100233488", "shape"],
  ])("flags %s (%s)", (value, problem) => {
    expect(checkTaxId(value)).toEqual({ ok: false, problem });
  });
});

describe("lostLeadingZero beyond 9 digits", () => {
  it("restores an 11-digit personal identification number: they all start with 0 and a province code", () => {
    expect(lostLeadingZero("79203001234")).toBe(true);
    expect(lostLeadingZero("99203001234")).toBe(false);
  });

  it("restores a 12-digit branch code whose 0-prefixed form passes the check digit", () => {
    expect(lostLeadingZero("314409058002")).toBe(true);
    expect(lostLeadingZero("314409051002")).toBe(false);
    expect(lostLeadingZero("314409058000")).toBe(false);
  });
});
