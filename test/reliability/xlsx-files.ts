// Hostile and odd XLSX files, made in the test: with exceljs where Excel could have written them,
// byte by byte (node:zlib) where no spreadsheet program would.
import { constants, crc32, createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { columnLetter } from "../../src/customers/columns.js";
import { buildZip } from "../spreadsheet/helpers.js";
import type { ZipPart } from "../spreadsheet/helpers.js";

export type Part = ZipPart;

/** A zip of `parts`, deflated, with the sizes and CRCs a zip reader checks (or forged ones). */
export const zip = buildZip;

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

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A one-sheet workbook written by hand as exceljs and Excel write one (text in the shared strings,
 * numbers in the cells): for sizes exceljs takes seconds to write.
 */
export function plainWorkbook(rows: ExcelJS.CellValue[][]): Buffer {
  const strings = new Map<string, number>();
  const xmlCell = (value: ExcelJS.CellValue, ref: string) => {
    if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
    const text = String(value);
    if (!strings.has(text)) strings.set(text, strings.size);
    return `<c r="${ref}" t="s"><v>${strings.get(text)}</v></c>`;
  };
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((value, c) => xmlCell(value, `${columnLetter(c)}${r + 1}`)).join("")}</row>`).join("");
  const shared = [...strings.keys()].map((text) => `<si><t>${xmlText(text)}</t></si>`).join("");
  return zip(
    workbookParts(
      { name: "", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`) },
      [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${shared}</sst>`) }],
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    ),
  );
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
