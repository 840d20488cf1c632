// Characters a reader cannot see in a cell: look-alike codes, stray marks in names (issue #13 item 7).
import { msg, render } from "../i18n/text.js";
import type { Message, MessageKey } from "../i18n/text.js";

/** The invisible characters a spreadsheet cell can carry unseen, by what Unicode calls them (customers.char.*). */
const INVISIBLE_NAMES: Record<string, string> = {
  "\u00A0": "nbsp",
  "\u00AD": "softHyphen",
  "\u200B": "zwsp",
  "\u200C": "zwnj",
  "\u200D": "zwj",
  "\u200E": "lrm",
  "\u200F": "rlm",
  "\u202A": "lre",
  "\u202B": "rle",
  "\u202C": "pdf",
  "\u202D": "lro",
  "\u202E": "rlo",
  "\u2060": "wordJoiner",
  "\u2066": "lri",
  "\u2067": "rli",
  "\u2068": "fsi",
  "\u2069": "pdi",
  "\uFEFF": "bom",
};
const CONTROL_NAMES: Record<string, string> = { "\u0000": "nul", "\t": "tab", "\n": "lineFeed", "\r": "carriageReturn", "\u001B": "escape", "\u007F": "delete" };

const INVISIBLE = /[\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, "g");
// In a code any of them, or any control character (tab and line breaks too), makes a look-alike.
const UNSEEN_IN_CODE = /[\u0000-\u001F\u007F-\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/**
 * Whether `withoutInvisible` or `controlWarning` may have something to say about the text: any
 * invisible character, or a control character other than tab and line breaks
 * (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/).
 * Asked of every text cell of every row: one pass over the characters cost a third of that regex's call.
 */
export function mayHoldUnseen(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    } else if (code >= 0x7f && isUnseenAbove(code)) return true;
  }
  return false;
}

const isUnseenAbove = (code: number): boolean =>
  code <= 0xa0 || code === 0xad || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || code === 0x2060 || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff;

/** "U+200B zero-width space" (vi: "U+200B (khoảng trắng độ rộng 0)"): how messages name a character. */
export function characterMessage(char: string): Message {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  // keys from the two tables above, each in the catalogue
  const name: Message = { key: `customers.char.${INVISIBLE_NAMES[char] ?? CONTROL_NAMES[char] ?? "control"}` as MessageKey, params: {} };
  return msg("customers.character", { code, name });
}

/** The English name, for text not yet converted to messages (export's CSV escapes). */
export function describeCharacter(char: string): string {
  return render("en", characterMessage(char));
}

/**
 * Why a customer code cannot be sent, or undefined: "KH1" followed by a zero-width space is
 * another customer that every screen shows as "KH1".
 */
export function unseenInCode(code: string): Message | undefined {
  const found = UNSEEN_IN_CODE.exec(code);
  if (found === null) return undefined;
  const where = found.index === 0 ? msg("customers.unseen.atStart") : msg("customers.unseen.after", { before: code.slice(0, found.index) });
  const kind = INVISIBLE.test(found[0]) ? msg("customers.unseen.invisible") : msg("customers.unseen.control");
  return msg("customers.unseen.inCode", { kind, character: characterMessage(found[0]), where });
}

/** Text with the invisible characters removed (a no-break space becomes a space), and what was done. */
export function withoutInvisible(text: string): { text: string; warning?: Message } {
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
  const said: Message[] = [];
  if (removed.size > 0) said.push(msg("customers.unseen.removed", { characters: commaList([...removed].map(([char, times]) => counted(char, times))) }));
  if (spaces > 0) said.push(msg("customers.unseen.spaced", { character: counted("\u00A0", spaces) }));
  return { text: cleaned, warning: joinMessages(said) };
}

// Tab and line breaks belong in an address; other control characters are said, and kept as exported.
const OTHER_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A warning for a control character other than tab and line breaks, kept as it is; or undefined. */
export function controlWarning(text: string): Message | undefined {
  const found = OTHER_CONTROL.exec(text);
  return found === null ? undefined : msg("customers.unseen.controlKept", { character: characterMessage(found[0]) });
}

function counted(char: string, times: number): Message {
  return times > 1 ? msg("customers.character.times", { character: characterMessage(char), times: String(times) }) : characterMessage(char);
}

/** "a, b, c" without the language's "and": the list said as it always was. */
function commaList([first, ...rest]: Message[]): Message {
  return rest.length === 0 ? first! : msg("customers.listMore", { first: first!, rest: commaList(rest) });
}

/** Warnings said one after the other ("first; second"), or undefined for none. */
export function joinMessages([first, ...rest]: readonly Message[]): Message | undefined {
  if (first === undefined) return undefined;
  const others = joinMessages(rest);
  return others === undefined ? first : msg("customers.both", { first, second: others });
}
