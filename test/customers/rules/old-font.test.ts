import { describe, expect, it } from "vitest";
import { oldFontOf } from "../../../src/customers/rules/old-font.js";
import { mulberry32 } from "../../helpers/random.js";

// The rule as first written, with regexes: the one-pass check must answer as it does.
function regexOldFontOf(text: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(text) || /[ăđĩũơưĂĐĨŨƠƯ\u1EA0-\u1EF9]/.test(text)) return undefined;
  if (/[A-Za-z][¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾]|[¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾][A-Za-z]|[a-z][\u00C0-\u00DE]/.test(text)) return "TCVN3";
  return /[aeAE][âêãäåùøûõú]|[aA][áàéè]|[oO][âêúùøûåä]|[uU][øûïåë]/.test(text) || (text.match(/[aeiouyAEIOUY][øûïå]/g)?.length ?? 0) >= 2 ? "VNI" : undefined;
}

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

  it("answers as the regexes did for every character between letters, and for seeded mixes of scripts", () => {
    for (let code = 0x80; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      if (oldFontOf(text) !== regexOldFontOf(text)) expect.fail(`U+${code.toString(16)}: ${oldFontOf(text)} against ${regexOldFontOf(text)}`);
    }
    const random = mulberry32(20261206);
    const alphabet = [..."aeiouyAEIOUYbcnNT ", ..."¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÀÇÐÞ", ..."âêãäåùøûõúáàéèïë", ..."ăđĩũơưĂĐĨŨƠƯ", "\u1EA0", "\u1EC5", "\u1EF9", "\u1EFA", "\u1E9F"];
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      for (let length = 1 + Math.floor(random() * 12); length > 0; length--) text += alphabet[Math.floor(random() * alphabet.length)];
      if (oldFontOf(text) !== regexOldFontOf(text)) expect.fail(`${JSON.stringify(text)}: ${oldFontOf(text)} against ${regexOldFontOf(text)}`);
    }
  });
});
