import { describe, expect, it } from "vitest";
import { MOBILE_PREFIXES_2018, modernMobile, splitPhones } from "../../../src/customers/rules/phones.js";

// research/vietnam-data.md §2.1: every old prefix and its new one
const EVERY_PREFIX: [string, string][] = [
  ["0162", "032"], ["0163", "033"], ["0164", "034"], ["0165", "035"], ["0166", "036"], ["0167", "037"], ["0168", "038"], ["0169", "039"],
  ["0120", "070"], ["0121", "079"], ["0122", "077"], ["0126", "076"], ["0128", "078"],
  ["0123", "083"], ["0124", "084"], ["0125", "085"], ["0127", "081"], ["0129", "082"],
  ["0186", "056"], ["0188", "058"], ["0199", "059"],
];

describe("pre-2018 mobile numbers", () => {
  it("knows exactly the 21 prefixes of 2018", () => {
    expect(Object.keys(MOBILE_PREFIXES_2018)).toHaveLength(EVERY_PREFIX.length);
  });

  it.each(EVERY_PREFIX)("turns %s xxx xxxx into %s xxx xxxx", (old, today) => {
    expect(modernMobile(`${old}5678945`)).toBe(`${today}5678945`);
  });

  it("keeps the international form and drops the spaces", () => {
    expect(modernMobile("+84 169 567 8945")).toBe("+84395678945");
    expect(modernMobile("0169.567.8945")).toBe("0395678945");
  });

  it.each(["0395678945", "02438234567", "01305678945", "0169567894", "016956789451"])("leaves %s alone", (phone) => {
    expect(modernMobile(phone)).toBeUndefined();
  });
});

describe("two numbers in one cell", () => {
  it.each([
    ["0912 345 678 - 0987 654 321", ["0912 345 678", "0987 654 321"]],
    ["0912345678/0987654321", ["0912345678", "0987654321"]],
    ["0912345678; 0987654321", ["0912345678", "0987654321"]],
    ["0912345678-0987654321", ["0912345678", "0987654321"]],
    ["(028) 3823 4567 hoặc 0912 345 678", ["(028) 3823 4567", "0912 345 678"]],
  ])("splits %s", (text, numbers) => {
    expect(splitPhones(text)).toEqual(numbers);
  });

  it.each(["0912 345 678", "0912-345-678", "+84 912 345 678", "0912345678 - ext 12"])("sees one number in %s", (text) => {
    expect(splitPhones(text)).toBeUndefined();
  });
});
