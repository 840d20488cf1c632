import { describe, expect, it } from "vitest";
import { hasValidCheckDigit, lostLeadingZero } from "../../src/customers/tax-id.js";

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
