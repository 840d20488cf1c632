// An export's warnings about the data and the file, in Vietnamese: the customer, the field, what was written.
import { describe, expect, it } from "vitest";
import { readListEntries } from "../../src/api/list-entries.js";
import { JsonNumber } from "../../src/api/json.js";
import { createEscapeNotes } from "../../src/export/csv-escapes.js";
import { textRecord } from "../../src/export/record-text.js";
import type { CustomerRecord } from "../../src/customers/types.js";
import { render } from "../../src/i18n/text.js";

describe("export warnings in Vietnamese", () => {
  it("a field of an unexpected type names the field and says it was written as text, or left blank for null", () => {
    const raw = { customer_id: "c1", general_info: { name: "An", customer_code: "KH1", type: "personal", email: { primary: "a@b.vn" }, phone: null }, bank_accounts: [{ account_number: new JsonNumber("1234567890123456789") }] };
    const { oddities } = textRecord(raw as unknown as CustomerRecord);
    expect(oddities.map((said) => render("vi", said))).toEqual([
      "Phone (general_info.phone) là null (rỗng) thay vì văn bản: để trống",
      "Email (general_info.email) là một đối tượng thay vì văn bản: đã ghi thành văn bản",
      "Bank 1 account number (bank_accounts.1.account_number) là số 1234567890123456789 thay vì văn bản: đã ghi thành văn bản",
    ]);
    expect(render("en", oddities[1]!)).toBe("Email (general_info.email) was an object instead of text: written as text");
  });

  it("an odd list entry (a null name) is a warning on that customer", () => {
    const entries = readListEntries([{ customer_id: "c1", general_info: { name: null, customer_code: 42, type: "personal" } }]);
    expect(entries.ok && entries.customers[0]?.oddities?.map((said) => render("vi", said))).toEqual([
      "general_info.name là null (rỗng) thay vì văn bản: để trống",
      "general_info.customer_code là số 42 thay vì văn bản: đã ghi thành văn bản",
    ]);
  });

  it("control characters escaped in a CSV: how many cells, which customers and columns", () => {
    const notes = createEscapeNotes();
    notes.note("KH1", ["Mã khách hàng", "Tên khách hàng"], ["KH1", "An\u0000"]);
    notes.note("", ["Mã khách hàng", "Địa chỉ"], ["", "x\u001B"]);
    const warning = notes.warning;
    expect(warning && render("vi", warning)).toMatch(/^2 ô chứa ký tự điều khiển mà tệp CSV không chứa được, đã ghi thành _xHHHH_ .*: KH1 Tên khách hàng \(U\+0000 [^)]*\), \(không có mã\) Địa chỉ \(U\+001B [^)]*\)\.$/);
    expect(warning && render("en", warning)).toMatch(/^2 cells hold control characters a CSV cell cannot carry, written as _xHHHH_ \(our import reads them back\): KH1 Tên khách hàng \(U\+0000 [^)]*\), \(no code\) Địa chỉ \(U\+001B [^)]*\)\.$/);
  });
});
