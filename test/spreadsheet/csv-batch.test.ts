import { describe, expect, it } from "vitest";
import { BATCH_CHARS, BATCH_RECORDS, BatchPacker, unpackRows } from "../../src/spreadsheet/csv-batch.js";
import { checkedUtf8 } from "../../src/spreadsheet/csv-encoding.js";
import { ToolError } from "../../src/errors.js";
import { texts } from "./helpers.js";

describe("BatchPacker", () => {
  it("packs records and unpacks them as the same rows, blank records left out, lines counted across batches", () => {
    const packer = new BatchPacker();
    packer.add(["Mã", "Tên", ""], 1);
    packer.add(["", "", ""], 2); // blank: not packed
    packer.add([], 2); // no field at all: not packed either
    packer.add(["KH1", "dòng 1\r\ndòng 2", ""], 3);
    packer.add(["KH2", "x\ny\rz", "Nguyễn".normalize("NFD")], 4);
    expect(packer.size).toBe(3);
    expect(packer.lineOf(5)).toBe(8);
    const rows = unpackRows(packer.take());
    expect(rows.map(({ row, line }) => [row, line])).toEqual([
      [1, 1],
      [3, 3],
      [4, 5],
    ]);
    expect(texts(rows)).toEqual([
      ["Mã", "Tên", undefined],
      ["KH1", "dòng 1\r\ndòng 2", undefined],
      ["KH2", "x\ny\rz", "Nguyễn".normalize("NFC")],
    ]);
    expect(packer.size).toBe(0);
    expect(unpackRows(packer.take())).toEqual([]);
    // a batch without line breaks takes the earlier batches' breaks into account
    packer.add(["KH3", "plain"], 5);
    expect(unpackRows(packer.take())[0]).toMatchObject({ row: 5, line: 8 });
    // a CR ending one cell and a LF starting the next are two breaks, not one CRLF
    packer.add(["a\r", "\nb"], 6);
    packer.add(["KH4"], 7);
    expect(unpackRows(packer.take()).map(({ line }) => line)).toEqual([9, 12]);
  });

  it("normalises each cell to NFC on its own: a mark opening a cell never joins the letter ending the cell before", () => {
    const packer = new BatchPacker();
    packer.add(["e", "\u0301x", "Nguye\u0302\u0303n", "_x0009_\u0301"], 2);
    expect(texts(unpackRows(packer.take()))).toEqual([["e", "\u0301x", "Nguy\u1EC5n", "\t\u0301"]]);
  });

  it("is full at its record or character bound, and holds records wider than its first guess", () => {
    const packer = new BatchPacker();
    const wide = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    for (let i = 1; packer.size < BATCH_RECORDS; i++) {
      expect(packer.full).toBe(false);
      packer.add(i === 7 ? wide : [`KH${i}`, "An"], i);
    }
    expect(packer.full).toBe(true);
    expect(unpackRows(packer.take())[6]?.cells).toHaveLength(5000);
    packer.add(["x".repeat(BATCH_CHARS)], 1);
    expect(packer.full).toBe(true);
  });
});

describe("checkedUtf8", () => {
  const text = Buffer.from("Mã,Tên\nKH1,Nguyễn Thị Ánh 😀\nKH2,Đặng\n");
  const chunked = (bytes: Uint8Array, size: number) => {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
    return chunks;
  };
  async function pass(bytes: Uint8Array, size: number): Promise<Buffer> {
    const out: Uint8Array[] = [];
    const plan = { encoding: "utf-8", bom: false };
    for await (const chunk of checkedUtf8(toAsync(chunked(bytes, size)), () => toAsync([bytes]), plan, "f.csv")) out.push(chunk);
    return Buffer.concat(out);
  }

  it.each([1, 2, 3, 5, 7, 64])("passes valid text unchanged whatever the chunk size cuts (%i bytes)", async (size) => {
    expect((await pass(text, size)).equals(text)).toBe(true);
  });

  it.each([
    ["a lone continuation byte", [0x80], "line 3"],
    ["a character cut short by the end of the file", [0xe1, 0xbb], "line 3"],
    ["a lead byte followed by another lead", [0xe1, 0x41, 0x0a], "line 3"],
    ["an overlong encoding", [0xc0, 0xaf], "line 3"],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], "line 3"],
    ["a NUL byte", [0x00], "line 3"],
  ])("stops at %s with the decoder's own message", async (_name, bad, where) => {
    const bytes = Buffer.concat([Buffer.from("a,b\nc,d\nKH,"), Buffer.from(bad)]);
    for (const size of [1, 4, 1000]) {
      const error = await pass(bytes, size).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolError);
      expect((error as ToolError).code).toBe("E_ENCODING");
      expect((error as ToolError).message).toContain(where);
    }
  });
});

async function* toAsync(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}
