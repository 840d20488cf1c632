// The usual worksheet cell, `<c r="B2" s="1" t="s"><v>42</v></c>`, read straight from its bytes:
// no attribute object, no strings but the value's. Anything less plain is left to the events.
import { AS_USUAL, NEED_MORE } from "./xml-scan.js";
import { AMP, EQUALS, GT, LT, QUOTE, SLASH, SPACE } from "./xml-scan-text.js";
import { referenceColumn } from "./xlsx-reference.js";

/** A cell incomplete past this many bytes is read event by event, so a long one is never re-read per chunk. */
const MAX_PLAIN_CELL_BYTES = 256;

/** What the last read() found; valid until the next. */
export class PlainCell {
  /** column from the r attribute (1-based), 0 when the cell has none */
  column = 0;
  style = 0;
  type: string | undefined = undefined;
  /** the <v> text's bytes; -1 when there is no <v> */
  valueStart = -1;
  valueEnd = -1;

  /**
   * From the `<` at `start`: where the cell ends, NEED_MORE, or AS_USUAL for anything but `<c` with
   * only r, s, t attributes (double-quoted, single spaces) and nothing or a plain ASCII `<v>` inside.
   */
  read(b: Buffer, start: number): number {
    const end = b.length;
    if (b[start + 1] !== 0x63) return AS_USUAL;
    this.column = 0;
    this.style = 0;
    this.type = undefined;
    this.valueStart = -1;
    let seen = 0; // r 1, s 2, t 4
    let at = start + 2;
    for (;;) {
      if (at >= end) return this.#more(b, start);
      const byte = b[at];
      if (byte === GT) break;
      if (byte === SLASH) {
        if (at + 1 >= end) return this.#more(b, start);
        return b[at + 1] === GT ? at + 2 : AS_USUAL;
      }
      if (byte !== SPACE) return AS_USUAL;
      while (at < end && b[at] === SPACE) at++;
      if (at + 2 >= end) return this.#more(b, start);
      const name = b[at];
      if (name === GT || name === SLASH) continue;
      if (b[at + 1] !== EQUALS || b[at + 2] !== QUOTE) return AS_USUAL;
      const valueStart = at + 3;
      const close = b.indexOf(QUOTE, valueStart);
      if (close === -1) return this.#more(b, start);
      if (!plainAscii(b, valueStart, close)) return AS_USUAL;
      const bit = name === 0x72 ? 1 : name === 0x73 ? 2 : name === 0x74 ? 4 : 0;
      if (bit === 0 || (seen & bit) !== 0) return AS_USUAL;
      seen |= bit;
      if (bit === 1) {
        this.column = referenceColumn(b, valueStart, close);
        if (this.column <= 0) return AS_USUAL;
      } else if (bit === 2) {
        this.style = digits(b, valueStart, close);
        if (this.style < 0) return AS_USUAL;
      } else {
        this.type = typeOf(b, valueStart, close);
        if (this.type === undefined) return AS_USUAL;
      }
      at = close + 1;
    }
    // `>` at `at`: then `</c>`, or `<v>` plain text `</v></c>`
    at++;
    if (at + 3 >= end) return this.#more(b, start);
    if (b[at] !== LT) return AS_USUAL;
    if (b[at + 1] === SLASH) return closes(b, at, 0x63) ? at + 4 : AS_USUAL;
    if (b[at + 1] !== 0x76 || b[at + 2] !== GT) return AS_USUAL;
    const valueStart = at + 3;
    const valueEnd = b.indexOf(LT, valueStart);
    if (valueEnd === -1 || valueEnd + 8 > end) return this.#more(b, start);
    if (valueEnd === valueStart || !plainAscii(b, valueStart, valueEnd)) return AS_USUAL;
    if (!closes(b, valueEnd, 0x76) || !closes(b, valueEnd + 4, 0x63)) return AS_USUAL;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    return valueEnd + 8;
  }

  #more(b: Buffer, start: number): number {
    return b.length - start < MAX_PLAIN_CELL_BYTES ? NEED_MORE : AS_USUAL;
  }
}

/** `</x>` at `at`, x one byte. */
const closes = (b: Buffer, at: number, name: number): boolean => b[at] === LT && b[at + 1] === SLASH && b[at + 2] === name && b[at + 3] === GT;

/** Printable ASCII without `&`, `<` or `>` (`]]>` is no XML text; `"` ends an attribute): text that means its bytes. */
function plainAscii(b: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const byte = b[at] as number;
    if (byte < SPACE || byte > 0x7e || byte === AMP || byte === LT || byte === GT) return false;
  }
  return true;
}

/** A run of 1–9 digits as a number; -1 for anything else. */
export function digits(b: Buffer, start: number, end: number): number {
  if (end === start || end - start > 9) return -1;
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = (b[at] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A value's type as the same string each time: s, n, b, e, d or str (an inline string has no <v>). */
function typeOf(b: Buffer, start: number, end: number): string | undefined {
  if (end - start === 3) return b[start] === 0x73 && b[start + 1] === 0x74 && b[start + 2] === 0x72 ? "str" : undefined;
  if (end - start !== 1) return undefined;
  switch (b[start]) {
    case 0x73: return "s";
    case 0x6e: return "n";
    case 0x62: return "b";
    case 0x65: return "e";
    case 0x64: return "d";
    default: return undefined;
  }
}
