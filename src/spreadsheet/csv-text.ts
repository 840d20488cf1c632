// Control characters in a CSV as the _xHHHH_ escapes XLSX uses, so it carries no raw NUL and reads back exactly.
import { decodeHexEscapes, hexEscape } from "./xlsx-text.js";

// What a CSV cell cannot carry safely: C0 controls but tab and line breaks (quoted cells hold those), and the two non-characters.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const EVERY_UNSAFE = new RegExp(UNSAFE.source, "g");
// The escapes the reader turns back: those of the characters above (tab and line breaks too, as
// other tools write them) and of the underscore, which keeps text that looks like one as it was.
const ESCAPED = /_x(00[01][0-9A-Fa-f]|005[Ff]|[Ff]{3}[EeFf])_/g;
// An opener of one of those, closed by an underscore of the text or by the escape that follows (see xlsx-text.ts).
const LOOKS_ESCAPED = new RegExp(`_(?=x(?:00[01][0-9A-Fa-f]|005[Ff]|[Ff]{3}[EeFf])(?:_|${UNSAFE.source}))`, "g");

/** The first character `encodeCsvText` would escape, or undefined (for the writer's warning). */
export function unsafeCsvCharacter(text: string): string | undefined {
  return UNSAFE.exec(text)?.[0];
}

/** Text as a CSV cell holds it: control characters as _xHHHH_, lookalike escapes kept by _x005F_. */
export function encodeCsvText(text: string): string {
  if (!text.includes("_x") && !UNSAFE.test(text)) return text;
  return text.replace(LOOKS_ESCAPED, "_x005F_").replace(EVERY_UNSAFE, hexEscape);
}

/** The text a CSV cell meant: the inverse of encodeCsvText; other _xHHHH_ (such as _x0041_) stay text. */
export function decodeCsvText(text: string): string {
  return decodeHexEscapes(text, ESCAPED);
}
