import { describe, expect, it } from "vitest";
import { oldFontOf } from "../../../src/customers/rules/old-font.js";

describe("old Vietnamese fonts", () => {
  it.each([
    ["Nguyôn V¨n A", "TCVN3"],
    ["TrÇn ThÞ Hång", "TCVN3"],
    ["C«ng ty TNHH Hoµng Long", "TCVN3"],
    ["Nguyeãn Vaên A", "VNI"],
    ["Coâng ty TNHH Hoaøng Long", "VNI"],
    ["Traàn Thò Hoàng Lan", "VNI"],
  ])("names the font of %s", (text, encoding) => {
    expect(oldFontOf(text)).toBe(encoding);
  });

  it.each(["Nguyễn Văn A", "Công ty TNHH Hoàng Long", "Đoàn Thị Thủy", "Renée Dupont", "José Peña", "Müller GmbH", "Muñoz y Peña", "Raphaël Noël", "Đặng Thùy Dương", "Nguyen Van A", "ACME Corp.", "Hòa Bình"])(
    "leaves %s alone",
    (text) => {
      expect(oldFontOf(text)).toBeUndefined();
    },
  );
});
