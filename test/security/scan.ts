// Reads every file a run left behind as text, unpacking zips (XLSX), so a secret cannot hide in deflated XML.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

/** The text of one file: a zip's parts inflated and joined, anything else as UTF-8. */
export async function textOf(file: string): Promise<string> {
  const bytes = await readFile(file);
  return bytes.readUInt32LE(0) === 0x04034b50 ? zipText(bytes) : bytes.toString("utf8");
}

/** Every file under `dir`, recursively, with its text. */
export async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const found: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, text: await textOf(path) });
  }
  return found;
}

function zipText(zip: Buffer): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const parts: string[] = [];
  for (let n = zip.readUInt16LE(end + 10); n > 0; n -= 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    parts.push(zip.toString("utf8", at + 46, at + 46 + nameLength), (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + skip;
  }
  return parts.join("\n");
}
