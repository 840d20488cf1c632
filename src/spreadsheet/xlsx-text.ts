// ECMA-376 ST_Xstring: XML cannot carry a CR (it reads CRLF as LF) nor most control characters,
// so a spreadsheet writes them as _xHHHH_, and an underscore that would read as such an escape
// as _x005F_. Excel decodes this (LibreOffice shows it as text, XlsxWriter#680); exceljs does neither, so we do it here.

// Tab and LF survive XML; CR, the other C0 controls and the two non-characters do not.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g;
// An underscore a reader would take for an escape's opener: closed by an underscore of the text, or
// by the one an escaped character will bring; a lookahead, so "_x0041_x0042_" protects both openers.
const LOOKS_ESCAPED = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNSAFE.source}))`, "g");
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** One character as its _xHHHH_ escape. */
export const hexEscape = (char: string): string => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** Text as it must stand in sheet XML so that it reads back exactly. */
export function encodeXlsxText(text: string): string {
  return text.replace(LOOKS_ESCAPED, "_x005F_").replace(UNSAFE, hexEscape);
}

// LibreOffice shows our older exports' _x000D_ as text and saves it as _x005F_x000D_: before a line
// feed that can only be the CR of a CRLF, so it is read as one and such a file re-imports unchanged.
const LIBREOFFICE_CR = /_x005F_x000D_(?=\n)/g;

/** Each _xHHHH_ that `escapes` (global, one group of four hex digits) matches, as its character. */
export function decodeHexEscapes(text: string, escapes: RegExp): string {
  return text.includes("_x") ? text.replace(escapes, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16))) : text;
}

/** The text a spreadsheet meant, from what its XML holds. */
export function decodeXlsxText(text: string): string {
  if (!text.includes("_x")) return text;
  return decodeHexEscapes(text.replace(LIBREOFFICE_CR, "\r"), ESCAPE);
}
