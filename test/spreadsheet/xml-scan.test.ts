import { describe, expect, it } from "vitest";
import { StringStore } from "../../src/spreadsheet/string-store.js";
import type { SheetRow } from "../../src/spreadsheet/types.js";
import { sheetRows } from "../../src/spreadsheet/xlsx-sheet.js";
import { xmlEvents } from "../../src/spreadsheet/xml-events.js";
import type { XmlReader } from "../../src/spreadsheet/xml-events.js";
import { NotPlainXml, scanXml } from "../../src/spreadsheet/xml-scan.js";

// The scanner must see exactly what saxes sees, wherever the inflated chunks happen to split.
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

type Event = [kind: "open", name: string, attributes: Record<string, string>] | [kind: "text", text: string] | [kind: "close", name: string];

async function events(reader: XmlReader, chunks: Buffer[]): Promise<Event[]> {
  const seen: Event[] = [];
  async function* bytes(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  const handlers = {
    open: (name: string, attributes: Readonly<Record<string, string>>) => seen.push(["open", name, { ...attributes }]),
    text(text: string) {
      // saxes and the scanner may cut a text at different places; what counts is the whole text
      const last = seen.at(-1);
      if (last?.[0] === "text") last[1] += text;
      else seen.push(["text", text]);
    },
    close: (name: string) => seen.push(["close", name]),
  };
  for await (const _ of reader(bytes(), handlers));
  return seen;
}

/** The document cut in two at every byte, and once into single bytes. */
function splits(xml: Buffer): Buffer[][] {
  const cuts = Array.from({ length: xml.length + 1 }, (_, at) => [xml.subarray(0, at), xml.subarray(at)]);
  return [...cuts, Array.from(xml, (_, at) => xml.subarray(at, at + 1))];
}

const DOCUMENTS: [string, string][] = [
  [
    "entities, character references and a multi-byte character",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Đặng &amp; &lt;Ứng&gt; &quot;Ưng&apos; &#x1F338;&#233;&#10;🌸</t></is></c></row></sheetData></worksheet>`,
  ],
  [
    "inline strings, rich text runs and a phonetic guide",
    `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Công ty </t></r><r><t>Hòa Bình</t></r><rPh sb="0" eb="1"><t>ホア</t></rPh></is></c></row></sheetData></worksheet>`,
  ],
  [
    "self-closing cells and values, a formula",
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="2"/><c r="B1" t="s"><v/></c><c r="C1" t="str"><f>"Hồ"&amp;"Chí"</f><v>HồChí</v></c></row><row r="3"/></sheetData></worksheet>`,
  ],
  [
    "namespace prefixes, single quotes and whitespace inside tags",
    `\uFEFF<?xml version='1.0'?><x:worksheet xmlns:x='${MAIN}' ><x:sheetData\n><x:row r = '1' spans="1:2"\t><x:c\r\n r='A1' t = "s"><x:v >7</x:v ></x:c><x:c r="B1" t='n' x14ac:foo="a&gt;b"/></x:row></x:sheetData></x:worksheet >\n`,
  ],
  [
    "line ends in text and attributes as XML reads them",
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr" note="a\r\nb\tc"><is><t>dòng 1\r\ndòng 2\rdòng 3&#13;</t></is></c></row></sheetData></worksheet>`,
  ],
];

describe("scanXml", () => {
  it.each(DOCUMENTS)("gives saxes's events at every chunk split: %s", async (_name, xml) => {
    const bytes = Buffer.from(xml);
    const expected = await events(xmlEvents, [bytes]);
    expect(expected.length).toBeGreaterThan(5);
    const wrong: number[] = [];
    for (const [index, chunks] of splits(bytes).entries()) {
      if (JSON.stringify(await events(scanXml, chunks)) !== JSON.stringify(expected)) wrong.push(index);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["a comment", "<a><!-- note --><b/></a>"],
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a processing instruction", "<a><?pi x?></a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["a character reference to no XML character", "<a>&#0;</a>"],
    ["a control character", "<a>\u0001</a>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["a truncated document", "<a><b>"],
    ["a second root", "<a/><b/>"],
    ["text outside the root", "<a/>x"],
    ["a duplicate attribute", '<a r="1" r="2"/>'],
    ["attributes without a space between", '<a r="1"s="2"/>'],
    ["an unquoted attribute", "<a r=1/>"],
    ["< in an attribute", '<a r="<"/>'],
    ["]]> in text", "<a>]]></a>"],
    ["no root", "   "],
  ])("leaves %s to saxes", async (_name, xml) => {
    await expect(events(scanXml, [Buffer.from(xml)])).rejects.toBeInstanceOf(NotPlainXml);
  });
});

describe("sheetRows when the scanner hands over to saxes", () => {
  const row = (n: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>KH${n}</t></is></c></row>`;
  const context = { file: "x.xlsx", sheet: "S", date1904: false, numberFormats: [], sharedStrings: new StringStore() };

  it("reads a comment or CDATA after rows already handed on, every row once, in order", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${row(1)}${row(2)}<!-- by hand -->${row(3)}<row r="4"><c r="A4" t="str"><v><![CDATA[KH<4>]]></v></c></row></sheetData></worksheet>`;
    let opened = 0;
    async function* part(): AsyncGenerator<Buffer> {
      opened++;
      // chunks of 40 bytes: rows 1 and 2 are handed on before the comment arrives
      for (let at = 0; at < xml.length; at += 40) yield Buffer.from(xml.slice(at, at + 40));
    }
    const rows: SheetRow[] = [];
    for await (const read of sheetRows(part, context)) rows.push(read);
    expect(opened).toBe(2);
    expect(rows.map((read) => [read.row, read.cells[0]])).toEqual([
      [1, { kind: "text", text: "KH1" }],
      [2, { kind: "text", text: "KH2" }],
      [3, { kind: "text", text: "KH3" }],
      [4, { kind: "text", text: "KH<4>" }],
    ]);
  });

  it("says what saxes says of malformed XML", async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${row(1)}<row r="2"></c></sheetData></worksheet>`;
    async function* part(): AsyncGenerator<Buffer> {
      yield Buffer.from(xml);
    }
    const read = async () => {
      for await (const _ of sheetRows(part, context));
    };
    await expect(read()).rejects.toThrow(/unexpected close tag/);
  });
});
