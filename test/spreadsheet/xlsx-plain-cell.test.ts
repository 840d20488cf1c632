import { afterEach, describe, expect, it, vi } from "vitest";
import { StringStore } from "../../src/spreadsheet/string-store.js";
import type { SheetRow } from "../../src/spreadsheet/types.js";
import { PlainCell } from "../../src/spreadsheet/xlsx-plain-cell.js";
import { sheetRows } from "../../src/spreadsheet/xlsx-sheet.js";
import type { SheetContext } from "../../src/spreadsheet/xlsx-sheet.js";
import { mulberry32 } from "../helpers/random.js";

// Cells read straight from their bytes (xlsx-plain-cell.ts) must come out exactly as saxes's events
// make them, and every cell that is not quite plain must still be read, or refused, as before.
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const strings = new StringStore();
for (const text of ["Mã khách hàng", "Nguyễn Văn An", "  ", "#N/A", "Nguye\u0302\u0303n", "=1+1", "0933456789"]) strings.add(text);

const context = (numberFormats: (string | undefined)[] = [undefined, "dd/mm/yyyy", "0.00E+00", "00000", "@"]): SheetContext => ({
  file: "x.xlsx",
  sheet: "Trang tính 1",
  date1904: false,
  numberFormats,
  sharedStrings: strings,
});

/** A cell in one of the shapes writers use, or a near miss the plain reader must leave to the events. */
function cellXml(random: () => number, row: number, column: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const letters = column <= 26 ? String.fromCharCode(64 + column) : `A${String.fromCharCode(38 + column)}`;
  const ref = pick([`r="${letters}${row}"`, `r="${letters}${row}"`, `r="${letters.toLowerCase()}${row}"`, "", `r='${letters}${row}'`, `r = "${letters}${row}"`]);
  const style = pick(["", "", ` s="${pick(["0", "1", "2", "3", "4", "01", "9"])}"`]);
  const [type, values] = pick([
    ["", ["42", "3.5", "-0.25", "45000", "1e3", " 7 ", "", "abc", "12345"]],
    [` t="n"`, ["0", "99999", "1.5E-3"]],
    [` t="s"`, ["0", "1", "2", "3", "4", "5", "6", " 1", "01", ""]],
    [` t="str"`, ["KH001", "a &amp; b", "Hà Nội", "  x  ", "#REF!"]],
    [` t="b"`, ["1", "0", "true", " TRUE "]],
    [` t="e"`, ["#N/A", "#DIV/0!"]],
    [` t="d"`, ["2025-07-01", "2025-07-01T08:30:00", "2025-07-01T08:30:00+07:00"]],
    [` t="inlineStr"`, [""]],
    [` t="x"`, ["1"]],
  ] as const);
  const attributes = pick([`${ref}${style}${type}`, `${type}${style} ${ref}`, `${ref}${type}${style}`, `${ref}${style}${type} cm="1"`, `${ref}\t${type}`]);
  const open = `<c ${attributes}`.replace(/ +$/, "").replace("<c  ", "<c ");
  if (type === ` t="inlineStr"`) return `${open}><is><t>Phạm ${row}</t></is></c>`;
  const value = pick(values);
  return pick([
    `${open}><v>${value}</v></c>`,
    `${open}><v>${value}</v></c>`,
    `${open}/>`,
    `${open} />`,
    `${open}></c>`,
    `${open}><v/></c>`,
    `${open}><f>1+1</f><v>${value}</v></c>`,
    `${open}><v>${value}</v> </c>`,
  ]);
}

function sheetXml(seed: number, rows: number): string {
  const random = mulberry32(seed);
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`;
  for (let row = 1; row <= rows; row++) {
    xml += `<row r="${row}">`;
    for (let column = 1; column <= 30; column++) if (random() < 0.8) xml += cellXml(random, row, column);
    xml += "</row>";
  }
  return `${xml}</sheetData></worksheet>`;
}

async function read(xml: string, chunkBytes: number, ctx = context()): Promise<SheetRow[] | string> {
  const bytes = Buffer.from(xml);
  async function* part(): AsyncGenerator<Buffer> {
    for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
  }
  const rows: SheetRow[] = [];
  try {
    for await (const row of sheetRows(part, ctx)) rows.push(row);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
  return rows;
}

/** The same sheet read by saxes alone: a comment before the root sends all of it to saxes. */
const bySaxes = (xml: string, ctx?: SheetContext) => read(xml.replace("<worksheet", "<!-- saxes --><worksheet"), 1 << 20, ctx);

describe("plain cells read from their bytes", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("give saxes's rows for every shape of cell, whatever the chunks (seed %i)", async (seed) => {
    const xml = sheetXml(seed, 40);
    const expected = await bySaxes(xml);
    expect(Array.isArray(expected) && expected.length).toBe(40);
    for (const chunk of [1 << 20, 4096, 257, 64, 13, 7]) expect(await read(xml, chunk)).toEqual(expected);
  });

  it("read the usual cell straight from the bytes: a shared string, a number, a date, a blank", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" s="1"><v>45839</v></c><c r="D3" s="3"><v>42</v></c><c r="E3" s="2"/><c><v>7</v></c></row></sheetData></worksheet>`;
    expect(await read(xml, 5)).toEqual([
      {
        row: 3,
        cells: [
          { kind: "text", text: "Nguyễn Văn An" },
          undefined,
          { kind: "date", value: new Date("2025-07-01T00:00:00Z") },
          { kind: "text", text: "00042" },
          undefined,
          { kind: "number", value: 7 },
        ],
      },
    ]);
  });

  it.each([
    ["a shared string that is not there", `<c r="B2" t="s"><v>99</v></c>`, /B2.*99|99.*B2/],
    ["a column past XFD", `<c r="XFE2"><v>1</v></c>`, /16,?384/],
    ["a reference without a column", `<c r="2"><v>1</v></c>`, /2/],
  ])("leave %s to the events, which say where", async (_name, cell, said) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2">${cell}</row></sheetData></worksheet>`;
    const ours = await read(xml, 3);
    expect(ours).toMatch(/^error: /);
    expect(ours).toMatch(said);
    expect(ours).toEqual(await bySaxes(xml));
  });

  it.each([
    ["a cell inside a value", `<c r="A2"><v><c r="B2"/><c r="C2"><v>1</v></c><c r="D2" t="str">x</c></v></c>`],
    ["a cell inside an inline string's text", `<c r="A2" t="inlineStr"><is><c r="Z2"/><t><c r="B2"><v>5</v></c><c r="C2" t="str">hello</c></t></is></c>`],
    ["a > in a value", `<c r="A2" t="str"><v>a > b</v></c><c r="B2"><v>7</v></c>`],
  ])("read %s as saxes does, at every chunk size", async (_name, cell) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2">${cell}</row></sheetData></worksheet>`;
    const expected = await bySaxes(xml);
    for (let chunk = 1; chunk <= xml.length; chunk++) expect([chunk, await read(xml, chunk)]).toEqual([chunk, expected]);
  });

  it.each([
    ["]]> in a value", `<c r="A2" t="str"><v>a]]>b</v></c>`],
    ["]]> in a number", `<c r="A2"><v>1]]></v></c>`],
    ["a duplicate attribute", `<c r="A2" r="B2"><v>1</v></c>`],
    ["a slash that does not end the tag", `<c r="A2"/ ><c r="B2"/>`],
    ["a cell not closed", `<c r="A2"><v>1</v></row>`],
    ["a value not closed", `<c r="A2"><v>1</c>`],
    ["a truncated sheet", `<c r="A2"><v>1</v>`],
  ])("refuse %s as saxes does", async (_name, cell) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2">${cell}</row></sheetData></worksheet>`.replace(cell.includes("truncated") ? "</row></sheetData></worksheet>" : "\u0000", "");
    const ours = await read(xml, 4);
    expect(ours).toMatch(/^error: /);
    expect(ours).toEqual(await bySaxes(xml));
  });

  describe("the fast path", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("takes every cell of a sheet as Excel and exceljs write it", async () => {
      const read_ = PlainCell.prototype.read;
      let taken = 0;
      let left = 0;
      vi.spyOn(PlainCell.prototype, "read").mockImplementation(function (this: PlainCell, b: Buffer, start: number) {
        const end = read_.call(this, b, start);
        if (end >= 0) taken++;
        else if (end === -2 && b[start + 1] === 0x63 && b[start + 2] === 0x20) left++;
        return end;
      });
      const cells = (row: number) => `<c r="A${row}" t="s"><v>1</v></c><c r="B${row}" s="1"><v>45839</v></c><c r="C${row}"><v>42.5</v></c><c r="D${row}" s="2"/>`;
      const xml = `<worksheet xmlns="${MAIN}"><sheetData>${[1, 2, 3].map((row) => `<row r="${row}" spans="1:4">${cells(row)}</row>`).join("")}</sheetData></worksheet>`;
      const rows = await read(xml, 64);
      expect(Array.isArray(rows) && rows.length).toBe(3);
      expect([taken, left]).toEqual([12, 0]);
    });
  });
});
