import { describe, expect, it } from "vitest";
import { createEvidenceCounter, UNRESOLVED_DAMAGE } from "../../src/customers/digit-damage.js";
import type { ColumnEvidence } from "../../src/customers/digit-damage.js";
import { bindColumns } from "../../src/customers/header.js";
import { createRowMapper } from "../../src/customers/to-payload.js";
import type { RowOutcome } from "../../src/customers/to-payload.js";
import { render } from "../../src/i18n/text.js";
import type { Lang } from "../../src/i18n/lang.js";
import type { Cell } from "../../src/spreadsheet/types.js";

const HEADERS = ["Customer code", "Name", "Type", "Phone code", "Phone", "Tax ID", "Zip code", "Bank 1 code", "Bank 1 name", "Bank 1 account number"];
const person = { "Customer code": "KH001", Name: "Nguyễn Văn A", Type: "personal" };

/** Maps one row (by header) and says its warnings and issues in a language. */
function mapOne(values: Record<string, string | number>, options: { evidence?: ColumnEvidence; lang?: Lang } = {}) {
  const { bindings } = bindColumns({ row: 1, cells: HEADERS.map((text) => ({ kind: "text", text })) });
  const map = createRowMapper(bindings, { digitEvidence: options.evidence });
  const cells = HEADERS.map((header): Cell | undefined => {
    const value = { ...person, ...values }[header];
    return value === undefined ? undefined : typeof value === "number" ? { kind: "number", value } : { kind: "text", text: value };
  });
  const outcome: RowOutcome = map({ row: 2, cells });
  const lang = options.lang ?? "en";
  return {
    outcome,
    warnings: outcome.warnings.map((warning) => render(lang, warning)),
    issues: outcome.ok ? [] : outcome.issues.map((issue) => render(lang, issue.message)),
    sent: outcome.ok ? outcome.payload : undefined,
  };
}

/** The evidence a delimited file's account column gives after these values were read in it. */
function evidenceOf(values: string[]): ColumnEvidence {
  const counter = createEvidenceCounter();
  const column = HEADERS.indexOf("Bank 1 account number");
  for (const value of values) counter.add(column, value);
  return counter;
}

const bank = (number: string | number) => ({ "Bank 1 code": "203", "Bank 1 name": "Vietcombank", "Bank 1 account number": number });

describe("digit fields: what a spreadsheet's number cell lost", () => {
  it.each<[string, string | number]>([
    ["text", "84"],
    ["a number cell", 84],
  ])("gives a phone code 84 its + back, with a warning (%s)", (_, value) => {
    const { sent, warnings } = mapOne({ "Phone code": value, Phone: "0912345678" });
    expect(sent?.general_info.phone_code).toBe("+84");
    expect(warnings).toEqual(["Phone code (general_info.phone_code): the + was lost in a spreadsheet (84 → +84)"]);
  });

  it("restores a 9-digit phone next to a phone code 84 that lost its +", () => {
    const { sent } = mapOne({ "Phone code": 84, Phone: 912345678 });
    expect(sent?.general_info).toMatchObject({ phone_code: "+84", phone: "0912345678" });
  });

  it.each<[string, Record<string, string | number>, string]>([
    ["an account number", bank(71001234567), "Bank 1 account number (bank_accounts.1.account_number): 71001234567 was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text"],
    ["a customer code", { "Customer code": 123 }, "Customer code (general_info.customer_code): 123 was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text"],
    ["a zip code of 4 digits", { "Zip code": 2134 }, "Zip code (address.zip_code): 2134 was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text"],
    ["a tax ID whose check digit fails", { "Tax ID": 312345678 }, "Tax ID (general_info.tax_id): 312345678 was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text"],
  ])("sends %s typed as a number as it is, with a warning that names the risk", (_, values, warning) => {
    const { outcome, warnings } = mapOne(values);
    expect(outcome.ok).toBe(true);
    // a tax ID that fits no shape also gets the Vietnamese rules' own warning, after this one
    expect(warnings[0]).toBe(warning);
    expect(warnings.slice(1).every((other) => other.includes("is not a tax ID"))).toBe(true);
  });

  it.each<[string, Record<string, string | number>]>([
    ["a 10-digit tax ID whose check digit holds", { "Tax ID": 3600252847 }],
    ["a Vietnamese zip code", { "Zip code": 70000 }],
    ["an account number typed as text", bank("0071001234567")],
  ])("says nothing of %s", (_, values) => {
    expect(mapOne(values).warnings).toEqual([]);
  });

  it("restores a 9-digit tax ID its check digit proves", () => {
    const { sent, warnings } = mapOne({ "Tax ID": 100233488 });
    expect(sent?.general_info.tax_id).toBe("0100233488");
    expect(warnings).toEqual(["Tax ID (general_info.tax_id): added the leading 0 Excel dropped (100233488 → 0100233488)"]);
  });
});

describe("digit fields: a spreadsheet's leftover apostrophe", () => {
  it.each<[string, string, string]>([
    ["Phone", "'0912345678", "general_info.phone"],
    ["Customer code", "'00123", "general_info.customer_code"],
    ["Bank 1 account number", "'0071001234567", "bank_accounts.1.account_number"],
  ])("removes it before the digits of %s, with a warning", (header, value, field) => {
    const { outcome, warnings } = mapOne({ [header]: value, ...(header.startsWith("Bank") ? { "Bank 1 code": "203", "Bank 1 name": "Vietcombank" } : {}) });
    expect(outcome.ok).toBe(true);
    expect(warnings).toEqual([`${header} (${field}): removed the apostrophe a spreadsheet left before the digits (${value} → ${value.slice(1)})`]);
  });

  it("removes the export's guard before + silently, and leaves an apostrophe before digits in free text", () => {
    const { sent, warnings } = mapOne({ "Phone code": "'+84", Phone: "'+84 912 345 678", Name: "'0912" });
    expect(sent?.general_info).toMatchObject({ phone_code: "+84", phone: "+84 912 345 678", name: "'0912" });
    expect(warnings).toEqual([]);
  });
});

describe("digit fields in delimited text: 16+ digits a spreadsheet rounded", () => {
  const rounded = "1824628194821990";

  it("refuses a value whose column holds three or more 16+-digit values, all ending in 0", () => {
    const { outcome, issues } = mapOne(bank(rounded), { evidence: evidenceOf([rounded, "9852611491316770", "12345678901234567800"]) });
    expect(outcome.ok).toBe(false);
    expect(issues).toEqual([`Bank 1 account number (bank_accounts.1.account_number): "${rounded}" was rounded by a spreadsheet: all 3 values of 16 or more digits in this column end in 0 (a spreadsheet keeps only 15 digits). Take the value from the source, format the column as Text and retype it`]);
  });

  it("refuses a value whose column holds E+ values elsewhere", () => {
    const { issues } = mapOne(bank(rounded), { evidence: evidenceOf([rounded, "9.85261149131677E+015"]) });
    expect(issues).toEqual([`Bank 1 account number (bank_accounts.1.account_number): "${rounded}" was rounded by a spreadsheet: this column also holds values in E+ notation, the mark of a file saved by a spreadsheet (it keeps only 15 digits). Take the value from the source, format the column as Text and retype it`]);
  });

  it.each<[string, string[]]>([
    ["it is the only one", [rounded]],
    ["only two end in 0", [rounded, "9852611491316770"]],
    ["another one does not end in 0", [rounded, "9852611491316770", "1000000000000000", "1824628194821993"]],
  ])("sends a 16-digit value ending in 0 with a warning when %s", (_, column) => {
    const { sent, warnings } = mapOne(bank(rounded), { evidence: evidenceOf(column) });
    expect(sent?.bank_accounts?.[0]?.account_number).toBe(rounded);
    expect(warnings).toEqual([`Bank 1 account number (bank_accounts.1.account_number): ${rounded} has 16 digits and ends in 0: a spreadsheet keeps only 15 digits and may have rounded it; check it against the source`]);
  });

  it.each<[string, string]>([
    ["not ending in 0", "1824628194821993"],
    ["starting with 0 (never a number)", "0071001234567890"],
  ])("says nothing of a 16-digit value %s", (_, value) => {
    expect(mapOne(bank(value), { evidence: evidenceOf([value, rounded, rounded, rounded]) }).warnings).toEqual([]);
  });

  it("says nothing of a workbook's text cell of 16 digits: text there is exact", () => {
    expect(mapOne(bank(rounded)).warnings).toEqual([]);
  });
});

describe("digit damage messages", () => {
  it("say the rounding and the risk in Vietnamese", () => {
    expect(mapOne(bank(71001234567), { lang: "vi" }).warnings).toEqual([
      "Cột \"Bank 1 account number\" (bank_accounts.1.account_number): 71001234567 được gõ thành số trong Excel: nếu có số 0 ở đầu thì đã mất mà không còn dấu vết; hãy đối chiếu với chứng từ gốc và định dạng cột thành Văn bản (Text)",
    ]);
    expect(mapOne({ "Phone code": "84" }, { lang: "vi" }).warnings[0]).toContain("84 thiếu dấu + ở đầu (bảng tính đã bỏ mất). Đã sửa thành +84");
    expect(mapOne(bank("1824628194821990"), { lang: "vi", evidence: evidenceOf(["1824628194821990", "9.8E+15"]) }).issues[0]).toContain("đã bị bảng tính làm tròn: cột này còn có giá trị dạng E+");
  });

  it("name the warnings that leave a risk, for --strict", () => {
    expect(UNRESOLVED_DAMAGE).toEqual(["damage.typedAsNumber", "damage.maybeRounded"]);
  });
});
