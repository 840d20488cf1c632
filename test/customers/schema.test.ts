import { describe, expect, it } from "vitest";
import { isPhoneShape, parseCustomerType, validateCustomer } from "../../src/customers/schema.js";
import { render } from "../../src/i18n/text.js";

const base = { name: "Nguyễn Văn A", customer_code: "KH001", type: "personal" };

function issuesOf(input: unknown, groups?: { contacts: number[]; banks: number[] }) {
  const result = validateCustomer(input, groups);
  // as an English run says them
  return result.ok ? [] : result.issues.map((issue) => ({ ...issue, message: render("en", issue.message) }));
}

describe("parseCustomerType", () => {
  it.each([
    ["personal", "personal"],
    ["Personal", "personal"],
    ["cá nhân", "personal"],
    ["CA NHAN", "personal"],
    ["ca_nhan", "personal"],
    ["company", "company"],
    ["Công ty", "company"],
    ["cong ty", "company"],
    ["Doanh nghiệp", "company"],
    ["DOANH NGHIEP", "company"],
    ["Tổ chức", "company"],
    ["TO CHUC", "company"],
  ])("reads %j as %s", (text, type) => {
    expect(parseCustomerType(text)).toBe(type);
  });

  it.each(["", "vip", "khách lẻ", "toString", "__proto__"])("knows no type %j", (text) => {
    expect(parseCustomerType(text)).toBeUndefined();
  });
});

describe("isPhoneShape", () => {
  it.each(["0933456789", "+84 933 456 789", "(028) 3822-1234", "028.3822.1234", "+1 (684) 633-1234", "123456"])(
    "accepts %j",
    (phone) => {
      expect(isPhoneShape(phone)).toBe(true);
    },
  );

  it.each(["abc", "12345", "0933 456 789 / 0912 345 678", "0933456789 ext 12", "++84933456789", "0933456789012345"])(
    "rejects %j",
    (phone) => {
      expect(isPhoneShape(phone)).toBe(false);
    },
  );

  it("judges every mix of digits, marks and spaces as the rule's regexes do", () => {
    // the rule as first written: [\d\s().+-] only, one + at most, 6 to 15 digits
    const byRegex = (text: string) => /^[\d\s().+-]+$/.test(text) && (text.match(/\+/g)?.length ?? 0) <= 1 && text.replace(/\D/g, "").length >= 6 && text.replace(/\D/g, "").length <= 15;
    const alphabet = ["0", "9", "5", "+", "(", ")", ".", "-", " ", "\t", "\u00A0", "\u3000", "\u2028", "\uFEFF", "x", "/", "٣", "\u200B", "_", ","];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      const length = next() % 20;
      let text = "";
      for (let i = 0; i < length; i++) text += alphabet[next() % 4 === 0 ? next() % alphabet.length : next() % 3]!;
      expect(isPhoneShape(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });
});

describe("validateCustomer", () => {
  it("accepts a minimal personal customer and canonicalises the type", () => {
    const result = validateCustomer({ general_info: { ...base, type: "Cá nhân" } });
    expect(result).toEqual({ ok: true, value: { general_info: base } });
  });

  it("accepts a company with a named contact and a complete bank account", () => {
    const input = {
      general_info: { ...base, type: "công ty", contact_persons: [{ name: "Trần B", email: "b@abc.vn" }] },
      bank_accounts: [{ bank_code: "999", account_number: "0123456789012345678" }],
    };
    expect(validateCustomer(input).ok).toBe(true);
  });

  it.each([
    ["customer code missing", { name: "A", type: "personal" }, "general_info.customer_code", "is required"],
    ["name missing", { customer_code: "K", type: "personal" }, "general_info.name", "is required"],
    ["type missing", { customer_code: "K", name: "A" }, "general_info.type", "is required"],
    ["type unknown", { ...base, type: "vip" }, "general_info.type", '"vip" is not a customer type'],
    ["email malformed", { ...base, email: "an at abc.vn" }, "general_info.email", "is not an email address"],
    ["two emails in one cell", { ...base, email: "a@abc.vn; b@abc.vn" }, "general_info.email", "is not an email address"],
    ["phone garbage", { ...base, phone: "abc" }, "general_info.phone", "is not a phone number"],
    ["phone code garbage", { ...base, phone_code: "VN" }, "general_info.phone_code", "is not a dialing code"],
    ["company without contacts", { ...base, type: "company" }, "contact_persons.1.name", "a company needs at least one contact person with a name"],
  ])("reports %s on %s", (_, general_info, field, message) => {
    const issues = issuesOf({ general_info });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe(field);
    expect(issues[0]?.message).toContain(message);
  });

  it("names the contact and bank by the group number the file used", () => {
    const input = {
      general_info: { ...base, contact_persons: [{ email: "x@abc.vn" }, { name: "C", email: "bad" }] },
      bank_accounts: [{ bank_name: "Vietcombank" }, { account_number: "123" }],
    };
    const issues = issuesOf(input, { contacts: [2, 5], banks: [1, 3] });
    expect(issues).toEqual([
      { field: "contact_persons.2.name", message: "is required when other cells of this contact are filled" },
      { field: "contact_persons.5.email", message: "is not an email address" },
      { field: "bank_accounts.1.account_number", message: "is required when other cells of this bank account are filled" },
      { field: "bank_accounts.3.bank_code", message: "a bank account needs a bank code or a bank name" },
    ]);
  });

  it("reports every problem of a row at once", () => {
    const issues = issuesOf({ general_info: { customer_code: "K", type: "company", email: "nope" } });
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      "contact_persons.1.name",
      "general_info.email",
      "general_info.name",
    ]);
  });

  it("never rejects a bank code it does not know", () => {
    const input = { general_info: base, bank_accounts: [{ bank_code: "ZZZ-42", account_number: "1" }] };
    expect(validateCustomer(input).ok).toBe(true);
  });
});
