import { describe, expect, it } from "vitest";
import { createDuplicateTracker } from "../../src/customers/duplicates.js";
import { bindColumns } from "../../src/customers/header.js";
import { createRowMapper } from "../../src/customers/to-payload.js";
import type { RowOutcome } from "../../src/customers/to-payload.js";
import type { Cell, SheetRow } from "../../src/spreadsheet/types.js";
import { render } from "../../src/i18n/text.js";

type Value = string | number | Cell | undefined;

function toCell(value: Value): Cell | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "number") return { kind: "number", value };
  return value;
}

/** A mapper for these headers plus a way to build rows by header name. */
function setup(headers: string[], duplicates = false) {
  const { bindings } = bindColumns({ row: 1, cells: headers.map((text) => ({ kind: "text", text })) });
  const map = createRowMapper(bindings, duplicates ? { duplicates: createDuplicateTracker() } : {});
  return (row: number, values: Record<string, Value>): Said => {
    const cells = headers.map((header) => toCell(values[header]));
    return inEnglish(map({ row, cells } satisfies SheetRow));
  };
}

/** The outcome with its issues and warnings as an English run says them. */
function inEnglish(outcome: RowOutcome) {
  const warnings: string[] = outcome.warnings.map((warning) => render("en", warning));
  if (outcome.ok) return { ...outcome, warnings };
  return { ...outcome, warnings, issues: outcome.issues.map((issue) => ({ ...issue, message: render("en", issue.message) as string })) };
}
type Said = ReturnType<typeof inEnglish>;

const person = { "Mã khách hàng": "KH001", "Tên khách hàng": "Nguyễn Văn A", "Loại khách hàng": "cá nhân" };
const HEADERS = [
  "Mã khách hàng",
  "Tên khách hàng",
  "Loại khách hàng",
  "Mã quốc gia",
  "Số điện thoại",
  "Email",
  "Tỉnh/Thành phố",
  "Người liên hệ 1 - Tên",
  "Người liên hệ 1 - Số điện thoại",
  "Người liên hệ 2 - Tên",
  "Người liên hệ 2 - Số điện thoại",
  "Ngân hàng 1 - Mã",
  "Ngân hàng 1 - Số tài khoản",
  "Ngân hàng 2 - Tên",
  "Ngân hàng 2 - Số tài khoản",
];

function ok(outcome: Said) {
  if (!outcome.ok) throw new Error(`expected a valid row, got ${JSON.stringify(outcome.issues)}`);
  return outcome;
}

function failed(outcome: Said) {
  if (outcome.ok) throw new Error("expected an invalid row");
  return outcome;
}

describe("createRowMapper", () => {
  it("builds the payload with blank fields absent and the type canonical", () => {
    const outcome = ok(setup(HEADERS)(2, { ...person, "Số điện thoại": "0933456789" }));
    expect(outcome.payload).toEqual({
      general_info: { name: "Nguyễn Văn A", customer_code: "KH001", type: "personal", phone: "0933456789" },
    });
    expect(outcome.customerCode).toBe("KH001");
    expect(outcome.row).toBe(2);
  });

  it("includes only filled groups, in N order, compacted, and remembers their numbers", () => {
    const outcome = ok(
      setup(HEADERS)(2, {
        ...person,
        "Người liên hệ 2 - Tên": "Trần B",
        "Ngân hàng 2 - Tên": "Vietcombank",
        "Ngân hàng 2 - Số tài khoản": "0071000123456",
      }),
    );
    expect(outcome.payload.general_info.contact_persons).toEqual([{ name: "Trần B" }]);
    // the bank code filled in from the name (rules/bank-rule.ts)
    expect(outcome.payload.bank_accounts).toEqual([{ bank_name: "Vietcombank", bank_code: "203", account_number: "0071000123456" }]);
    expect(outcome.groups).toEqual({ contacts: [2], banks: [2] });
  });

  it.each<[string, Record<string, Value>, string, string]>([
    ["a number cell", { "Số điện thoại": 933456789 }, "general_info.phone", "0933456789"],
    ["text from a CSV saved by Excel", { "Số điện thoại": "933456789" }, "general_info.phone", "0933456789"],
    ["phone code +84", { "Mã quốc gia": "+84", "Số điện thoại": 933456789 }, "general_info.phone", "0933456789"],
    ["phone code 84 as a number", { "Mã quốc gia": 84, "Số điện thoại": 933456789 }, "general_info.phone", "0933456789"],
    ["a contact phone", { "Người liên hệ 1 - Tên": "B", "Người liên hệ 1 - Số điện thoại": 912345678 }, "contact_persons.1.phone_number", "0912345678"],
  ])("gives a 9-digit phone its leading 0 back: %s", (_, values, field, expected) => {
    const outcome = ok(setup(HEADERS)(2, { ...person, ...values }));
    const phone =
      field === "general_info.phone"
        ? outcome.payload.general_info.phone
        : outcome.payload.general_info.contact_persons?.[0]?.phone_number;
    expect(phone).toBe(expected);
    // a phone code 84 gets its + back, with a warning of its own
    const phoneWarnings = outcome.warnings.filter((warning) => !warning.includes("general_info.phone_code"));
    expect(phoneWarnings).toHaveLength(1);
    expect(phoneWarnings[0]).toMatch(/\((general_info\.phone|contact_persons\.1\.phone_number)\): added the leading 0 Excel dropped \(9\d{8} → 09\d{8}\)$/);
  });

  it("gives a 9-digit tax ID its leading 0 back when the check digit proves it, and leaves others alone", () => {
    const mapRow = setup([...HEADERS, "Mã số thuế"]);
    const restored = ok(mapRow(2, { ...person, "Mã số thuế": 100233488 }));
    expect(restored.payload.general_info.tax_id).toBe("0100233488");
    expect(restored.warnings).toEqual(["Mã số thuế (general_info.tax_id): added the leading 0 Excel dropped (100233488 → 0100233488)"]);
    const unproven = ok(mapRow(2, { ...person, "Mã số thuế": 312345678 }));
    expect(unproven.payload.general_info.tax_id).toBe("312345678");
    expect(unproven.warnings).toEqual([
      "Mã số thuế (general_info.tax_id): 312345678 was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text",
      expect.stringMatching(/^Mã số thuế \(general_info\.tax_id\): 312345678 is not a tax ID/),
    ]);
    // not a phone: its phone code says nothing about it
    expect(ok(mapRow(2, { ...person, "Mã quốc gia": "+1", "Mã số thuế": "100233488" })).payload.general_info.tax_id).toBe("0100233488");
  });

  it("writes the leading-0 warning with the user's header", () => {
    const outcome = ok(setup(HEADERS)(2, { ...person, "Số điện thoại": 933456789 }));
    expect(outcome.warnings).toEqual([
      "Số điện thoại (general_info.phone): added the leading 0 Excel dropped (933456789 → 0933456789)",
    ]);
  });

  // a number cell no rule restores is sent as it is, with a warning that a leading 0 may be gone
  const typedAsNumber = (value: string) => `Số điện thoại (general_info.phone): ${value} was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text`;
  it.each<[string, Record<string, Value>, string, string[]]>([
    ["another country's code", { "Mã quốc gia": "+1", "Số điện thoại": 933456789 }, "933456789", [typedAsNumber("933456789")]],
    ["8 digits", { "Số điện thoại": 93345678 }, "93345678", [typedAsNumber("93345678")]],
    ["10 digits", { "Số điện thoại": "0933456789" }, "0933456789", []],
    ["9 digits that already start with 0", { "Số điện thoại": "028382212" }, "028382212", []],
    ["9 digits with spaces", { "Số điện thoại": "933 456 789" }, "933 456 789", []],
  ])("leaves a phone alone with %s", (_, values, expected, warnings) => {
    const outcome = ok(setup(HEADERS)(2, { ...person, ...values }));
    expect(outcome.payload.general_info.phone).toBe(expected);
    expect(outcome.warnings).toEqual(warnings);
  });

  it("formats every issue as `Header (field.path): message` with its column", () => {
    const outcome = failed(
      setup(HEADERS)(7, {
        "Mã khách hàng": "KH9",
        "Loại khách hàng": "doanh nghiệp",
        Email: "not-an-email",
        "Ngân hàng 1 - Số tài khoản": 1234567890123456,
        "Ngân hàng 1 - Mã": "203",
      }),
    );
    expect(outcome.row).toBe(7);
    expect(outcome.customerCode).toBe("KH9");
    expect(outcome.issues).toEqual([
      {
        column: 12,
        header: "Ngân hàng 1 - Số tài khoản",
        field: "bank_accounts.1.account_number",
        message: "Ngân hàng 1 - Số tài khoản (bank_accounts.1.account_number): lost digits in Excel: format the column as Text and retype",
      },
      {
        column: 1,
        header: "Tên khách hàng",
        field: "general_info.name",
        message: "Tên khách hàng (general_info.name): is required",
      },
      {
        column: 5,
        header: "Email",
        field: "general_info.email",
        message: "Email (general_info.email): is not an email address",
      },
      {
        column: 7,
        header: "Người liên hệ 1 - Tên",
        field: "contact_persons.1.name",
        message: "Người liên hệ 1 - Tên (contact_persons.1.name): a company needs at least one contact person with a name",
      },
    ]);
  });

  it("falls back to the template header for a field the file has no column for", () => {
    const outcome = failed(setup(["Customer code", "Name", "Type"])(2, { "Customer code": "K", Name: "A", Type: "company" }));
    expect(outcome.issues).toEqual([
      {
        column: undefined,
        header: "Contact 1 name",
        field: "contact_persons.1.name",
        message: "Contact 1 name (contact_persons.1.name): a company needs at least one contact person with a name",
      },
    ]);
  });

  it.each<[string, Cell, string]>([
    ["a date", { kind: "date", value: new Date("2024-01-02T00:00:00Z") }, "Tên khách hàng (general_info.name): holds a date (2024-01-02)"],
    ["#N/A", { kind: "error", error: "#N/A" }, "Tên khách hàng (general_info.name): #N/A in the cell"],
    ["a formula without a value", { kind: "formula-without-value", formula: "A1" }, "Tên khách hàng (general_info.name): holds the formula =A1 with no computed value"],
  ])("reports %s once, not again as a missing value", (_, cell, message) => {
    const outcome = failed(setup(HEADERS)(2, { ...person, "Tên khách hàng": cell }));
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0]?.message).toContain(message);
    expect(outcome.issues[0]?.column).toBe(1);
  });

  it("makes later occurrences of a customer code invalid, naming the first row", () => {
    const mapRow = setup(HEADERS, true);
    expect(mapRow(12, person).ok).toBe(true);
    expect(mapRow(13, { ...person, "Mã khách hàng": "KH002" }).ok).toBe(true);
    const again = failed(mapRow(20, { ...person, "Tên khách hàng": "Someone else" }));
    expect(again.issues).toEqual([
      {
        column: 0,
        header: "Mã khách hàng",
        field: "general_info.customer_code",
        message: "Mã khách hàng (general_info.customer_code): duplicate customer_code, first at row 12",
      },
    ]);
  });
});
