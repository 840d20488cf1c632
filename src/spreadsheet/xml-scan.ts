// A strict scanner for the plain XML spreadsheet writers produce: elements, attributes, text and the
// five entities and character references, read straight from the bytes. saxes reads characters one
// by one through a general state machine and costs about half of an XLSX read; this reads a tag or
// a text run at a time and decodes only the text it hands on. Anything else (a comment, CDATA, a
// DOCTYPE, a processing instruction, an unknown entity, anything malformed) throws NotPlainXml, and
// the caller hands the whole part to saxes from the start, which reads it or says what is wrong.
import type { XmlHandlers } from "./xml-events.js";
import { APOSTROPHE, CR, EQUALS, GT, LT, NotPlainXml, QUOTE, SLASH, decode, textKind, wholeCharacters } from "./xml-scan-text.js";

export { NotPlainXml };

/** XmlHandlers.element's answers besides where the element ends. */
export const NEED_MORE = -1;
export const AS_USUAL = -2;

// A token longer than this (Excel's longest cell is 32,767 characters) is left to saxes, so a
// token spread over many chunks never costs a copy per chunk.
const MAX_TOKEN_BYTES = 1024 * 1024;

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

interface Name {
  qualified: string;
  local: string;
}

/** Feed `bytes` through the scanner, yielding after each chunk as xmlEvents does. */
export async function* scanXml(bytes: AsyncIterable<Buffer | string>, handlers: XmlHandlers): AsyncGenerator<void> {
  const scanner = new Scanner(handlers);
  let carry: Buffer | undefined;
  // The unfinished token and the next chunk are joined in one buffer used again and again: a new one
  // per chunk was ~250 KiB of garbage outside the heap each time, collected late (~10 MB of peak RSS).
  let joined = Buffer.alloc(0);
  for await (const chunk of bytes) {
    const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let buffer = data;
    if (carry !== undefined) {
      const length = carry.length + data.length;
      if (joined.length < length) {
        const grown = Buffer.allocUnsafe(Math.max(length, joined.length * 2));
        carry.copy(grown);
        joined = grown;
      } else carry.copy(joined); // leftwards within `joined`, or from the last chunk
      data.copy(joined, carry.length);
      buffer = joined.subarray(0, length);
    }
    const used = scanner.scan(buffer);
    carry = used === buffer.length ? undefined : buffer.subarray(used);
    if (carry !== undefined && carry.length > MAX_TOKEN_BYTES) throw new NotPlainXml();
    yield;
  }
  scanner.end(carry);
  yield;
}

class Scanner {
  readonly #handlers: XmlHandlers;
  readonly #open: string[] = [];
  #rootClosed = false;
  #started = false;
  readonly #shortNames = new Map<number, Name>();
  readonly #longNames = new Map<string, Name>();

  constructor(handlers: XmlHandlers) {
    this.#handlers = handlers;
  }

  /** Read every whole token of `b`; returns where the first unfinished one starts. */
  scan(b: Buffer): number {
    let at = this.#started ? 0 : this.#prolog(b);
    if (at === -1) return 0;
    const end = b.length;
    const { element } = this.#handlers;
    while (at < end) {
      if (b[at] !== LT) {
        const lt = b.indexOf(LT, at);
        if (lt === -1) return at;
        this.#text(b, at, lt);
        at = lt;
        continue;
      }
      const next = at + 1 < end ? b[at + 1] : -1;
      if (next === -1) return at;
      // inside the root, an element its reader takes whole from the bytes
      if (element !== undefined && next !== SLASH && this.#open.length > 0) {
        const read = element(b, at);
        if (read === NEED_MORE) return at;
        if (read !== AS_USUAL) {
          at = read;
          continue;
        }
      }
      const done = next === SLASH ? this.#closeTag(b, at + 2) : this.#openTag(b, at + 1);
      if (done === -1) return at;
      at = done;
    }
    return end;
  }

  /** The part has ended, `rest` unread: only whitespace after the root element may be. */
  end(rest: Buffer | undefined): void {
    if (!this.#rootClosed || this.#open.length > 0) throw new NotPlainXml();
    if (rest !== undefined) this.#text(rest, 0, rest.length);
  }

  // A byte order mark and the <?xml ...?> declaration may start the part; -1 until they have arrived.
  #prolog(b: Buffer): number {
    const bom = [0xef, 0xbb, 0xbf];
    let at = 0;
    while (at < 3 && at < b.length && b[at] === bom[at]) at++;
    if (at < 3 && at === b.length) return -1;
    if (at < 3) at = 0;
    const declaration = "<?xml";
    for (let index = 0; index < 6; index++) {
      if (at + index >= b.length) return -1;
      const byte = b[at + index];
      if (index === 5 ? !isSpace(byte) : byte !== declaration.charCodeAt(index)) {
        this.#started = true;
        return at;
      }
    }
    const close = b.indexOf("?>", at);
    if (close === -1) return -1;
    this.#started = true;
    return close + 2;
  }

  #text(b: Buffer, start: number, end: number): void {
    // outside the root only whitespace may stand
    if (this.#open.length === 0 && !isBlank(b, start, end)) throw new NotPlainXml();
    const { bytes, text } = this.#handlers;
    // plain text goes on as bytes to a reader that stores bytes: no decoding and encoding again
    if (bytes !== undefined && textKind(b, start, end, false) !== "special" && wholeCharacters(b, start, end)) bytes(b, start, end);
    else text?.(decode(b, start, end, false));
  }

  // `<name attr="value" ...>` or `.../>` from just after the `<`; -1 when it has not all arrived.
  #openTag(b: Buffer, start: number): number {
    const first = b[start];
    if (first === 0x21 || first === 0x3f) throw new NotPlainXml(); // <! (comment, CDATA, DOCTYPE) or <? (instruction)
    let at = nameEnd(b, start);
    if (at === -1) return -1;
    if (at === start || this.#rootClosed) throw new NotPlainXml();
    const name = this.#name(b, start, at);
    let attributes = NO_ATTRIBUTES;
    const end = b.length;
    while (true) {
      const gap = at;
      while (at < end && isSpace(b[at])) at++;
      if (at >= end) return -1;
      const byte = b[at];
      if (byte === GT || byte === SLASH) {
        if (byte === SLASH) {
          if (at + 1 >= end) return -1;
          if (b[at + 1] !== GT) throw new NotPlainXml();
          at++;
        }
        this.#handlers.open(name.local, attributes);
        if (byte === SLASH) this.#closed(name);
        else this.#open.push(name.qualified);
        return at + 1;
      }
      if (at === gap) throw new NotPlainXml(); // attributes are separated by whitespace
      const nameStart = at;
      at = nameEnd(b, at, EQUALS);
      if (at === -1) return -1;
      if (at === nameStart) throw new NotPlainXml();
      const attribute = this.#name(b, nameStart, at).qualified;
      at = skipSpaces(b, at);
      if (at >= end) return -1;
      if (b[at] !== EQUALS) throw new NotPlainXml();
      at = skipSpaces(b, at + 1);
      if (at >= end) return -1;
      const quote = b[at];
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new NotPlainXml();
      const close = b.indexOf(quote, at + 1);
      if (close === -1) return -1;
      if (attributes === NO_ATTRIBUTES) attributes = {};
      if (Object.hasOwn(attributes, attribute) || attribute === "__proto__") throw new NotPlainXml();
      (attributes as Record<string, string>)[attribute] = decode(b, at + 1, close, true);
      at = close + 1;
    }
  }

  // `</name>` from just after the `</`.
  #closeTag(b: Buffer, start: number): number {
    let at = nameEnd(b, start);
    if (at === -1) return -1;
    const name = this.#name(b, start, at);
    at = skipSpaces(b, at);
    if (at >= b.length) return -1;
    if (b[at] !== GT || this.#open.pop() !== name.qualified) throw new NotPlainXml();
    this.#closed(name);
    return at + 1;
  }

  #closed(name: Name): void {
    this.#handlers.close?.(name.local);
    if (this.#open.length === 0) this.#rootClosed = true;
  }

  // Names repeat millions of times: each is made a string once.
  #name(b: Buffer, start: number, end: number): Name {
    const length = end - start;
    if (length <= 3) {
      const key = length * 0x1000000 + (b[start] ?? 0) + (length > 1 ? (b[start + 1] ?? 0) * 0x100 : 0) + (length > 2 ? (b[start + 2] ?? 0) * 0x10000 : 0);
      let name = this.#shortNames.get(key);
      if (name === undefined) this.#shortNames.set(key, (name = nameOf(b.toString("utf8", start, end))));
      return name;
    }
    const text = b.toString("utf8", start, end);
    let name = this.#longNames.get(text);
    if (name !== undefined) return name;
    name = nameOf(text);
    if (this.#longNames.size < 1000) this.#longNames.set(text, name); // a file of endless names stays bounded
    return name;
  }
}

function nameOf(qualified: string): Name {
  if (/[\u0000-\u002c/;<=>?@[\\\]^`{|}~\s"']/.test(qualified) || /^[-.\d:]/.test(qualified)) throw new NotPlainXml();
  const colon = qualified.indexOf(":");
  return { qualified, local: colon === -1 ? qualified : qualified.slice(colon + 1) };
}

/** Where the name starting at `start` ends (whitespace, `/`, `>` or `stop`); -1 when the buffer ends first. */
function nameEnd(b: Buffer, start: number, stop = GT): number {
  for (let at = start; at < b.length; at++) {
    const byte = b[at];
    if (byte === GT || byte === SLASH || byte === stop || isSpace(byte)) return at;
  }
  return -1;
}

function skipSpaces(b: Buffer, at: number): number {
  while (at < b.length && isSpace(b[at])) at++;
  return at;
}

const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === CR;

function isBlank(b: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isSpace(b[at])) return false;
  return true;
}
