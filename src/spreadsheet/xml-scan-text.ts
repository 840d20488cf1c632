// Text and attribute values as XML means them, from the bytes, for xml-scan.ts: line ends
// normalised, the five entities and character references replaced, anything else refused.

/** The part holds XML this scanner does not read: read it with saxes instead. */
export class NotPlainXml extends Error {}

// The bytes the XML readers (xml-scan.ts, xlsx-plain-cell.ts) look for.
export const AMP = 0x26;
export const LT = 0x3c;
export const GT = 0x3e;
export const CR = 0x0d;
export const SLASH = 0x2f;
export const QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const EQUALS = 0x3d;
export const SPACE = 0x20;

/** Text or an attribute value as XML means it: line ends normalised, entities replaced. */
export function decode(b: Buffer, start: number, end: number, attribute: boolean): string {
  const kind = textKind(b, start, end, attribute);
  let text = kind === "ascii" ? asciiString(b, start, end) : b.toString("utf8", start, end);
  if (kind !== "special") return text;
  if (text.includes("<")) throw new NotPlainXml();
  text = text.replace(/\r\n?/g, "\n");
  if (attribute) text = text.replace(/[\t\n]/g, " ");
  return text.includes("&") ? text.replace(/&([^;&]*);|&/g, entity) : text;
}

/** Plain ASCII, other plain UTF-8, or text with an entity, a CR (or in an attribute, a tab or line feed). */
export function textKind(b: Buffer, start: number, end: number, attribute: boolean): "ascii" | "utf8" | "special" {
  let ascii = true;
  let special = false;
  for (let at = start; at < end; at++) {
    const byte = b[at] as number;
    if (byte >= 0x80) {
      ascii = false;
      // U+FFFE and U+FFFF are no XML characters
      if (byte === 0xef && b[at + 1] === 0xbf && ((b[at + 2] as number) & 0xfe) === 0xbe) throw new NotPlainXml();
    } else if (byte < 0x20) {
      if (byte !== 0x09 && byte !== 0x0a && byte !== CR) throw new NotPlainXml(); // not an XML character
      if (byte === CR || attribute) special = true;
    } else if (byte === AMP || byte === LT) special = true;
    else if (byte === GT && at >= start + 2 && b[at - 1] === 0x5d && b[at - 2] === 0x5d) throw new NotPlainXml(); // ]]> outside CDATA
  }
  return special ? "special" : ascii ? "ascii" : "utf8";
}

/** The text's UTF-8 starts and ends on whole characters, so its bytes can be stored as they are. */
export function wholeCharacters(b: Buffer, start: number, end: number): boolean {
  if (((b[start] as number) & 0xc0) === 0x80) return false;
  let lead = end - 1;
  while (lead > start && lead > end - 4 && ((b[lead] as number) & 0xc0) === 0x80) lead--;
  const byte = b[lead] as number;
  const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
  return end - lead === length;
}

// Most values are a few ASCII bytes (A1, s, 1042): fromCharCode makes those ~5x faster than toString.
function asciiString(b: Buffer, at: number, end: number): string {
  switch (end - at) {
    case 0: return "";
    case 1: return String.fromCharCode(b[at] as number);
    case 2: return String.fromCharCode(b[at] as number, b[at + 1] as number);
    case 3: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number);
    case 4: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number);
    case 5: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number, b[at + 4] as number);
    case 6: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number, b[at + 4] as number, b[at + 5] as number);
    case 7: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number, b[at + 4] as number, b[at + 5] as number, b[at + 6] as number);
    case 8: return String.fromCharCode(b[at] as number, b[at + 1] as number, b[at + 2] as number, b[at + 3] as number, b[at + 4] as number, b[at + 5] as number, b[at + 6] as number, b[at + 7] as number);
    default: return b.toString("latin1", at, end);
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function entity(_whole: string, name: string | undefined): string {
  if (name === undefined) throw new NotPlainXml();
  const named = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  if (named !== undefined) return named;
  const code = /^#x[0-9A-Fa-f]{1,6}$/.test(name) ? Number.parseInt(name.slice(2), 16) : /^#\d{1,7}$/.test(name) ? Number(name.slice(1)) : Number.NaN;
  if (!isXmlChar(code)) throw new NotPlainXml(); // an unknown entity or no character: saxes says which
  return String.fromCodePoint(code);
}

const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
