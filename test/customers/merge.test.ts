import { describe, expect, it } from "vitest";
import { diffPayload, mergePayload } from "../../src/customers/merge.js";
import type { CustomerPayload, CustomerRecord } from "../../src/customers/types.js";

const current: CustomerRecord = {
  customer_id: "id-1",
  created_at: "2024-01-20T14:00:00Z",
  general_info: {
    name: "Nguyễn Văn B",
    customer_code: "KH001",
    type: "company",
    phone: "0933456789",
    email: "b@abc.vn",
    contact_persons: [
      { name: "Jane", phone_number: "0987654321" },
      { name: "Trần C", email: "c@abc.vn" },
    ],
  },
  address: { province: "Hà Nội", district: "Ba Đình" },
  bank_accounts: [{ bank_code: "203", account_number: "0071000123456" }],
};

describe("mergePayload", () => {
  it("lays only the row's filled fields over the current record", () => {
    const row: CustomerPayload = {
      general_info: { name: "Nguyễn Văn B", customer_code: "KH001", type: "company", email: "new@abc.vn" },
      address: { province: "Hồ Chí Minh" },
    };
    const merged = mergePayload(current, row);
    expect(merged.general_info.email).toBe("new@abc.vn");
    expect(merged.general_info.phone).toBe("0933456789");
    expect(merged.general_info.contact_persons).toEqual(current.general_info.contact_persons);
    expect(merged.address).toEqual({ province: "Hồ Chí Minh", district: "Ba Đình" });
    expect(merged.bank_accounts).toEqual(current.bank_accounts);
  });

  it("merges contact and bank groups by the number N the file used", () => {
    const row: CustomerPayload = {
      general_info: { name: "B", customer_code: "KH001", type: "company", contact_persons: [{ phone_number: "0911111111" }] },
      bank_accounts: [{ bank_name: "BIDV", account_number: "999" }],
    };
    const merged = mergePayload(current, row, { contacts: [2], banks: [2] });
    expect(merged.general_info.contact_persons).toEqual([
      { name: "Jane", phone_number: "0987654321" },
      { name: "Trần C", email: "c@abc.vn", phone_number: "0911111111" },
    ]);
    expect(merged.bank_accounts).toEqual([
      { bank_code: "203", account_number: "0071000123456" },
      { bank_name: "BIDV", account_number: "999" },
    ]);
  });

  it("appends a group numbered beyond the record's list instead of leaving a hole", () => {
    const row: CustomerPayload = {
      general_info: { name: "B", customer_code: "KH001", type: "company" },
      bank_accounts: [{ bank_name: "BIDV", account_number: "999" }],
    };
    expect(mergePayload(current, row, { contacts: [], banks: [5] }).bank_accounts).toHaveLength(2);
  });

  it("drops null values the server sends for absent fields", () => {
    const fromServer = {
      general_info: { name: "A", customer_code: "K", type: "personal", email: null, contact_persons: null },
      address: null,
      bank_accounts: [null, { bank_code: "203", account_number: "1", bank_name: null }],
    } as unknown as CustomerPayload;
    const merged = mergePayload(fromServer, { general_info: { name: "A", customer_code: "K", type: "personal", phone: "0911111111" } });
    expect(merged).toEqual({
      general_info: { name: "A", customer_code: "K", type: "personal", phone: "0911111111" },
      bank_accounts: [{ bank_code: "203", account_number: "1" }],
    });
  });

  it("keeps every field of the record beyond our columns, at the top and inside blocks", () => {
    const fetched = { ...current, note: "VIP since 2019", loyalty: { tier: "gold" }, general_info: { ...current.general_info, birthday: "1990-01-02" } } as CustomerPayload;
    const merged = mergePayload(fetched, { general_info: { name: "B", customer_code: "KH001", type: "company" } }) as CustomerPayload & Record<string, unknown>;
    expect(merged["note"]).toBe("VIP since 2019");
    expect(merged["loyalty"]).toEqual({ tier: "gold" });
    expect((merged.general_info as unknown as Record<string, unknown>)["birthday"]).toBe("1990-01-02");
    expect(merged.general_info.name).toBe("B");
  });

  it("drops server-only fields so the PUT body is a payload", () => {
    const merged = mergePayload(current, { general_info: { name: "B", customer_code: "KH001", type: "company" } });
    expect(Object.keys(merged).sort()).toEqual(["address", "bank_accounts", "general_info"]);
  });
});

describe("diffPayload", () => {
  it("lists changed and cleared fields as dotted paths", () => {
    const after: CustomerPayload = {
      general_info: {
        name: "Nguyễn Văn B",
        customer_code: "KH001",
        type: "company",
        phone: "0933456789",
        email: "new@abc.vn",
        contact_persons: [{ name: "Jane", phone_number: "0987654321" }],
      },
      address: { province: "Hồ Chí Minh", district: "Ba Đình", ward: "Phúc Xá" },
    };
    expect(diffPayload(current, after)).toEqual({
      changed: ["general_info.email", "address.province", "address.ward"],
      cleared: [
        "contact_persons.2.name",
        "contact_persons.2.email",
        "bank_accounts.1.bank_code",
        "bank_accounts.1.account_number",
      ],
      otherCleared: [],
      otherChanged: [],
    });
  });

  it("treats an empty string and an absent field as equal", () => {
    const before: CustomerPayload = { general_info: { name: "A", customer_code: "K", type: "personal", email: "" }, address: { ward: "" } };
    const after: CustomerPayload = { general_info: { name: "A", customer_code: "K", type: "personal" } };
    expect(diffPayload(before, after)).toEqual({ changed: [], cleared: [], otherCleared: [], otherChanged: [] });
  });

  it("finds nothing to change when the merged body equals the record", () => {
    const merged = mergePayload(current, { general_info: { name: "Nguyễn Văn B", customer_code: "KH001", type: "company" } });
    expect(diffPayload(current, merged)).toEqual({ changed: [], cleared: [], otherCleared: [], otherChanged: [] });
  });

  it("names fields beyond our columns that a PUT would clear or change, by their path", () => {
    const before = { ...current, note: "VIP since 2019", general_info: { ...current.general_info, birthday: "1990-01-02", contact_persons: [{ name: "Jane", title: "CFO" }] } } as unknown as CustomerPayload;
    const after = { note: "new note", general_info: { name: "Nguyễn Văn B", customer_code: "KH001", type: "company", contact_persons: [{ name: "Jane" }] } } as CustomerPayload;
    const diff = diffPayload(before, after);
    expect([...diff.otherCleared].sort()).toEqual(["general_info.birthday", "general_info.contact_persons.1.title"]);
    expect(diff.otherChanged).toEqual(["note"]);
  });
});
