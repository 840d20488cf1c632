import { describe, expect, it } from "vitest";
import { templateFields } from "../../src/customers/columns.js";
import { countGroups, recordToRow } from "../../src/customers/from-payload.js";
import type { CustomerRecord } from "../../src/customers/types.js";

const record: CustomerRecord = {
  customer_id: "550e8400-e29b-41d4-a716-446655440000",
  general_info: {
    name: "Nguyễn Văn B",
    customer_code: "CUST20231122",
    type: "company",
    phone: "0933456789",
    phone_code: "+84",
    email: "",
    contact_persons: [{ name: "Jane Smith", phone_number: "0987654321" }, { name: "Trần C" }, { name: "Lê D" }],
  },
  address: { province: "Hồ Chí Minh", zip_code: "700000" },
  bank_accounts: [{ bank_code: "203", bank_name: "Vietcombank", account_number: "0071000123456789" }],
  created_at: "2024-01-20T14:00:00Z",
};

describe("recordToRow", () => {
  it("flattens a record into the given columns, blanks as undefined", () => {
    const fields = [
      "general_info.customer_code",
      "general_info.email",
      "address.province",
      "contact_persons.2.name",
      "contact_persons.1.phone_number",
      "bank_accounts.1.account_number",
      "bank_accounts.2.account_number",
    ] as const;
    expect(recordToRow(record, [...fields])).toEqual([
      "CUST20231122",
      undefined,
      "Hồ Chí Minh",
      "Trần C",
      "0987654321",
      "0071000123456789",
      undefined,
    ]);
  });

  it("gives one value per template column", () => {
    const { contacts, banks } = countGroups(record);
    const fields = templateFields(contacts, banks);
    expect(recordToRow(record, fields)).toHaveLength(fields.length);
  });

  it("survives a server record with missing blocks and non-string values", () => {
    const odd = { customer_id: "x", general_info: { name: "A", customer_code: 42, type: "personal", email: null } } as unknown as CustomerRecord;
    expect(recordToRow(odd, ["general_info.customer_code", "general_info.email", "address.ward", "bank_accounts.1.bank_code"])).toEqual([
      "42",
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("countGroups", () => {
  it("counts contacts and bank accounts", () => {
    expect(countGroups(record)).toEqual({ contacts: 3, banks: 1 });
  });

  it("counts nothing for a record without groups", () => {
    expect(countGroups({ general_info: { name: "A", customer_code: "K", type: "personal" } })).toEqual({ contacts: 0, banks: 0 });
  });
});
