// A file the tool cannot read or write, told in Vietnamese: the file, the line or sheet, and what to do, with no English left.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { cannotWrite } from "../../src/file-errors.js";
import { AREAS } from "../../src/i18n/catalogue.js";
import type { Entry } from "../../src/i18n/text.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import { checkExcelWidth } from "../../src/spreadsheet/write-xlsx.js";
import { runCli } from "../helpers/cli.js";
import { csvLine, customerRow, HEADER } from "../helpers/files.js";
import { buildZip, collect, tempDir, tempFile } from "./helpers.js";

// English words a Vietnamese sentence of ours never holds (flags, quoted menu names and the file are taken out first)
const ENGLISH = /(?<!\p{L})(the|is|not|are|its?|an?|of|to|in|and|or|file|line|sheet|cell|cannot|does|exist|save|open|check|rename|run|again|please|which|with|has|named)(?!\p{L})/iu;

/** The text with the verbatim parts (file names, values from the file) and any "quoted" or --flag text taken out. */
function ourWords(text: string, ...verbatim: string[]): string {
  let rest = text;
  for (const part of verbatim) rest = rest.split(part).join(" ");
  return rest.replace(/"[^"]*"/g, " ").replace(/--[a-z0-9-]+/g, " ");
}

function expectVietnamese(text: string | undefined, ...verbatim: string[]): void {
  expect(text).toBeDefined();
  expect(ourWords(text ?? "", ...verbatim), text).not.toMatch(ENGLISH);
  expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
}

async function readError(file: string, options: { sheet?: string } = {}): Promise<ToolError> {
  const error: unknown = await openSheet(file, { ...options, csvWorker: false }).then(collect).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

const csv = (rows: string[][]) => [HEADER, ...rows].map(csvLine).join("\r\n") + "\r\n";

describe("file problems in Vietnamese", () => {
  it("a missing file: names it and says to check the path", async () => {
    const file = join(await tempDir(), "khach-hang.xlsx");
    const error = await readError(file);
    expect(error.text("vi")).toBe(`Không tìm thấy tệp ${file}`);
    expect(error.hintText("vi")).toBe("Hãy kiểm tra lại đường dẫn và tên tệp");
    expect(error.text("en")).toBe(`${file} does not exist`); // English as it was
  });

  it("a CSV renamed .xlsx: says so and to rename it back", async () => {
    const file = await tempFile("customers.xlsx", csv([customerRow(1)]));
    const error = await readError(file);
    expect(error.text("vi")).toBe(`Không đọc được tệp ${file}: đây là tệp CSV bị đổi đuôi thành .xlsx, hãy đổi lại đuôi thành .csv`);
    expectVietnamese(error.text("vi"), file);
    expect(error.hintText("vi")).toBe("Hãy đổi đuôi tệp thành .csv rồi chạy lại");
  });

  it("windows-1258 text: names the file and line, and says which --encoding to pass or how to save it", async () => {
    const bytes = Buffer.concat([Buffer.from(csv([customerRow(1)])), Buffer.from("KH00002,Nguy"), Buffer.from([0xea, 0xcc]), Buffer.from("n,personal\r\n")]);
    const file = await tempFile("in.csv", bytes);
    const error = await readError(file);
    expect(error.code).toBe("E_ENCODING");
    expect(error.text("vi")).toBe(`Tệp ${file}, dòng 3: tệp không dùng bảng mã UTF-8, có lẽ là windows-1258 (Windows tiếng Việt)`);
    expect(error.hintText("vi")).toBe('Hãy thêm --encoding windows-1258, hoặc mở tệp bằng Excel rồi lưu lại dưới dạng "CSV UTF-8 (Comma delimited)"');
    expectVietnamese(error.hintText("vi"));
    expect(error.hint).toBe('Pass --encoding windows-1258, or save it from Excel as "CSV UTF-8 (Comma delimited)"');
  });

  it("a broken quote: names the file and the line where the quoted cell opens", async () => {
    const file = await tempFile("in.csv", csv([customerRow(1)]) + 'KH00002,"Nguyễn Văn,personal\r\n' + csvLine(customerRow(3)));
    const error = await readError(file);
    expect(error.text("vi")).toBe(`Tệp ${file}, dòng 3: một ô mở dấu ngoặc kép ở đây nhưng không có dấu đóng`);
    expectVietnamese(error.hintText("vi"));
    expect(error.hintText("vi")).toContain("lưu lại tệp");
  });

  it("a missing sheet: lists the sheets, hidden ones marked in Vietnamese, and says to choose with --sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Khách hàng").getCell("A1").value = "x";
    workbook.addWorksheet("Tra cứu", { state: "hidden" }).getCell("A1").value = "x";
    workbook.addWorksheet("Ghi chú").getCell("A1").value = "x";
    const file = join(await tempDir(), "customers.xlsx");
    await workbook.xlsx.writeFile(file);
    const error = await readError(file, { sheet: "Customers" });
    expect(error.text("vi")).toBe(`Tệp ${file} không có trang tính tên "Customers"; các trang tính trong tệp: Khách hàng, Tra cứu (đang ẩn), Ghi chú`);
    expect(error.message).toBe(`${file} has no sheet named "Customers"; its sheets are: Khách hàng, Tra cứu (hidden), Ghi chú`);
    expect(error.hintText("vi")).toContain("--sheet");
    expectVietnamese(error.hintText("vi"));
  });

  it("a workbook declaring XML entities: damaged, the reason nested in the same language", async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><workbook><sheets/></workbook>';
    const file = await tempFile("bomb.xlsx", buildZip([{ name: "xl/workbook.xml", data: Buffer.from(xml) }, { name: "xl/_rels/workbook.xml.rels", data: Buffer.from("<Relationships/>") }]));
    const error = await readError(file);
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.text("vi")).toContain(`Tệp ${file} bị hỏng: không đọc được cấu trúc tệp Excel (tệp khai báo DOCTYPE`);
    expectVietnamese(error.text("vi"), file);
    expect(error.message).toContain("it declares a DOCTYPE (XML entities), which no spreadsheet program writes");
    expectVietnamese(error.hintText("vi"));
  });

  it("a full disk: names the file, says the disk is full and to free space", () => {
    const error = cannotWrite("khach-hang.report.xlsx", Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }), { platform: "linux" });
    expect(error.text("vi")).toBe("Không ghi được tệp khach-hang.report.xlsx: ổ đĩa đã đầy.");
    expect(error.hintText("vi")).toBe("Hãy giải phóng bớt dung lượng (hoặc chọn một thư mục trên ổ đĩa khác), rồi chạy lại đúng lệnh này.");
  });

  it("validate --lang vi on a broken file: the line a user sees, and its hint, in Vietnamese", async () => {
    const dir = await tempDir();
    const file = join(dir, "in.csv");
    await writeFile(file, csv([customerRow(1)]) + 'KH00002,"Nguyễn Văn,personal\r\n' + csvLine(customerRow(3)));
    const run = await runCli(["validate", file, "--lang", "vi"], { cwd: dir });
    expect(run.code).toBe(2);
    const [line, hint] = run.stderr.trim().split("\n");
    expect(line).toBe(`finan-bulk validate: Tệp ${file}, dòng 3: một ô mở dấu ngoặc kép ở đây nhưng không có dấu đóng`);
    expect(hint).toMatch(/^ {2}→ Hãy thêm dấu ngoặc kép đóng/);
    expectVietnamese(run.stderr.replace("finan-bulk validate", ""), file);
  });
});

describe("the sheet and files areas of the catalogue", () => {
  // Numbers' own menu names, as the user sees them on screen, and a command to type
  const verbatim = ["File → Export To → Excel", "npm run build"];
  const forms = (entry: Entry): string[] => (typeof entry === "string" ? [entry] : [entry.one, entry.other]);

  it("leave no English word in any Vietnamese entry (values, quotes, flags and menu names aside)", () => {
    for (const [key, entry] of Object.entries({ ...AREAS.sheet, ...AREAS.files })) {
      for (const text of forms(entry.vi)) expect(ourWords(text.replace(/\{[A-Za-z0-9]+\}/g, " "), ...verbatim), key).not.toMatch(ENGLISH);
    }
  });

  it("writer problems: a wrong output name and a sheet wider than Excel's, in Vietnamese", async () => {
    const file = join(await tempDir(), "customers.ods");
    const named: unknown = await createSheetWriter(file, { columns: ["a"] }).catch((caught: unknown) => caught);
    expect(named).toBeInstanceOf(ToolError);
    expect((named as ToolError).text("vi")).toBe(`Không ghi được tệp ${file}: tên tệp phải có đuôi .xlsx, .csv, .tsv hoặc .txt`);
    const wide = (() => {
      try {
        checkExcelWidth("out.xlsx", 20_000);
      } catch (caught) {
        return caught as ToolError;
      }
      return undefined;
    })();
    expect(wide?.text("vi")).toBe("Không ghi được out.xlsx thành tệp Excel: tệp sẽ có 20.000 cột, trong khi một trang tính Excel chỉ chứa được 16.384 cột.");
    expect(wide?.message).toBe("Cannot write out.xlsx as an Excel workbook: it would have 20,000 columns, and an Excel sheet holds 16,384.");
    expectVietnamese(wide?.hintText("vi"));
  });
});
