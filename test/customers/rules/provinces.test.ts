import { describe, expect, it } from "vitest";
import { matchProvince, matchProvinceAtStart } from "../../../src/customers/rules/provinces.js";
import { FORMER_PROVINCES, OLD_PROVINCE_CODES, PROVINCES } from "../../../src/data/provinces.js";

const nameOf = (text: string): string | undefined => {
  const match = matchProvince(text);
  return match.kind === "current" ? match.province.name : undefined;
};

describe("province list", () => {
  it("has the 34 units, the 63 codes before them, and a successor among the 34 for each former one", () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
    expect(new Set(OLD_PROVINCE_CODES).size).toBe(63);
    for (const [name, successors] of Object.values(FORMER_PROVINCES)) {
      expect(matchProvince(name).kind).toBe("former");
      for (const code of successors) expect(PROVINCES[code]).toBeDefined();
    }
  });

  it.each([
    ["Hồ Chí Minh", "Thành phố Hồ Chí Minh"],
    ["TP.HCM", "Thành phố Hồ Chí Minh"],
    ["TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"],
    ["HCM", "Thành phố Hồ Chí Minh"],
    ["Sài Gòn", "Thành phố Hồ Chí Minh"],
    ["ho chi minh city", "Thành phố Hồ Chí Minh"],
    ["HN", "Thành phố Hà Nội"],
    ["Ha Noi", "Thành phố Hà Nội"],
    ["Thành phố Hà Nội", "Thành phố Hà Nội"],
    ["Tỉnh Thanh Hoá", "Tỉnh Thanh Hóa"],
    ["thanh hoa", "Tỉnh Thanh Hóa"],
    ["Khánh Hoà", "Tỉnh Khánh Hòa"],
    ["Đồng Nai", "Thành phố Đồng Nai"],
    ["Tây Ninh", "Tỉnh Tây Ninh"],
    ["Huế", "Thành phố Huế"],
  ])("reads %s as today's %s", (text, name) => {
    expect(nameOf(text)).toBe(name);
  });

  it.each([
    ["Bà Rịa - Vũng Tàu", ["Thành phố Hồ Chí Minh"]],
    ["Tỉnh Bà Rịa – Vũng Tàu", ["Thành phố Hồ Chí Minh"]],
    ["Ba Ria Vung Tau", ["Thành phố Hồ Chí Minh"]],
    ["Thừa Thiên Huế", ["Thành phố Huế"]],
    ["Thừa Thiên - Huế", ["Thành phố Huế"]],
    ["Bình Dương", ["Thành phố Hồ Chí Minh"]],
    ["Hải Dương", ["Thành phố Hải Phòng"]],
    ["Tiền Giang", ["Tỉnh Đồng Tháp", "Tỉnh Tây Ninh"]],
    ["Hoà Bình", ["Tỉnh Phú Thọ"]],
  ])("reads %s as a pre-2025 province now part of %j", (text, successors) => {
    const match = matchProvince(text);
    expect(match.kind).toBe("former");
    expect(match.kind === "former" ? match.successors.map((unit) => unit.name) : []).toEqual(successors);
  });

  it("offers the nearest names for a mistyped province, none for something else", () => {
    expect(matchProvince("Ha Nọi x")).toEqual({ kind: "unknown", nearest: ["Thành phố Hà Nội"] });
    expect(matchProvince("Quận 1")).toEqual({ kind: "unknown", nearest: [] });
  });

  it("finds the province at the start of a KiotViet delivery area, the longest that matches", () => {
    expect(matchProvinceAtStart("Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu")).toMatchObject({ province: "Bà Rịa - Vũng Tàu", rest: "Thành phố Vũng Tàu", match: { kind: "former" } });
    expect(matchProvinceAtStart("Hà Nội - Quận Tây Hồ")).toMatchObject({ province: "Hà Nội", rest: "Quận Tây Hồ", match: { kind: "current" } });
    expect(matchProvinceAtStart("Quận 1 - Phường 2")).toBeUndefined();
  });
});
