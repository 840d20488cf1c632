import { describe, expect, it } from "vitest";
import { BANKS } from "../../../src/data/banks.js";
import { findBankByCode, findBankByName, readBankCode } from "../../../src/customers/rules/banks.js";

const codesOf = (match: ReturnType<typeof findBankByName>): string[] =>
  match.kind === "one" ? [match.bank.code] : match.kind === "ambiguous" ? match.banks.map((bank) => bank.code).sort() : [];

describe("bank table lookups", () => {
  it("holds each State Bank code once", () => {
    expect(new Set(BANKS.map((bank) => bank.code)).size).toBe(BANKS.length);
  });

  it("finds a bank by its 3-digit State Bank code", () => {
    expect(findBankByCode("203")?.shortName).toBe("Vietcombank");
    expect(findBankByCode("201")?.shortName).toBe("VietinBank");
    expect(findBankByCode("999")).toBeUndefined();
  });

  it.each([
    ["sbv", "203", ["203"]],
    ["bin", "970436", ["203"]],
    ["short", "VCB", ["203"]],
    ["short", "ICB", ["201"]],
    ["short", "ctg", ["201"]],
    ["short", "MBB", ["311"]],
    ["bin", "458761", ["617"]],
  ] as const)("reads a %s code %s", (scheme, code, banks) => {
    const read = readBankCode(code);
    expect(read.scheme).toBe(scheme);
    expect(codesOf(read.match)).toEqual(banks);
  });

  it.each([
    ["BVB", ["327", "359"]],
    ["MB", ["311", "319"]],
    ["970467", ["605", "626"]],
  ])("calls %s ambiguous: two banks answer to it", (code, banks) => {
    expect(readBankCode(code).match.kind).toBe("ambiguous");
    expect(codesOf(readBankCode(code).match)).toEqual(banks);
  });

  it("says none for a code in no scheme of the table", () => {
    expect(readBankCode("999").match.kind).toBe("none");
    expect(readBankCode("123456").match.kind).toBe("none");
    expect(readBankCode("XYZ").match.kind).toBe("none");
  });

  it.each([
    ["Vietcombank", "203"],
    ["VIETCOMBANK", "203"],
    ["Ngân hàng TMCP Ngoại thương Việt Nam", "203"],
    ["NH Ngoại Thương", "203"],
    ["ngan hang a chau", "307"],
    ["LienVietPostBank", "357"],
    ["LPBank", "357"],
    ["DongA Bank", "304"],
    ["OceanBank", "319"],
    ["Viet Capital Bank", "327"],
    ["BaoVietBank", "359"],
    ["BVBank", "327"],
  ])("finds %s by name", (name, code) => {
    expect(codesOf(findBankByName(name))).toEqual([code]);
  });

  it.each([
    ["BVB", ["327", "359"]],
    ["MB", ["311", "319"]],
    ["MBV", ["311", "319"]],
    ["IBK", ["641", "652"]],
    ["Kookmin", ["631", "666"]],
    ["KEB Hana", ["626", "656"]],
  ])("never picks one bank for the ambiguous name %s", (name, codes) => {
    expect(findBankByName(name).kind).toBe("ambiguous");
    expect(codesOf(findBankByName(name))).toEqual(codes);
  });

  it("finds nothing for a branch name or free text", () => {
    expect(findBankByName("Vietcombank chi nhánh Sài Gòn").kind).toBe("none");
  });
});
