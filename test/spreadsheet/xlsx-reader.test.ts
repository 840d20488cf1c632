import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import type { Cell } from "../../src/spreadsheet/types.js";
import { workbookParts, zip } from "../reliability/xlsx-files.js";
import { collect, tempDir } from "./helpers.js";

// Workbooks built part by part, for what Excel, LibreOffice and other writers put in them.
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sheet = (rows: string, prefix = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="${MAIN}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;
const STYLES = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="00000"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="11"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
const STRINGS = `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>Nguyễn Thị Hồng</t></si><si><r><rPr><b/></rPr><t>Công ty </t></r><r><t>Hòa Bình</t></r><rPh sb="0" eb="1"><t>ホア</t></rPh></si><si><t>dòng 1_x000D_
dòng 2</t></si></sst>`;

async function book(sheetXml: string, options: { strings?: string; styles?: string } = {}): Promise<string> {
  const extra = [];
  let relations = "";
  if (options.strings !== undefined) {
    extra.push({ name: "xl/sharedStrings.xml", data: Buffer.from(options.strings) });
    relations += `<Relationship Id="rId8" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  }
  if (options.styles !== undefined) {
    extra.push({ name: "xl/styles.xml", data: Buffer.from(options.styles) });
    relations += `<Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/>`;
  }
  const file = join(await tempDir(), "in.xlsx");
  await writeFile(file, zip(workbookParts({ name: "", data: Buffer.from(sheetXml) }, extra, relations)));
  return file;
}

async function cells(file: string): Promise<(Cell | undefined)[][]> {
  return (await collect(await openSheet(file))).map((row) => row.cells);
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe("the XLSX reader", () => {
  it("reads shared strings: rich text runs joined, phonetic guides left out, _xHHHH_ decoded", async () => {
    const file = await book(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v/></c></row>'), { strings: STRINGS });
    // an empty <v/> is a blank cell, not string 0
    expect(await cells(file)).toEqual([[{ kind: "text", text: "Nguyễn Thị Hồng" }, { kind: "text", text: "Công ty Hòa Bình" }, { kind: "text", text: "dòng 1\r\ndòng 2" }]]);
  });

  it("reads shared strings written with a comment among them (read again by saxes) at the same indexes", async () => {
    const strings = STRINGS.replace("</si>", "</si><!-- edited by hand -->");
    const file = await book(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'), { strings });
    expect(await cells(file)).toEqual([[{ kind: "text", text: "Nguyễn Thị Hồng" }, { kind: "text", text: "Công ty Hòa Bình" }, { kind: "text", text: "dòng 1\r\ndòng 2" }]]);
  });

  it("reads shared strings whose runs mix plain text, entities and line ends", async () => {
    const strings = `<sst xmlns="${MAIN}"><si><r><t>Công ty A &amp; B</t></r><r><t xml:space="preserve"> Hồ</t></r></si><si><t>dòng 1\r\ndòng 2 &#x1F338;</t></si></sst>`;
    const file = await book(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'), { strings });
    expect(await cells(file)).toEqual([[{ kind: "text", text: "Công ty A & B Hồ" }, { kind: "text", text: "dòng 1\ndòng 2 🌸" }]]);
  });

  it("calls a cell that refers to a shared string the workbook lacks damaged, naming the cell", async () => {
    const file = await book(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>'), { strings: STRINGS });
    const error = await cells(file).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe("E_FILE_FORMAT");
    expect((error as ToolError).message).toBe(`${file} is damaged: sheet "Khách hàng" cannot be read (cell B1 refers to shared string 7, which the workbook does not have)`);
  });

  it("applies number formats by cell style: custom and built-in dates, scientific, leading zeros", async () => {
    const file = await book(
      sheet('<row r="1"><c r="A1" s="1"><v>45351</v></c><c r="B1" s="2"><v>45351</v></c><c r="C1" s="3"><v>101234567</v></c><c r="D1" s="4"><v>123</v></c><c r="E1" s="0"><v>45351</v></c></row>'),
      { styles: STYLES },
    );
    expect(await cells(file)).toEqual([
      [
        { kind: "date", value: day(2024, 2, 29) },
        { kind: "date", value: day(2024, 2, 29) },
        { kind: "number", value: 101234567, scientific: true },
        { kind: "text", text: "00123" },
        { kind: "number", value: 45351 },
      ],
    ]);
  });

  it("dates serials before March 1900 as Excel shows them (its 29 Feb 1900 that never was)", async () => {
    const file = await book(sheet('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>61</v></c><c r="D1" s="1"><v>60</v></c></row>'), { styles: STYLES });
    expect(await cells(file)).toEqual([[{ kind: "date", value: day(1900, 1, 1) }, { kind: "date", value: day(1900, 2, 28) }, { kind: "date", value: day(1900, 3, 1) }, { kind: "error", error: "#VALUE!" }]]);
  });

  it("reads ISO 8601 date cells (t=\"d\") and logical values written as words", async () => {
    const file = await book(sheet('<row r="1"><c r="A1" t="d"><v>2024-02-29</v></c><c r="B1" t="d"><v>2024-02-29T10:30:00</v></c><c r="C1" t="b"><v>false</v></c><c r="D1" t="b"><v>true</v></c><c r="E1" t="b"><v>0</v></c></row>'));
    expect(await cells(file)).toEqual([
      [{ kind: "date", value: day(2024, 2, 29) }, { kind: "date", value: new Date(Date.UTC(2024, 1, 29, 10, 30)) }, { kind: "boolean", value: false }, { kind: "boolean", value: true }, { kind: "boolean", value: false }],
    ]);
  });

  it("reads elements with a namespace prefix, and rows and cells that leave out their reference", async () => {
    const prefixed = await book(sheet('<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Hòa</x:t></x:is></x:c></x:row>', "x:"));
    expect(await collect(await openSheet(prefixed))).toEqual([{ row: 2, cells: [undefined, { kind: "text", text: "Hòa" }] }]);
    const unnumbered = await book(sheet('<row r="3"><c t="inlineStr"><is><t>KH1</t></is></c><c><v>5</v></c></row><row><c/><c t="inlineStr"><is><t>KH2</t></is></c></row>'));
    expect(await collect(await openSheet(unnumbered))).toEqual([
      { row: 3, cells: [{ kind: "text", text: "KH1" }, { kind: "number", value: 5 }] },
      { row: 4, cells: [undefined, { kind: "text", text: "KH2" }] },
    ]);
  });

  it("refuses a DOCTYPE in any part (entities), calling the workbook damaged", async () => {
    const file = await book(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { strings: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol">]><sst xmlns="${MAIN}"><si><t>&a;</t></si></sst>` });
    const error = await cells(file).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toMatch(/is damaged: its workbook cannot be read \(it declares a DOCTYPE/);
  });
});
