// Hostile and odd XLSX files, made in the test: with exceljs where Excel could have written them,
// byte by byte (node:zlib) where no spreadsheet program would.
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

export interface Part {
  name: string;
  data: Buffer;
  /** deflated bytes given as they are (for parts built by streaming) */
  deflated?: Buffer;
  /** the uncompressed size to declare, when not the real one (a forged header) */
  declaredSize?: number;
  crc?: number;
}

/** A zip of `parts`, deflated, with the sizes and CRCs a zip reader checks. */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = part.deflated ?? deflateRawSync(part.data);
    const crc = part.crc ?? crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
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

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts around one sheet, for a workbook built by hand. */
export function workbookParts(sheet: Part, extra: Part[] = [], relations = ""): Part[] {
  return [
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>') },
    { name: "_rels/.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Khách hàng" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${relations}</Relationships>`) },
    { ...sheet, name: "xl/worksheets/sheet1.xml" },
    ...extra,
  ];
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Sheet XML with a header (Customer code, Name, Type) and rows of inline strings. */
export function sheetXml(rows: string[][], doctype = ""): string {
  const header = ["Customer code", "Name", "Type"];
  const body = [header, ...rows].map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, text)).join("")}</row>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>${doctype}<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * A sheet whose one cell holds `mebibytes` MiB of one letter: a few KiB on disk. Deflated as a
 * stream so the test never holds the inflated bytes.
 */
export async function bombPart(mebibytes: number): Promise<Part> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell("A1", "Customer code")}${cell("B1", "Name")}</row><row r="2"><c r="A2" t="inlineStr"><is><t>`);
  const tail = Buffer.from("</t></is></c></row></sheetData></worksheet>");
  const block = Buffer.alloc(1024 * 1024, 0x41);
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < mebibytes; i += 1) {
    crc = crc32(block, crc);
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated: Buffer.concat(out), declaredSize: head.length + mebibytes * 1024 * 1024 + tail.length, crc };
}

export const HEADER = ["Customer code", "Name", "Type", "Phone code", "Phone", "Email", "Tax ID", "Province"];

/** A workbook through exceljs's in-memory writer (as most generators write them). */
export async function writeWorkbook(file: string, fill: (workbook: ExcelJS.Workbook) => void, options: { date1904?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  fill(workbook);
  await workbook.xlsx.writeFile(file);
}

/** A valid customer row for HEADER. */
export const row = (code: string, name = `Nguyễn Văn ${code}`): ExcelJS.CellValue[] => [code, name, "personal", "+84", "0933456789", `${code.toLowerCase()}@example.vn`, "0101234567", "Huế"];
