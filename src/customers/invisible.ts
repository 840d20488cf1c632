// Characters a reader cannot see in a cell: look-alike codes, stray marks in names (issue #13 item 7).

/** The invisible characters a spreadsheet cell can carry unseen, by what Unicode calls them. */
const INVISIBLE_NAMES: Record<string, string> = {
  "\u00A0": "no-break space",
  "\u00AD": "soft hyphen",
  "\u200B": "zero-width space",
  "\u200C": "zero-width non-joiner",
  "\u200D": "zero-width joiner",
  "\u200E": "left-to-right mark",
  "\u200F": "right-to-left mark",
  "\u202A": "left-to-right embedding",
  "\u202B": "right-to-left embedding",
  "\u202C": "pop directional formatting",
  "\u202D": "left-to-right override",
  "\u202E": "right-to-left override",
  "\u2060": "word joiner",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\uFEFF": "byte order mark",
};
const CONTROL_NAMES: Record<string, string> = { "\u0000": "NUL", "\t": "tab", "\n": "line feed", "\r": "carriage return", "\u001B": "escape", "\u007F": "delete" };

const INVISIBLE = /[\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, "g");
// In a code any of them, or any control character (tab and line breaks too), makes a look-alike.
const UNSEEN_IN_CODE = /[\u0000-\u001F\u007F-\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

// Either kind outside a code: one test per cell on the row mapper's hot path, the details only on a hit.
const UNSEEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Whether `withoutInvisible` or `controlWarning` may have something to say about the text. */
export const mayHoldUnseen = (text: string): boolean => UNSEEN_IN_TEXT.test(text);

/** "U+200B zero-width space": how messages name a character. */
export function describeCharacter(char: string): string {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `${code} ${INVISIBLE_NAMES[char] ?? CONTROL_NAMES[char] ?? "control character"}`;
}

/**
 * Why a customer code cannot be sent, or undefined: "KH1" followed by a zero-width space is
 * another customer that every screen shows as "KH1".
 */
export function unseenInCode(code: string): string | undefined {
  const found = UNSEEN_IN_CODE.exec(code);
  if (found === null) return undefined;
  const where = found.index === 0 ? "at the start" : `after "${code.slice(0, found.index)}"`;
  const kind = INVISIBLE.test(found[0]) ? "an invisible character" : "a control character";
  return `holds ${kind}, ${describeCharacter(found[0])}, ${where}: retype the code without it, or it becomes a second customer that looks the same`;
}

/** Text with the invisible characters removed (a no-break space becomes a space), and what was done. */
export function withoutInvisible(text: string): { text: string; warning?: string } {
  if (!INVISIBLE.test(text)) return { text };
  const removed = new Map<string, number>();
  let spaces = 0;
  const cleaned = text.replace(EVERY_INVISIBLE, (char) => {
    if (char === "\u00A0") {
      spaces += 1;
      return " ";
    }
    removed.set(char, (removed.get(char) ?? 0) + 1);
    return "";
  });
  const said: string[] = [];
  if (removed.size > 0) said.push(`removed invisible ${[...removed].map(([char, times]) => `${describeCharacter(char)}${times > 1 ? ` ×${times}` : ""}`).join(", ")}`);
  if (spaces > 0) said.push(`replaced ${describeCharacter("\u00A0")}${spaces > 1 ? ` ×${spaces}` : ""} with a space`);
  return { text: cleaned, warning: said.join("; ") };
}

// Tab and line breaks belong in an address; other control characters are said, and kept as exported.
const OTHER_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A warning for a control character other than tab and line breaks, kept as it is; or undefined. */
export function controlWarning(text: string): string | undefined {
  const found = OTHER_CONTROL.exec(text);
  return found === null ? undefined : `holds ${describeCharacter(found[0])}, a control character no screen shows: sent as it is`;
}
