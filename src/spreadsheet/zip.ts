// A small random-access zip reader: parts are read in the order we need, inflated with bounds.
// (exceljs's own reader unzips front to back, parks sheets in temp files and cannot bound a zip bomb.)
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { Readable, Transform, pipeline } from "node:stream";
import type { TransformCallback } from "node:stream";
import { createInflateRaw, crc32 } from "node:zlib";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { INFLATE_RATIO_GRACE_BYTES, MAX_INFLATE_RATIO } from "./limits.js";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;
// Inflated chunks are garbage outside the heap, freed only when a collection runs: at 256 KiB they
// piled up to ~20 MB of peak RSS on a 100,000-row sheet (122 MB against 104 at 96 KiB), at the same speed.
const INFLATED_CHUNK_BYTES = 96 * 1024;

/** The zip's table of contents, read from its end; a truncated file has none and is "damaged". */
export async function readZipDirectory(file: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (at === -1 || at + 22 > tail.length) throw damaged(file, msg("sheet.zip.noDirectory"));
    let count = tail.readUInt16LE(at + 10);
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = at - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== EOCD64_LOCATOR) throw damaged(file, msg("sheet.zip.noZip64Directory"));
      const record = await readAt(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
      if (record.readUInt32LE(0) !== EOCD64) throw damaged(file, msg("sheet.zip.badZip64Directory"));
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directoryOffset + directorySize > size) {
      throw damaged(file, msg("sheet.zip.directoryPastEnd"));
    }
    if (directorySize > MAX_DIRECTORY_BYTES) throw tooLarge(file, msg("sheet.zip.manyParts", { parts: String(count) }));
    return parseDirectory(await readAt(handle, directoryOffset, directorySize), file);
  } finally {
    await handle.close();
  }
}

function parseDirectory(directory: Buffer, file: string): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  while (at + 46 <= directory.length && directory.readUInt32LE(at) === CENTRAL_HEADER) {
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const rawName = directory.toString("utf8", at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: rawName.replace(/\\/g, "/").replace(/^\/+/, ""),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries.size === 0) throw damaged(file, msg("sheet.zip.emptyDirectory"));
  return entries;
}

// Zip64 keeps the sizes that overflow 32 bits in extra field 0x0001, in this order.
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : 0;
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    at += 4 + length;
  }
}

/**
 * Stream one part, inflated. It stops with E_FILE_TOO_LARGE before reading anything when the part
 * declares more than `maxBytes` or an absurd compression ratio, and with E_FILE_FORMAT when it
 * inflates to more (a lying header) or fails its CRC.
 */
export async function openZipEntry(file: string, entry: ZipEntry, maxBytes: number, what: string): Promise<Readable> {
  if (entry.size > maxBytes) throw tooLarge(file, msg("sheet.zip.partSize", { part: what, size: mebibytes(entry.size) }));
  const ratio = entry.size / Math.max(entry.compressedSize, 1);
  if (entry.size > INFLATE_RATIO_GRACE_BYTES && ratio > MAX_INFLATE_RATIO) {
    throw tooLarge(file, msg("sheet.zip.bomb", { part: what, ratio: String(Math.round(ratio)), size: mebibytes(entry.size) }));
  }
  if (entry.flags & 0x1) throw new ToolError("E_FILE_FORMAT", msg("sheet.encrypted", { file }), { hint: msg("sheet.encryptedHint") });
  if (entry.method !== 0 && entry.method !== 8) throw damaged(file, msg("sheet.zip.method", { part: what, method: String(entry.method) }));
  const handle = await open(file, "r");
  let start: number;
  try {
    const local = await readAt(handle, entry.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_HEADER) throw damaged(file, msg("sheet.zip.partMissing", { part: what }));
    start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.size === 0) return Readable.from([]);
  // 256 KiB reads and 96 KiB inflated chunks, not the default 64 and 16: a quarter of the CPU on a big sheet
  const compressed = createReadStream(file, { start, end: start + Math.max(entry.compressedSize, 1) - 1, highWaterMark: CHUNK_BYTES });
  const guard = new EntryGuard(entry, file, what);
  const onError = (): void => undefined; // errors reach the reader through `guard`
  return entry.method === 8 ? pipeline(compressed, createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES }), guard, onError) : pipeline(compressed, guard, onError);
}

// Holds the part to its declared size and CRC, so a forged header cannot inflate without bound.
class EntryGuard extends Transform {
  #bytes = 0;
  #crc = 0;
  readonly entry: ZipEntry;
  readonly file: string;
  readonly what: string;

  constructor(entry: ZipEntry, file: string, what: string) {
    super();
    this.entry = entry;
    this.file = file;
    this.what = what;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#bytes += chunk.length;
    if (this.#bytes > this.entry.size) {
      callback(damaged(this.file, msg("sheet.zip.overDeclared", { part: this.what })));
      return;
    }
    this.#crc = crc32(chunk, this.#crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#bytes !== this.entry.size || this.#crc !== this.entry.crc) {
      callback(damaged(this.file, msg("sheet.zip.corrupted", { part: this.what })));
      return;
    }
    callback();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** E_FILE_FORMAT for a zip that cannot be read as it is. */
export function damaged(file: string, why: Message): ToolError {
  return new ToolError("E_FILE_FORMAT", msg("sheet.damaged", { file, problem: why }), { hint: msg("sheet.damagedHint") });
}

function tooLarge(file: string, why: Message): ToolError {
  return new ToolError("E_FILE_TOO_LARGE", msg("sheet.tooLarge", { file, problem: why }), { hint: msg("sheet.tooLargeHint") });
}

function mebibytes(bytes: number): Message {
  return msg("sheet.mebibytes", { size: String(Math.round(bytes / 1024 / 1024)) });
}
