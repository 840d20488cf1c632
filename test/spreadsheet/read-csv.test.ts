import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { WORKER_MIN_BYTES } from "../../src/spreadsheet/read-csv.js";
import type { ReadOptions } from "../../src/spreadsheet/types.js";
import { collect, tempFile, texts } from "./helpers.js";

const VIETNAMESE = "Mã khách hàng,Tên khách hàng\r\nKH001,Nguyễn Thị Hồng Nhung\r\nKH002,Công ty TNHH Đại Phước\r\n";
const VIETNAMESE_ROWS = [
  ["Mã khách hàng", "Tên khách hàng"],
  ["KH001", "Nguyễn Thị Hồng Nhung"],
  ["KH002", "Công ty TNHH Đại Phước"],
];

// "Mã,Tên\r\nKH1,Nguyễn Văn Ánh\r\nKH2,Phượng Đắng" as Vietnamese Windows (windows-1258) saves it:
// tones are separate combining bytes (0xDE tilde, 0xF2 dot below, 0xEC acute) after the letter.
const WINDOWS_1258 = [
  0x4d, 0x61, 0xde, 0x2c, 0x54, 0xea, 0x6e, 0x0d, 0x0a, 0x4b, 0x48, 0x31, 0x2c, 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56,
  0xe3, 0x6e, 0x20, 0xc1, 0x6e, 0x68, 0x0d, 0x0a, 0x4b, 0x48, 0x32, 0x2c, 0x50, 0x68, 0xfd, 0xf5, 0xf2, 0x6e, 0x67, 0x20, 0xd0, 0xe3,
  0xec, 0x6e, 0x67,
];

// Every case runs twice: csv-parse in this thread (small files) and on the worker thread (large ones).
describe.each([
  ["this thread", false],
  ["a worker thread", true],
])("readCsv, parsing on %s", (_where, csvWorker) => {
  async function read(content: string | Uint8Array, options?: ReadOptions, name = "customers.csv") {
    const source = await openSheet(await tempFile(name, content), { csvWorker, ...options });
    expect(source.parser).toBe(csvWorker ? "worker" : "main");
    return { source, rows: await collect(source) };
  }

  async function failure(content: string | Uint8Array, options?: ReadOptions): Promise<ToolError> {
    const error = await read(content, options).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ToolError);
    return error as ToolError;
  }

  it("gives a syntax error's message and hint in the run's language, across the thread too", async () => {
    const error = await failure('Mã,Tên\r\nKH1,"Nguyễn Văn\r\nKH2,Lê\r\n');
    expect(error.code).toBe("E_CSV_SYNTAX");
    expect(error.text("vi")).toMatch(/customers\.csv, dòng 2: một ô mở dấu ngoặc kép ở đây nhưng không có dấu đóng$/);
    expect(error.hintText("vi")).toMatch(/^Hãy thêm dấu ngoặc kép đóng/);
    expect(error.message).toMatch(/customers\.csv: line 2: a quoted cell opens here and is never closed$/);
  });

  describe("readCsv encodings", () => {
    it.each([
      ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VIETNAMESE)]), "utf-8"],
      ["UTF-8 without BOM", Buffer.from(VIETNAMESE), "utf-8"],
      ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VIETNAMESE, "utf16le")]), "utf-16le"],
      ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(VIETNAMESE, "utf16le").swap16()]), "utf-16be"],
    ])("reads %s, the BOM never leaking into the first header", async (_name, bytes, encoding) => {
      const { source, rows } = await read(bytes);
      expect(source.encoding).toBe(encoding);
      expect(texts(rows)).toEqual(VIETNAMESE_ROWS);
      expect(rows[0]?.cells[0]).toEqual({ kind: "text", text: "Mã khách hàng" });
    });

    it("decodes windows-1258 with --encoding, composing the tone marks (NFC)", async () => {
      const { source, rows } = await read(Uint8Array.from(WINDOWS_1258), { encoding: "windows-1258" });
      expect(source.encoding).toBe("windows-1258");
      expect(texts(rows)).toEqual([
        ["Mã", "Tên"],
        ["KH1", "Nguyễn Văn Ánh"],
        ["KH2", "Phượng Đắng"],
      ]);
    });

    it("stops on windows-1258 bytes without --encoding, naming the line, the encoding and the fix", async () => {
      const bytes = Buffer.concat([Buffer.from("Code,Note\r\nKH0,plain ascii\r\n"), Buffer.from(WINDOWS_1258.slice(9))]);
      const error = await failure(bytes);
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toMatch(/customers\.csv: line 3: .*windows-1258/);
      expect(error.hint).toContain("--encoding windows-1258");
      expect(error.hint).toContain("CSV UTF-8");
    });

    it("suggests windows-1252 when the bytes do not look Vietnamese", async () => {
      const error = await failure(Buffer.from("Name,City\nJosé,Zürich\n", "latin1"));
      expect(error.message).toContain("line 2:");
      expect(error.hint).toContain("--encoding windows-1252");
    });

    it("finds an invalid byte far past the first chunk, at its line", async () => {
      const lines = Array.from({ length: 5000 }, (_, index) => `KH${index},Nguyễn Văn ${index}`);
      const bytes = Buffer.concat([Buffer.from(`${lines.join("\n")}\n`), Buffer.from([0x4b, 0x48, 0x2c, 0x56, 0xe3, 0x6e, 0x0a])]);
      const error = await failure(bytes);
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toContain("line 5001");
    });

    it("refuses UTF-16 without a byte-order mark, and reads it with --encoding utf-16le", async () => {
      const bytes = Buffer.from(VIETNAMESE, "utf16le");
      const error = await failure(bytes);
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toContain("UTF-16");
      expect(error.hint).toContain("--encoding utf-16le");
      expect(texts((await read(bytes, { encoding: "utf-16le" })).rows)).toEqual(VIETNAMESE_ROWS);
    });

    it("stops at a NUL byte in UTF-8 text, naming its line", async () => {
      const error = await failure("a,b\nc,d\ne\u0000,f\n");
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toContain("line 3");
      // a NUL inside otherwise good UTF-8 is most likely one stray character in a cell (an older export wrote them raw)
      expect(error.message).toContain("or a cell on that line holds a NUL character");
      expect(error.hint).toContain("_x0000_");
    });

    it("stops at a NUL character in UTF-16 text, naming its line", async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\r\nc,d\r\ne\u0000,f\r\n", "utf16le")]);
      const error = await failure(bytes);
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toMatch(/line 3: a NUL character/);
    });

    it("refuses an unknown --encoding label", async () => {
      const error = await failure("a,b\n", { encoding: "tcvn3" });
      expect(error.code).toBe("E_ENCODING");
      expect(error.message).toContain("tcvn3");
    });
  });

  describe("readCsv delimiters", () => {
    it.each([
      ["comma", "Mã,Tên,Địa chỉ\nKH1,An,\"12 Lê Lợi, Quận 1\"\n", ","],
      ["semicolon, with unquoted commas in the data", "Mã;Tên;Địa chỉ\nKH1;An;12 Lê Lợi, Phường Bến Nghé, Quận 1\nKH2;Bình;5 Hai Bà Trưng, Quận 3\n", ";"],
      ["tab", "Mã\tTên\tĐịa chỉ\nKH1\tAn\t12 Lê Lợi, Quận 1\n", "\t"],
      ["semicolon, below a title row", "Danh sách khách hàng;;\nMã;Tên;Ghi chú\nKH1;An;x, y\n", ";"],
    ])("detects %s", async (_name, content, delimiter) => {
      const { source, rows } = await read(content);
      expect(source.delimiter).toBe(delimiter);
      expect(rows.at(-1)?.cells.length).toBe(3);
    });

    it("takes --delimiter over detection", async () => {
      const { source, rows } = await read("a;b,c\n1;2,3\n", { delimiter: "," });
      expect(source.delimiter).toBe(",");
      expect(texts(rows)).toEqual([
        ["a;b", "c"],
        ["1;2", "3"],
      ]);
    });

    it("takes tab for a .tsv file, even with commas and no tab in it", async () => {
      const { source, rows } = await read("Tên\nNguyễn, Văn A\n", undefined, "names.tsv");
      expect(source.delimiter).toBe("\t");
      expect(texts(rows)).toEqual([["Tên"], ["Nguyễn, Văn A"]]);
    });

    it("reads a single-column file", async () => {
      expect(texts((await read("Mã\nKH1\nKH2\n")).rows)).toEqual([["Mã"], ["KH1"], ["KH2"]]);
    });
  });

  describe("readCsv rows", () => {
    it("numbers rows by record (blank records counted, not yielded) and lines by where a record starts", async () => {
      const content = [
        "Mã,Ghi chú\r\n", // row 1, line 1
        'KH1,"dòng 1\r\ndòng 2"\r\n', // row 2, lines 2-3
        "\r\n", // row 3 (blank), line 4
        'KH2,"a, ""b"""\r\n', // row 4, line 5
        ",\r\n", // row 5 (blank cells only), line 6
        'KH3,"x\ny\nz",extra\r\n', // row 6, lines 7-9, ragged
        "KH4", // row 7, line 10, no final line break
      ].join("");
      const { rows } = await read(content);
      expect(rows.map(({ row, line }) => [row, line])).toEqual([
        [1, 1],
        [2, 2],
        [4, 5],
        [6, 7],
        [7, 10],
      ]);
      expect(texts(rows)).toEqual([["Mã", "Ghi chú"], ["KH1", "dòng 1\r\ndòng 2"], ["KH2", 'a, "b"'], ["KH3", "x\ny\nz", "extra"], ["KH4"]]);
    });

    it("counts lines in files that end lines with a lone CR", async () => {
      const { rows } = await read('a,b\r"x\ry",z\rc,d\r');
      expect(rows.map(({ row, line }) => [row, line])).toEqual([
        [1, 1],
        [2, 2],
        [3, 4],
      ]);
    });

    it("keeps blanks as undefined, whitespace and leading zeros as text, and a quote inside a bare cell", async () => {
      const { rows } = await read('Mã,Tên,Điện thoại,Ống\nKH1,,"  ",12" pipe\n007,  An  ,0912345678\n');
      expect(rows[1]?.cells).toEqual([{ kind: "text", text: "KH1" }, undefined, { kind: "text", text: "  " }, { kind: "text", text: '12" pipe' }]);
      expect(texts(rows.slice(2))).toEqual([["007", "  An  ", "0912345678"]]);
    });

    it("stops reading when the consumer stops", async () => {
      const source = await openSheet(await tempFile("big.csv", "a,b\n".repeat(50_000)), { csvWorker });
      let count = 0;
      for await (const _ of source.rows) if (++count === 3) break;
      expect(count).toBe(3);
    });
  });

  describe("readCsv syntax errors", () => {
    it("reports an unclosed quote at the line where the quoted cell opens", async () => {
      const error = await failure('Mã,Tên\nKH1,An\nKH2,"Nguyễn\nVăn A\nKH3,Bình\n');
      expect(error.code).toBe("E_CSV_SYNTAX");
      expect(error.message).toMatch(/customers\.csv: line 3: a quoted cell opens here and is never closed/);
      expect(error.hint).toContain("closing quote");
    });

    it("finds the unclosed quote after an earlier multi-line cell of the same record", async () => {
      const error = await failure('a,b,c\r\nKH1,"x\r\ny",z\r\nKH2,"multi\r\nline","unclosed\r\nrest\r\n');
      expect(error.message).toContain("line 5:");
    });

    it.each([
      ["LF", "\n"],
      ["CRLF", "\r\n"],
      ["lone CR", "\r"],
    ])("finds an unclosed quote far down a file with %s line ends", async (_name, eol) => {
      const rows = Array.from({ length: 20_000 }, (_, i) => `KH${i},"Tên ${i}${eol}dòng 2"`).join(eol);
      const error = await failure(`Mã,Tên${eol}${rows}${eol}KH,"mở${eol}không đóng${eol}`);
      expect(error.message).toContain(`line ${2 + 20_000 * 2}: a quoted cell opens here`);
    });

    it("reports an unclosed quote that swallows more than the record limit at its opening line", async () => {
      const error = await failure(`a,b\nKH1,"open\n${"x,y\n".repeat(300_000)}`);
      expect(error.code).toBe("E_CSV_SYNTAX");
      expect(error.message).toContain("line 2: a quoted cell opens here");
    });

    it("refuses a record longer than the limit, naming its line", async () => {
      const error = await failure(`a,b\nc,d\n${"x".repeat(1_100_000)},y\n`);
      expect(error.code).toBe("E_CSV_SYNTAX");
      expect(error.message).toMatch(/line 3: a record longer than 1 MiB/);
    });
  });
});

describe("readCsv's choice of thread", () => {
  it("parses a file of 16 MiB or more on a worker thread, and a smaller one in this thread", async () => {
    const line = "KH0000001,Nguyễn Thị Ánh Dương,personal,0912345678\n";
    const big = await tempFile("big.csv", `Mã,Tên,Loại,Điện thoại\n${line.repeat(Math.ceil(WORKER_MIN_BYTES / Buffer.byteLength(line)))}`);
    const small = await tempFile("small.csv", `Mã,Tên,Loại,Điện thoại\n${line.repeat(100)}`);
    expect((await openSheet(big)).parser).toBe("worker");
    expect((await openSheet(small)).parser).toBe("main");
  });

  it("gives the same rows from both threads over many batches (quoted line breaks, NFD text, blank lines, ragged rows)", async () => {
    const lines = ["Mã,Tên,Ghi chú"];
    for (let i = 1; i <= 12_000; i++) {
      if (i % 997 === 0) lines.push("");
      const note = i % 5 === 0 ? `"dòng 1\r\ndòng ${i}, ""trích"""` : i % 7 === 0 ? "" : `ghi chú ${"x".repeat(i % 40)}`;
      lines.push(`KH${i},${`Nguyễn Văn Ánh ${i}`.normalize(i % 2 ? "NFD" : "NFC")},${note}${i % 11 === 0 ? ",thừa" : ""}`);
    }
    const file = await tempFile("many.csv", `${lines.join("\r\n")}\r\n`);
    const [inThread, onWorker] = await Promise.all([openSheet(file, { csvWorker: false }), openSheet(file, { csvWorker: true })]);
    const [a, b] = await Promise.all([collect(inThread), collect(onWorker)]);
    expect(b.length).toBe(12_001);
    expect(b).toEqual(a);
    // 12 blank lines before it; 2,399 earlier notes span two lines
    expect(b.at(-1)).toEqual({ row: 12_013, line: 12_013 + 2_399, cells: [{ kind: "text", text: "KH12000" }, { kind: "text", text: "Nguyễn Văn Ánh 12000" }, { kind: "text", text: 'dòng 1\r\ndòng 12000, "trích"' }] });
  });
});

describe("readCsv's worker thread and the process", () => {
  it("does not keep the process alive when a caller drops the rows without closing them", async () => {
    const file = await tempFile("big.csv", "Mã,Tên\n" + "KH1,Nguyễn Văn An\n".repeat(300_000));
    const open = new URL("../../dist/spreadsheet/open.js", import.meta.url).href;
    const script = await tempFile("drop-rows.mjs", `const { openSheet } = await import(${JSON.stringify(open)});
      const source = await openSheet(${JSON.stringify(file)}, { csvWorker: true });
      const rows = source.rows[Symbol.asyncIterator]();
      await rows.next(); await rows.next();
      console.log(source.parser);`);
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.on("error", reject);
      child.on("close", (exit) => {
        clearTimeout(timer);
        resolve({ stdout: out, code: exit });
      });
    });
    expect(stdout.trim()).toBe("worker");
    expect(code).toBe(0); // exited on its own: the SIGKILL above is only a guard against a hang
  });
});
