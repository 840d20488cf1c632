// Text typed with an old Vietnamese font (TCVN3/ABC or VNI) reads as nonsense in Unicode: "Nguyôn V¨n A", "Nguyeãn Vaên A".
export type OldFontEncoding = "TCVN3" | "VNI";

// TCVN3 puts ă â ê ô ơ ư đ and the toned a's on Latin-1 signs no name uses between letters, and other toned
// vowels on capital letters that follow a small one ("TrÇn ThÞ": Trần Thị).
const TCVN3 = /[A-Za-z][¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾]|[¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾][A-Za-z]|[a-z][\u00C0-\u00DE]/;
// VNI writes a toned vowel as the vowel plus a Latin-1 letter: "eã" (ễ), "aê" (ă), "aà" (ầ), "oâ" (ô); no Vietnamese or
// Western word has these pairs. Weaker signs ("aï", as in French) count only two together.
const VNI_STRONG = /[aeAE][âêãäåùøûõú]|[aA][áàéè]|[oO][âêúùøûåä]|[uU][øûïåë]/;
const VNI_WEAK = /[aeiouyAEIOUY][øûïå]/g;
// Unicode Vietnamese: ă đ ĩ ũ ơ ư and the letters of Latin Extended Additional; text that has them is not an old font.
const VIETNAMESE_LETTERS = new Set([..."ăđĩũơưĂĐĨŨƠƯ"].map((letter) => letter.charCodeAt(0)));
const isUnicodeVietnamese = (code: number): boolean => (code >= 0x1ea0 && code <= 0x1ef9) || VIETNAMESE_LETTERS.has(code);

/** The old font a text was likely typed with, or undefined. */
export function oldFontOf(text: string): OldFontEncoding | undefined {
  // plain ASCII (most cells) has neither; one pass over the characters (six cells a row: two regexes each cost more)
  let latinOnly = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x7f) continue;
    if (isUnicodeVietnamese(code)) return undefined;
    latinOnly = false;
  }
  if (latinOnly) return undefined;
  if (TCVN3.test(text)) return "TCVN3";
  return VNI_STRONG.test(text) || (text.match(VNI_WEAK)?.length ?? 0) >= 2 ? "VNI" : undefined;
}
