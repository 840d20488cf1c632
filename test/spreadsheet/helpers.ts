// Shared by the spreadsheet tests: temp folders, collecting rows, and building zips byte by byte.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, crc32 } from "node:zlib";
import { afterEach } from "vitest";
import { openZipEntry, readZipDirectory } from "../../src/spreadsheet/zip.js";
import type { SheetRow, SheetSource } from "../../src/spreadsheet/types.js";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "finan-sheet-"));
  folders.push(folder);
  return folder;
}

/** Write bytes or text to a file in a fresh temp folder. */
export async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, content);
  return file;
}

export async function collect(source: SheetSource): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** Rows as plain strings (text cells' text, other kinds as kind:value) for compact assertions. */
export function texts(rows: SheetRow[]): (string | undefined)[][] {
  return rows.map((row) => row.cells.map((cell) => (cell === undefined ? undefined : cell.kind === "text" ? cell.text : JSON.stringify(cell))));
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** declare this uncompressed size instead of the real one (a forged header) */
  declaredSize?: number;
  store?: boolean;
  /** deflated bytes given as they are (for parts built by streaming, such as a zip bomb) */
  deflated?: Buffer;
  /** a CRC to declare, when not the real one */
  crc?: number;
}

/** A zip file from parts, deflated unless `store`: enough to forge XLSX variants. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = part.deflated ?? (part.store ? Buffer.from(part.data) : deflateRawSync(part.data));
    const crc = part.crc ?? crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(part.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(part.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every part of a zip file, inflated. */
export async function readParts(file: string): Promise<ZipPart[]> {
  const parts: ZipPart[] = [];
  for (const entry of (await readZipDirectory(file)).values()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await openZipEntry(file, entry, 1024 ** 3, entry.name)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.name, data: Buffer.concat(chunks) });
  }
  return parts;
}

/** Rebuild a zip with each part passed through `edit` (return undefined to drop the part). */
export async function rezip(file: string, target: string, edit: (part: ZipPart) => ZipPart | undefined): Promise<void> {
  const parts = (await readParts(file)).flatMap((part) => edit(part) ?? []);
  await writeFile(target, buildZip(parts));
}
