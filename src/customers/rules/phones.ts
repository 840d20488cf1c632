// Vietnamese phone numbers: the 2018 move of 11-digit mobiles to 10 digits, and two numbers typed in one cell.

/** Old 11-digit mobile prefix (after the 0) → today's (MIC, 2018; research/vietnam-data.md §2.1). Landlines start with 2: never touched. */
export const MOBILE_PREFIXES_2018: Readonly<Record<string, string>> = {
  // Viettel
  "162": "32", "163": "33", "164": "34", "165": "35", "166": "36", "167": "37", "168": "38", "169": "39",
  // MobiFone
  "120": "70", "121": "79", "122": "77", "126": "76", "128": "78",
  // VinaPhone
  "123": "83", "124": "84", "125": "85", "127": "81", "129": "82",
  // Vietnamobile, Gmobile
  "186": "56", "188": "58", "199": "59",
};

const OLD_MOBILE = /^(0|\+?84)(1\d\d)(\d{7})$/;

/** Today's number for a pre-2018 11-digit mobile (01695678945 → 0395678945, +841695678945 → +84395678945); undefined for anything else. */
export function modernMobile(phone: string): string | undefined {
  // an old mobile has 11 digits at least: today's 10-digit numbers (most cells) stop here
  if (phone.length < 11) return undefined;
  const match = OLD_MOBILE.exec(phone.replace(/[\s.()-]/g, ""));
  if (match === null) return undefined;
  const [, lead, prefix, rest] = match as unknown as [string, string, string, string];
  const today = MOBILE_PREFIXES_2018[prefix];
  return today === undefined ? undefined : `${lead}${today}${rest}`;
}

// Between two numbers: / ; , | a line break, " - " with spaces, or a word; a bare "-" only when each side is a whole number.
const BETWEEN = /\s*(?:[/;,|\n]|\s[-–]\s|\s(?:hoặc|hay|or|và)\s)\s*/i;
const digitCount = (text: string): number => text.replace(/\D/g, "").length;
const wholeNumber = (part: string): boolean => /\d/.test(part) && digitCount(part) >= 9 && digitCount(part) <= 12;

/** The numbers in a cell that holds two or more ("0912 345 678 - 0987 654 321"); undefined for one number. */
export function splitPhones(text: string): string[] | undefined {
  // two numbers have 18 digits at least: most cells stop here, most before counting
  if (text.length < 18 || digitCount(text) < 18) return undefined;
  for (const separator of [BETWEEN, /-/]) {
    const parts = text.split(separator).map((part) => part.trim()).filter((part) => part !== "");
    if (parts.length >= 2 && parts.every(wholeNumber)) return parts;
  }
  return undefined;
}
