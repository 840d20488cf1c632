// Bytes → text for delimited files: BOM sniffing, --encoding, and errors a person can act on.
import { isUtf8 } from "node:buffer";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { LineCounter } from "./lines.js";

/** How to decode a file: a WHATWG encoding label; the BOM (if any) is dropped by TextDecoder. */
export interface TextEncodingPlan {
  encoding: string;
  /** whether the encoding was announced by a byte-order mark */
  bom: boolean;
}

const SAVE_AS_UTF8 = msg("sheet.saveAsUtf8");
const SAVE_AS_UTF8_HINT = msg("sheet.saveAsUtf8Hint", { save: SAVE_AS_UTF8 });

/** Pick the encoding from the BOM, else the user's `--encoding`, else UTF-8 (refusing BOM-less UTF-16). */
export function chooseEncoding(head: Uint8Array, requested: string | undefined, file: string): TextEncodingPlan {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: "utf-16le", bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: "utf-16be", bom: true };
  if (requested !== undefined) return { encoding: checkedLabel(requested, file), bom: false };
  const utf16 = looksLikeUtf16(head);
  if (utf16) {
    throw new ToolError("E_ENCODING", msg("sheet.utf16WithoutBom", { file }), {
      hint: msg("sheet.passEncoding", { encoding: utf16, save: SAVE_AS_UTF8 }),
    });
  }
  return { encoding: "utf-8", bom: false };
}

/** Decode a byte stream to text chunks; invalid bytes stop with E_ENCODING naming the line. `partial`: a prefix, not flushed. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  plan: TextEncodingPlan,
  file: string,
  { partial = false }: { partial?: boolean } = {},
): AsyncGenerator<string> {
  const decoder = new TextDecoder(plan.encoding, { fatal: true, ignoreBOM: false });
  const lines = new LineCounter();
  const utf8 = plan.encoding === "utf-8";
  for await (const chunk of chunks) {
    if (utf8) {
      const nul = chunk.indexOf(0);
      if (nul !== -1) throw nulError(file, lines.line + countNewlines(chunk, nul, lines.pendingCR));
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (cause) {
      const offset = utf8 ? firstInvalidUtf8(chunk) : 0;
      throw invalidTextError(file, lines.line + countNewlines(chunk, offset, lines.pendingCR), plan, chunk, cause);
    }
    // no text holds a NUL; in UTF-16 it is the mark of a wrong encoding (and the CSV batches' separator)
    const nulAt = utf8 ? -1 : text.indexOf("\u0000");
    if (nulAt !== -1) {
      lines.add(text.slice(0, nulAt));
      throw new ToolError("E_ENCODING", msg("sheet.nulCharacter", { file, line: String(lines.line), encoding: plan.encoding }), {
        hint: msg("sheet.checkEncoding", { save: SAVE_AS_UTF8 }),
      });
    }
    lines.add(text);
    if (text !== "") yield text;
  }
  if (partial) return;
  let rest: string;
  try {
    rest = decoder.decode();
  } catch (cause) {
    throw invalidTextError(file, lines.line, plan, new Uint8Array(), cause);
  }
  if (rest !== "") yield rest;
}

/**
 * UTF-8 bytes passed through unchanged once checked (no decoding: the parser works on bytes), for a
 * file that is UTF-8 by BOM or by default. A NUL or an invalid byte stops with decodeText's own error,
 * found by decoding the file again from `reread` (an error path: the cost does not matter there).
 */
export async function* checkedUtf8(
  chunks: AsyncIterable<Uint8Array>,
  reread: () => AsyncIterable<Uint8Array>,
  plan: TextEncodingPlan,
  file: string,
): AsyncGenerator<Uint8Array> {
  let tail: Uint8Array = new Uint8Array(0); // the start of a character cut at the end of the previous chunk
  let valid = true;
  for await (const chunk of chunks) {
    // continuation bytes at the start finish the character the previous chunk began
    let head = 0;
    while (head < 3 && head < chunk.length && ((chunk[head] ?? 0) & 0xc0) === 0x80) head++;
    const bridge = tail.length === 0 ? chunk.subarray(0, head) : Buffer.concat([tail, chunk.subarray(0, head)]);
    if (head === chunk.length && bridge.length < 4) {
      tail = bridge; // a tiny chunk inside one character
      yield chunk;
      continue;
    }
    const cut = Math.max(head, incompleteTail(chunk));
    if (chunk.indexOf(0) !== -1 || !isUtf8(bridge) || !isUtf8(chunk.subarray(head, cut))) {
      valid = false;
      break;
    }
    tail = chunk.subarray(cut);
    yield chunk;
  }
  if (valid && tail.length === 0) return;
  for await (const _ of decodeText(reread(), plan, file)); // throws the error, naming its line
  throw new ToolError("E_ENCODING", msg("sheet.notUtf8", { file }), { hint: SAVE_AS_UTF8_HINT });
}

/** Where a UTF-8 character cut by the chunk's end starts (the chunk's length when none is). */
function incompleteTail(chunk: Uint8Array): number {
  for (let back = 1; back <= 4 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

/** The likeliest legacy encoding of bytes that are not UTF-8: Vietnamese Windows when its letters show. */
export function guessLegacyEncoding(bytes: Uint8Array): "windows-1258" | "windows-1252" {
  // windows-1258: ă Ă ơ Ơ ư Ư đ Đ, and the tones written as combining marks ̀ ́ ̉ ̃ ̣
  const vietnamese = new Set([0xe3, 0xc3, 0xf5, 0xd5, 0xfd, 0xdd, 0xf0, 0xd0, 0xcc, 0xec, 0xd2, 0xde, 0xf2]);
  return bytes.some((byte) => vietnamese.has(byte)) ? "windows-1258" : "windows-1252";
}

function invalidTextError(file: string, line: number, plan: TextEncodingPlan, chunk: Uint8Array, cause: unknown): ToolError {
  if (plan.encoding !== "utf-8") {
    return new ToolError("E_ENCODING", msg("sheet.notValidIn", { file, line: String(line), encoding: plan.encoding }), { cause, hint: SAVE_AS_UTF8_HINT });
  }
  if (plan.bom) {
    return new ToolError("E_ENCODING", msg("sheet.notUtf8AfterBom", { file, line: String(line) }), {
      cause,
      hint: msg("sheet.damagedOrMixed", { save: SAVE_AS_UTF8 }),
    });
  }
  if (guessLegacyEncoding(chunk) === "windows-1258") {
    return new ToolError("E_ENCODING", msg("sheet.probablyWindows1258", { file, line: String(line) }), {
      cause,
      hint: msg("sheet.passEncoding", { encoding: "windows-1258", save: SAVE_AS_UTF8 }),
    });
  }
  return new ToolError("E_ENCODING", msg("sheet.probablyWindows1252", { file, line: String(line) }), {
    cause,
    hint: msg("sheet.passWindows1252", { save: SAVE_AS_UTF8 }),
  });
}

function nulError(file: string, line: number): ToolError {
  return new ToolError("E_ENCODING", msg("sheet.nulByte", { file, line: String(line) }), {
    hint: msg("sheet.nulByteHint", { save: SAVE_AS_UTF8 }),
  });
}

function checkedLabel(label: string, file: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch (cause) {
    throw new ToolError("E_ENCODING", msg("sheet.unknownEncoding", { label, file }), {
      cause,
      hint: msg("sheet.encodingLabels"),
    });
  }
}

// UTF-16 text of mostly Latin letters has a zero in every other byte.
function looksLikeUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const sample = head.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return undefined;
  if (odd / pairs > 0.5 && even < odd / 4) return "utf-16le";
  if (even / pairs > 0.5 && odd < even / 4) return "utf-16be";
  return undefined;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (after a carried-over tail). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < bytes.length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++; // tail of the previous chunk
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i + k; // cut at the chunk end: decoded later
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

// Line breaks in raw ASCII-compatible bytes before `end` (as LineCounter counts them in text).
function countNewlines(bytes: Uint8Array, end: number, pendingCR: boolean): number {
  let count = 0;
  for (let i = pendingCR && bytes[0] === 0x0a ? 1 : 0; i < end; i++) {
    if (bytes[i] === 0x0a) count++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) count++;
  }
  return count;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
