import { describe, expect, it } from "vitest";
import {
  columnLetter,
  fieldForHeader,
  headerFor,
  isFieldKey,
  normaliseHeader,
  templateColumns,
  templateFields,
} from "../../src/customers/columns.js";

describe("normaliseHeader", () => {
  it.each([
    ["Mã khách hàng", "makhachhang"],
    ["MA KHACH HANG", "makhachhang"],
    ["ma_khach_hang", "makhachhang"],
    ["Địa chỉ", "diachi"],
    ["  Tỉnh / Thành phố ", "tinhthanhpho"],
    ["contact_persons[1].name", "contactpersons1name"],
  ])("reduces %j to %j", (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });

  it("treats decomposed (NFD) and composed Vietnamese the same", () => {
    expect(normaliseHeader("Số điện thoại".normalize("NFD"))).toBe(normaliseHeader("Số điện thoại"));
  });
});

describe("fieldForHeader", () => {
  it.each([
    ["Customer code", "general_info.customer_code"],
    ["Mã khách hàng", "general_info.customer_code"],
    ["MA KHACH HANG", "general_info.customer_code"],
    ["ma_khach_hang", "general_info.customer_code"],
    ["general_info.customer_code", "general_info.customer_code"],
    ["Tên khách hàng", "general_info.name"],
    ["ten khach hang", "general_info.name"],
    ["general_info.name", "general_info.name"],
    ["Loại khách hàng", "general_info.type"],
    ["Mã quốc gia", "general_info.phone_code"],
    ["Quốc gia", "address.country"],
    ["quoc gia", "address.country"],
    ["SỐ ĐIỆN THOẠI", "general_info.phone"],
    ["Tax ID", "general_info.tax_id"],
    ["Mã số thuế", "general_info.tax_id"],
    ["Nhãn", "general_info.custom_tag"],
    ["Tỉnh/Thành phố", "address.province"],
    ["tinh thanh pho", "address.province"],
    ["address.province", "address.province"],
    ["Street address", "address.address"],
    ["Địa chỉ", "address.address"],
    ["Zip-code", "address.zip_code"],
    ["Contact 1 name", "contact_persons.1.name"],
    ["contact 2 PHONE", "contact_persons.2.phone_number"],
    ["Người liên hệ 1 - Tên", "contact_persons.1.name"],
    ["Nguoi lien he 2 - So dien thoai", "contact_persons.2.phone_number"],
    ["Người liên hệ 12 - Email", "contact_persons.12.email"],
    ["contact_persons.1.name", "contact_persons.1.name"],
    ["contact_persons[1].name", "contact_persons.1.name"],
    ["contact_persons[12].phone_number", "contact_persons.12.phone_number"],
    ["Bank 1 code", "bank_accounts.1.bank_code"],
    ["Bank 2 account number", "bank_accounts.2.account_number"],
    ["Bank 12 account holder", "bank_accounts.12.account_holder_name"],
    ["Ngân hàng 1 - Mã", "bank_accounts.1.bank_code"],
    ["Ngân hàng 1 - Tên", "bank_accounts.1.bank_name"],
    ["NGAN HANG 3 - SO TAI KHOAN", "bank_accounts.3.account_number"],
    ["bank_accounts.2.account_number", "bank_accounts.2.account_number"],
    ["bank_accounts[2].bank_name", "bank_accounts.2.bank_name"],
  ])("maps %j to %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(["", "Notes", "Contact name", "Contact 0 name", "contact_persons.0.name", "__proto__", "constructor", "toString"])(
    "knows no field for %j",
    (header) => {
      expect(fieldForHeader(header)).toBeUndefined();
    },
  );

  it("reads every template header back to its own field, in both languages", () => {
    for (const lang of ["en", "vi"] as const) {
      for (const { field, header } of templateColumns(lang, 3, 3)) expect(fieldForHeader(header)).toBe(field);
    }
  });
});

describe("templateColumns", () => {
  it("lists general, address, contact 1, contact 2, bank 1, bank 2 in table order", () => {
    const fields = templateColumns("en").map((column) => column.field);
    expect(fields.slice(0, 3)).toEqual(["general_info.customer_code", "general_info.name", "general_info.type"]);
    expect(fields.indexOf("address.zip_code")).toBeLessThan(fields.indexOf("contact_persons.1.name"));
    expect(fields.slice(-8)).toEqual([
      "bank_accounts.1.bank_code",
      "bank_accounts.1.bank_name",
      "bank_accounts.1.account_holder_name",
      "bank_accounts.1.account_number",
      "bank_accounts.2.bank_code",
      "bank_accounts.2.bank_name",
      "bank_accounts.2.account_holder_name",
      "bank_accounts.2.account_number",
    ]);
    expect(fields).toHaveLength(14 + 2 * 3 + 2 * 4);
  });

  it("writes the Vietnamese headers of SPEC.md", () => {
    const headers = templateColumns("vi", 1, 1).map((column) => column.header);
    expect(headers).toContain("Mã khách hàng");
    expect(headers).toContain("Người liên hệ 1 - Số điện thoại");
    expect(headers).toContain("Ngân hàng 1 - Chủ tài khoản");
  });

  it("grows with the number of groups asked for", () => {
    expect(templateFields(0, 5).filter((field) => field.startsWith("bank_accounts.5."))).toHaveLength(4);
    expect(templateFields(0, 0).some((field) => field.startsWith("contact_persons"))).toBe(false);
  });
});

describe("headerFor", () => {
  it.each([
    ["bank_accounts.1.account_number", "en", "Bank 1 account number"],
    ["bank_accounts.2.account_number", "vi", "Ngân hàng 2 - Số tài khoản"],
    ["contact_persons.12.name", "en", "Contact 12 name"],
    ["address.province", "vi", "Tỉnh/Thành phố"],
  ] as const)("names %s in %s as %j", (field, lang, header) => {
    expect(headerFor(field, lang)).toBe(header);
  });
});

describe("isFieldKey", () => {
  it.each([
    ["general_info.name", true],
    ["contact_persons.3.email", true],
    ["contact_persons.0.email", false],
    ["contact_persons.01.email", false],
    ["contact_persons[1].email", false],
    ["general_info.contact_persons", false],
    ["general_info.__proto__", false],
    ["address.toString", false],
  ])("%s → %s", (text, expected) => {
    expect(isFieldKey(text)).toBe(expected);
  });
});

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [2, "C"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe("common abbreviations (issue #15)", () => {
  it.each([
    ["Mã KH", "general_info.customer_code"],
    ["MA_KH", "general_info.customer_code"],
    ["Tên KH", "general_info.name"],
    ["SĐT", "general_info.phone"],
    ["sdt", "general_info.phone"],
    ["MST", "general_info.tax_id"],
    ["Mã vùng quốc gia", "general_info.phone_code"],
    ["STK", "bank_accounts.1.account_number"],
    ["Tên ngân hàng", "bank_accounts.1.bank_name"],
  ])("reads %j as %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});
