import { describe, expect, it } from "vitest";
import { templateColumns } from "../../src/customers/columns.js";
import { ToolError } from "../../src/errors.js";
import { layoutColumns, needsGroupWidths, parseColumnSelection, rowValues } from "../../src/export/columns.js";

describe("parseColumnSelection", () => {
  it.each([
    ["Customer code", { kind: "column", key: "general_info.customer_code" }],
    ["Mã khách hàng", { kind: "column", key: "general_info.customer_code" }],
    ["ma khach hang", { kind: "column", key: "general_info.customer_code" }],
    ["general_info.tax_id", { kind: "column", key: "general_info.tax_id" }],
    ["Bank 2 account number", { kind: "column", key: "bank_accounts.2.account_number" }],
    ["Người liên hệ 3 - Email", { kind: "column", key: "contact_persons.3.email" }],
    ["customer_id", { kind: "column", key: "customer_id" }],
    ["Updated at", { kind: "column", key: "updated_at" }],
    ["contact_persons", { kind: "group", group: "contact_persons" }],
    ["banks", { kind: "group", group: "bank_accounts" }],
    ["Ngân hàng", { kind: "group", group: "bank_accounts" }],
  ])("reads %j as a column choice", (name, expected) => {
    expect(parseColumnSelection(name, false)).toEqual([expected]);
  });

  it("keeps the order given and drops a column named twice in two spellings", () => {
    const choices = parseColumnSelection(" Name , Customer code,Mã khách hàng,, customer_id", false);
    expect(choices.map((choice) => (choice.kind === "column" ? choice.key : choice.group))).toEqual([
      "general_info.name",
      "general_info.customer_code",
      "customer_id",
    ]);
  });

  it("stops on an unknown name, naming it and listing the valid columns", () => {
    const error = catchError(() => parseColumnSelection("Customer code,Nickname", false));
    expect(error).toBeInstanceOf(ToolError);
    expect(error.code).toBe("E_USAGE");
    expect(error.message).toContain('"Nickname"');
    expect(error.hint).toContain("Customer code, Name, Type");
    expect(error.hint).toContain("Bank N account number");
    expect(error.hint).toContain("customer_id, created_at, updated_at");
  });

  it("refuses a column the list does not return when --summary is on", () => {
    const error = catchError(() => parseColumnSelection("Customer code,Phone", true));
    expect(error.message).toContain('"Phone"');
    expect(error.message).toContain("--summary");
    expect(error.hint).toBe("With --summary the columns are: Customer code, Name, Type, customer_id, created_at (or their Vietnamese headers or API paths).");
  });

  it("refuses a selection that names nothing", () => {
    expect(catchError(() => parseColumnSelection(" , ", false)).code).toBe("E_USAGE");
  });
});

describe("layoutColumns", () => {
  it("writes the template's columns in template order, as many groups as asked, then the server's fields", () => {
    const { keys, headers } = layoutColumns(undefined, { lang: "en", summaryOnly: false, widths: { contacts: 3, banks: 1 } });
    const template = templateColumns("en", 3, 1);
    expect(headers).toEqual([...template.map((column) => column.header), "customer_id", "created_at", "updated_at"]);
    expect(keys.slice(0, template.length)).toEqual(template.map((column) => column.field));
  });

  it("uses Vietnamese headers with --lang vi, keeps customer_id and names the zone of the times", () => {
    const { headers } = layoutColumns(undefined, { lang: "vi", summaryOnly: false, widths: { contacts: 1, banks: 1 }, timeZone: "Asia/Ho_Chi_Minh" });
    expect(headers).toEqual([...templateColumns("vi", 1, 1).map((column) => column.header), "customer_id", "Ngày tạo (Asia/Ho_Chi_Minh)", "Ngày cập nhật (Asia/Ho_Chi_Minh)"]);
    expect(headers).toContain("Ngân hàng 1 - Số tài khoản");
  });

  it("writes no group column when no record has a contact or a bank", () => {
    const { headers } = layoutColumns(undefined, { lang: "en", summaryOnly: false, widths: { contacts: 0, banks: 0 } });
    expect(headers.some((header) => header.startsWith("Contact") || header.startsWith("Bank"))).toBe(false);
  });

  it("writes only the list's fields with --summary", () => {
    const { headers } = layoutColumns(undefined, { lang: "en", summaryOnly: true, widths: { contacts: 5, banks: 5 } });
    expect(headers).toEqual(["Customer code", "Name", "Type", "customer_id", "created_at"]);
  });

  it("expands a chosen group to the widest record, in the place it was named", () => {
    const selection = parseColumnSelection("Customer code,banks,customer_id", false);
    const { headers } = layoutColumns(selection, { lang: "en", summaryOnly: false, widths: { contacts: 4, banks: 2 } });
    expect(headers).toEqual([
      "Customer code",
      "Bank 1 code", "Bank 1 name", "Bank 1 account holder", "Bank 1 account number",
      "Bank 2 code", "Bank 2 name", "Bank 2 account holder", "Bank 2 account number",
      "customer_id",
    ]);
  });
});

describe("needsGroupWidths", () => {
  it.each([
    ["the template's columns", undefined, false, true],
    ["--summary", undefined, true, false],
    ["--columns with fixed columns only", "Customer code,Contact 1 name", false, false],
    ["--columns with a whole group", "Customer code,contacts", false, true],
  ])("is %s → %s", (_what, columns, summaryOnly, expected) => {
    const selection = columns === undefined ? undefined : parseColumnSelection(columns, summaryOnly);
    expect(needsGroupWidths(selection, summaryOnly)).toBe(expected);
  });
});

describe("rowValues", () => {
  it("reads fields, groups and server fields of a record, blank as undefined", () => {
    const record = {
      customer_id: "id-1",
      created_at: "2024-01-20T14:00:00Z",
      general_info: { name: "Công ty Ánh Dương", customer_code: "0012", type: "company" as const, phone: "", contact_persons: [{ name: "Lê Thị B" }] },
      bank_accounts: [{ bank_code: "203" }, { account_number: "0123456789012345" }],
    };
    const keys = ["general_info.customer_code", "general_info.phone", "contact_persons.1.name", "contact_persons.2.name", "bank_accounts.2.account_number", "customer_id", "updated_at"] as const;
    expect(rowValues(record, [...keys])).toEqual(["0012", undefined, "Lê Thị B", undefined, "0123456789012345", "id-1", undefined]);
  });
});

function catchError(run: () => unknown): ToolError {
  try {
    run();
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error("expected a ToolError");
}
