import { describe, expect, it } from "vitest";
import { createRules, isUnresolved } from "../../../src/customers/rules/apply.js";
import type { RuleOptions } from "../../../src/customers/rules/apply.js";
import { render } from "../../../src/i18n/text.js";

type Draft = { general_info: Record<string, unknown>; address?: Record<string, string>; bank_accounts?: Record<string, string>[] };

/** One row through the rules: what the payload became and what was said, in English. */
function run(draft: Draft, options: RuleOptions = {}, groups = { contacts: [1], banks: [1] }) {
  const notes = createRules(options)(draft, groups, 2);
  return { draft, said: notes.map(({ field, message }) => `${field}: ${render("en", message)}`), unresolved: notes.filter(({ message }) => isUnresolved(message)).length };
}
const person = (extra: Record<string, unknown> = {}) => ({ name: "Lan", customer_code: "KH1", type: "personal", ...extra });

describe("the Vietnamese rules on a payload", () => {
  it("sends today's number for a pre-2018 mobile, and the first of two numbers", () => {
    const { draft, said, unresolved } = run({ general_info: person({ phone: "01695678945", contact_persons: [{ name: "B", phone_number: "0912 345 678 - 0987 654 321" }] }) });
    expect(draft.general_info.phone).toBe("0395678945");
    expect((draft.general_info.contact_persons as { phone_number: string }[])[0]?.phone_number).toBe("0912 345 678");
    expect(said).toEqual([
      "general_info.phone: 01695678945 is an 11-digit mobile number from before 2018: sent as today's 0395678945",
      "contact_persons.1.phone_number: holds more than one number: sent 0912 345 678; not sent: 0987 654 321 (put it in a contact's phone to keep it)",
    ]);
    expect(unresolved).toBe(0);
  });

  it("leaves another country's phone alone", () => {
    expect(run({ general_info: person({ phone_code: "+1", phone: "01695678945" }) }).draft.general_info.phone).toBe("01695678945");
  });

  it("warns on a wrong check digit with the expected one, and on a tax ID seen on an earlier row", () => {
    const rules = createRules();
    const first = rules({ general_info: person({ tax_id: "0100233480" }) }, { contacts: [], banks: [] }, 2);
    expect(first.map(({ message }) => render("en", message))).toEqual(["0100233480: the check digit (10th digit) should be 8: check the tax ID"]);
    expect(rules({ general_info: person({ tax_id: "0314409058-002" }) }, { contacts: [], banks: [] }, 3)).toEqual([]);
    const again = rules({ general_info: person({ tax_id: "0314409058002" }) }, { contacts: [], banks: [] }, 4);
    expect(again.map(({ message }) => render("en", message))).toEqual(["tax ID 0314409058002 is also at row 3: check that these are two customers"]);
  });

  it("fills a blank bank code from a name that names one bank, and a blank name from a known code", () => {
    const byName = run({ general_info: person(), bank_accounts: [{ bank_name: "Ngân hàng TMCP Ngoại thương Việt Nam", account_number: "1" }] });
    expect(byName.draft.bank_accounts).toEqual([{ bank_name: "Ngân hàng TMCP Ngoại thương Việt Nam", bank_code: "203", account_number: "1" }]);
    expect(byName.said).toEqual(["bank_accounts.1.bank_code: bank code 203 filled in from the bank name Ngân hàng TMCP Ngoại thương Việt Nam"]);
    const byCode = run({ general_info: person(), bank_accounts: [{ bank_code: "201", account_number: "1" }] }, {}, { contacts: [], banks: [2] });
    expect(byCode.draft.bank_accounts).toEqual([{ bank_code: "201", bank_name: "VietinBank", account_number: "1" }]);
    expect(byCode.said).toEqual(["bank_accounts.2.bank_name: bank name VietinBank filled in from the bank code 201"]);
    expect(byName.unresolved + byCode.unresolved).toBe(0);
  });

  it("sends a code and name that disagree as given, with a warning (the API's own example: 201 with Vietcombank)", () => {
    const { draft, said, unresolved } = run({ general_info: person(), bank_accounts: [{ bank_code: "201", bank_name: "Vietcombank", account_number: "1" }] });
    expect(draft.bank_accounts).toEqual([{ bank_code: "201", bank_name: "Vietcombank", account_number: "1" }]);
    expect(said).toEqual(["bank_accounts.1.bank_code: bank code 201 is VietinBank (201), but the bank name Vietcombank is Vietcombank (203): both sent as given; correct one of them"]);
    expect(unresolved).toBe(1);
  });

  it.each([
    ["970436", "NAPAS BIN"],
    ["VCB", "short code"],
  ])("says the 3-digit code for %s (%s) and converts it only with --fix-bank-codes", (code, scheme) => {
    const plain = run({ general_info: person(), bank_accounts: [{ bank_code: code, account_number: "1" }] });
    expect(plain.draft.bank_accounts).toEqual([{ bank_code: code, account_number: "1" }]);
    expect(plain.said).toEqual([`bank_accounts.1.bank_code: ${code} is the ${scheme} of Vietcombank; Finan's bank code is its 3-digit code 203: write 203, or add --fix-bank-codes`]);
    const fixed = run({ general_info: person(), bank_accounts: [{ bank_code: code, account_number: "1" }] }, { fixBankCodes: true });
    expect(fixed.draft.bank_accounts).toEqual([{ bank_code: "203", bank_name: "Vietcombank", account_number: "1" }]);
    expect(fixed.unresolved).toBe(0);
  });

  it.each([
    [{ bank_code: "BVB", account_number: "1" }, "BVB can mean BVBank (327) and BaoVietBank (359): write the 3-digit code of the right bank"],
    [{ bank_name: "MB", account_number: "1" }, "MB can mean MB Bank (311) and MBV (319): write the 3-digit code of the right bank"],
    [{ bank_code: "970467", account_number: "1" }, "970467 can mean Citibank (605) and KEB Hana Hà Nội (626): write the 3-digit code of the right bank"],
  ])("fills nothing from an ambiguous code or name: %j", (account, said) => {
    const { draft } = run({ general_info: person(), bank_accounts: [{ ...account }] }, { fixBankCodes: true });
    expect(draft.bank_accounts).toEqual([account]);
    expect(run({ general_info: person(), bank_accounts: [{ ...account }] }).said.map((line) => line.replace(/^[^:]+: /, ""))).toEqual([said]);
  });

  it("names a pre-2025 province's successor, and sends it only with --update-provinces (never for a split one)", () => {
    const old = () => ({ general_info: person(), address: { province: "Bà Rịa - Vũng Tàu" } });
    expect(run(old()).said).toEqual(["address.province: Bà Rịa - Vũng Tàu is a province from before 1 July 2025, now part of Thành phố Hồ Chí Minh: add --update-provinces to send Thành phố Hồ Chí Minh"]);
    const updated = run(old(), { updateProvinces: true });
    expect(updated.draft.address?.province).toBe("Thành phố Hồ Chí Minh");
    expect(updated.said).toEqual(["address.province: Bà Rịa - Vũng Tàu is part of Thành phố Hồ Chí Minh since 1 July 2025: sent Thành phố Hồ Chí Minh; the ward may have been renamed too: check it"]);
    const split = run({ general_info: person(), address: { province: "Tiền Giang" } }, { updateProvinces: true });
    expect(split.draft.address?.province).toBe("Tiền Giang");
    expect(split.said).toEqual(["address.province: Tiền Giang is a province from before 1 July 2025, now split between Tỉnh Đồng Tháp and Tỉnh Tây Ninh: write the one the address is in"]);
  });

  it("checks provinces only for Vietnamese addresses, and names the nearest for an unknown one", () => {
    expect(run({ general_info: person(), address: { country: "Japan", province: "Tokyo" } }).said).toEqual([]);
    expect(run({ general_info: person(), address: { country: "Việt Nam", province: "Thừa Thiên Huế" } }).said).toHaveLength(1);
    const unknown = run({ general_info: person(), address: { province: "Ha Noii" } });
    expect(unknown.said).toEqual(["address.province: Ha Noii is not a province or city of Vietnam (list of 2026-04-30); nearest: Thành phố Hà Nội"]);
    expect(unknown.unresolved).toBe(1);
  });

  it("names the old font of a name typed in TCVN3 or VNI", () => {
    expect(run({ general_info: person({ name: "Nguyôn V¨n A" }) }).said).toEqual(["general_info.name: looks typed with an old Vietnamese font (TCVN3): convert it to Unicode (for example with Unikey's converter) and retype"]);
    expect(run({ general_info: person(), address: { address: "12 Traàn Höng Ñaïo" } }).said).toEqual(["address.address: looks typed with an old Vietnamese font (VNI): convert it to Unicode (for example with Unikey's converter) and retype"]);
  });
});
