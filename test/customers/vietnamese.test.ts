// What a Vietnamese run says about a customer list: row issues, warnings, header and mapping errors, in the accountant's words.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDuplicateTracker } from "../../src/customers/duplicates.js";
import { bindColumns, unknownColumnWarnings } from "../../src/customers/header.js";
import { loadMappingFile, loadMappingObject } from "../../src/customers/mapping.js";
import { readInput } from "../../src/customers/read-input.js";
import type { InputRow } from "../../src/customers/read-input.js";
import { createRowMapper } from "../../src/customers/to-payload.js";
import { reasonKind } from "../../src/commands/validate.js";
import { ToolError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";
import { render } from "../../src/i18n/text.js";
import { carriedResult, invalidResult, marksFor, withWarnings } from "../../src/rows/result.js";
import type { Cell, SheetRow } from "../../src/spreadsheet/types.js";

const HEADERS = ["Mã khách hàng", "Tên khách hàng", "Loại khách hàng", "Số điện thoại", "Email", "Mã số thuế", "Ngân hàng 1 - Mã", "Ngân hàng 1 - Số tài khoản"];
const person: Record<string, Cell> = {
  "Mã khách hàng": { kind: "text", text: "KH001" },
  "Tên khách hàng": { kind: "text", text: "Nguyễn Văn A" },
  "Loại khách hàng": { kind: "text", text: "Cá nhân" },
};
const text = (value: string): Cell => ({ kind: "text", text: value });
const sheetRow = (row: number, cells: (string | undefined)[]): SheetRow => ({ row, cells: cells.map((value) => (value === undefined ? undefined : text(value))) });

/** Maps rows of HEADERS through one mapper (duplicates tracked), as validate does. */
function mapper() {
  const { bindings } = bindColumns({ row: 1, cells: HEADERS.map(text) });
  const map = createRowMapper(bindings, { duplicates: createDuplicateTracker() });
  return (row: number, values: Record<string, Cell>) => map({ row, cells: HEADERS.map((header) => values[header]) });
}

/** The report message of a row, in a language. */
function said(outcome: ReturnType<ReturnType<typeof mapper>>, lang: "en" | "vi"): string | undefined {
  if (!outcome.ok) return invalidResult(outcome, lang).message;
  return withWarnings({ row: outcome.row, status: "valid" }, outcome, lang).message;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "finan-vi-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The ToolError a file's reading ends with. */
const failure = (work: Promise<unknown>): Promise<ToolError | undefined> => work.then(() => undefined, (caught: unknown) => caught as ToolError);
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// English words that would betray an untranslated sentence (field paths and flags are allowed).
const ENGLISH = /\b(?:is|the|not|required|cell|column|row|format|retype|holds|duplicate|first|added|removed|invalid|with|and|of)\b/i;
const withoutNames = (message: string) => message.replace(/\b[a-z_]+(?:\.\d+)?\.[a-z_]+\b/g, "").replace(/--\w+/g, "");

describe("row issues in Vietnamese", () => {
  it.each<[string, Record<string, Cell>, string]>([
    ["a required cell left blank", { "Tên khách hàng": text("") }, "Cột \"Tên khách hàng\" (general_info.name): bắt buộc phải có"],
    ["a phone that is not one", { "Số điện thoại": text("gọi sau") }, "Cột \"Số điện thoại\" (general_info.phone): không phải số điện thoại: mỗi ô một số, 6 đến 15 chữ số"],
    ["a bad email", { Email: text("ketoan at congty.vn") }, "Cột \"Email\" (general_info.email): không phải địa chỉ email: hãy sửa lại"],
    ["an unknown type", { "Loại khách hàng": text("VIP") }, "Cột \"Loại khách hàng\" (general_info.type): \"VIP\" không phải loại khách hàng: hãy chọn Cá nhân hoặc Tổ chức"],
    ["a tax ID whose digits Excel lost", { "Mã số thuế": { kind: "number", value: 1234567890123456 } }, "Cột \"Mã số thuế\" (general_info.tax_id): Excel đã tự đổi ô này thành số nên mất chữ số: hãy định dạng cột thành Văn bản (Text) rồi gõ lại"],
    ["an invisible character in the code", { "Mã khách hàng": text("KH001\u200b") }, "Cột \"Mã khách hàng\" (general_info.customer_code): có ký tự vô hình U+200B (dấu cách độ rộng 0) sau \"KH001\": hãy gõ lại mã khách hàng"],
    ["a formula the file holds without its value", { "Tên khách hàng": { kind: "formula-without-value", formula: "UPPER(B2)" } }, "Cột \"Tên khách hàng\" (general_info.name): chứa công thức =UPPER(B2) nhưng chưa có giá trị"],
    ["a formula error", { Email: { kind: "error", error: "#N/A" } }, "Cột \"Email\" (general_info.email): ô có lỗi #N/A: hãy sửa công thức hoặc gõ thẳng giá trị"],
    ["a date in a text column", { "Mã số thuế": { kind: "date", value: new Date("2024-03-05T00:00:00Z") } }, "Cột \"Mã số thuế\" (general_info.tax_id): chứa ngày tháng (2024-03-05): hãy định dạng cột thành Văn bản (Text)"],
    ["a bank account without its number", { "Ngân hàng 1 - Mã": text("203") }, "Cột \"Ngân hàng 1 - Số tài khoản\" (bank_accounts.1.account_number): bắt buộc phải có khi các ô khác của tài khoản ngân hàng này đã được điền"],
  ])("says %s in Vietnamese, naming the column, with what to do", (_, values, expected) => {
    const message = said(mapper()(2, { ...person, ...values }), "vi");
    expect(message).toContain(expected);
    expect(withoutNames(message ?? "")).not.toMatch(ENGLISH);
  });

  it("names a column the file does not have by its Vietnamese template header", () => {
    const message = said(mapper()(2, { ...person, "Loại khách hàng": text("Tổ chức") }), "vi");
    expect(message).toBe("Cột \"Người liên hệ 1 - Tên\" (contact_persons.1.name): khách hàng là tổ chức cần ít nhất một người liên hệ có tên");
    // the same row in English keeps its English words
    expect(said(mapper()(2, { ...person, "Loại khách hàng": text("company") }), "en")).toBe("Contact 1 name (contact_persons.1.name): a company needs at least one contact person with a name");
  });

  it("says a repeated customer code is the same as row 3, as GLOSSARY.md words it", () => {
    const map = mapper();
    map(3, person);
    expect(said(map(7, person), "vi")).toBe("Cột \"Mã khách hàng\" (general_info.customer_code): mã khách hàng trùng với dòng 3: chỉ dòng 3 được nhập; hãy sửa mã hoặc xóa dòng này");
  });

  it("counts repeated codes as one kind of top reason in Vietnamese, whatever their first rows", () => {
    const map = mapper();
    map(3, person);
    map(4, { ...person, "Mã khách hàng": text("KH002") });
    const kinds = [map(7, person), map(9, { ...person, "Mã khách hàng": text("KH002") })].map((outcome) => reasonKind(said(outcome, "vi") ?? ""));
    expect(new Set(kinds).size).toBe(1);
  });

  it("says the restored leading 0 as GLOSSARY.md's example does", () => {
    const message = said(mapper()(2, { ...person, "Số điện thoại": { kind: "number", value: 933456789 } }), "vi");
    expect(message).toBe("Cột \"Số điện thoại\" (general_info.phone): 933456789 thiếu số 0 ở đầu (Excel đã bỏ mất). Đã sửa thành 0933456789");
  });

  it("says a tax ID that lost its leading 0 in GLOSSARY.md's own example", () => {
    const message = said(mapper()(12, { ...person, "Mã số thuế": { kind: "number", value: 100233488 } }), "vi");
    expect(message).toBe("Cột \"Mã số thuế\" (general_info.tax_id): 100233488 thiếu số 0 ở đầu (Excel đã bỏ mất). Đã sửa thành 0100233488");
  });

  it("says removed invisible characters and kept control characters in Vietnamese", () => {
    const message = said(mapper()(2, { ...person, "Tên khách hàng": text("Nguyễn\u00a0Văn\u200b A\u0007") }), "vi");
    expect(message).toBe("Cột \"Tên khách hàng\" (general_info.name): đã bỏ ký tự vô hình U+200B (dấu cách độ rộng 0); đã thay U+00A0 (dấu cách không ngắt dòng) bằng dấu cách; có U+0007 (ký tự điều khiển), ký tự điều khiển không hiện trên màn hình: vẫn gửi nguyên như vậy");
  });

  it("puts each issue's Vietnamese note on its cell of an XLSX report", () => {
    const outcome = mapper()(2, { ...person, Email: text("x") });
    const input: InputRow = { row: 2, values: [], outcome, previous: {} };
    expect(marksFor(input, HEADERS.map((_, column) => column), "vi")).toEqual([{ column: 4, note: expect.stringContaining("không phải địa chỉ email"), severity: "error" }]);
  });
});

describe("a Vietnamese report read back", () => {
  const VI_REPORT = ["Mã khách hàng", "Tên khách hàng", "Loại khách hàng", "Dòng", "Kết quả", "customer_id", "Mã HTTP", "Mã lỗi API", "request_id", "Thông báo", "Số lần gửi"];

  it("recognises the Vietnamese result columns as ours and points at Kết quả", () => {
    const bound = bindColumns(sheetRow(1, VI_REPORT));
    expect(bound.unknown).toEqual([]);
    expect(bound.resultColumns).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bound.statusColumn).toBe(4);
  });

  it("keeps a user's own Kết quả or Thông báo column when the file is not one of our reports", () => {
    const bound = bindColumns(sheetRow(1, ["Mã khách hàng", "Tên khách hàng", "Loại khách hàng", "Kết quả", "Thông báo"]));
    expect(bound.resultColumns).toEqual([]);
    expect(bound.statusColumn).toBeUndefined();
    expect(bound.unknown.map(({ header }) => header)).toEqual(["Kết quả", "Thông báo"]);
  });

  it("does not take marks of two languages for a report (row and status in English, Thông báo in Vietnamese)", () => {
    const bound = bindColumns(sheetRow(1, ["Customer code", "Name", "Type", "row", "status", "Thông báo"]));
    expect(bound.statusColumn).toBeUndefined();
    expect(bound.unknown.map(({ header }) => header)).toEqual(["row", "status", "Thông báo"]);
  });

  describe("from a file", () => {
    it("gives each row's earlier status as the machine's word, and carries it as such", async () => {
      const file = join(dir, "customers.check.csv");
      const rows = [
        VI_REPORT,
        ["KH1", "An", "Cá nhân", "2", "không thành công", "", "503", "", "req-1", "Máy chủ bận", "3"],
        ["KH2", "Bình", "Cá nhân", "3", "Đã tạo", "c-2", "201", "", "req-2", "", "1"],
        ["KH3", "Chi", "Cá nhân", "4", "khong hop le", "", "", "", "", "Email (general_info.email): không phải địa chỉ email", ""],
      ];
      await writeFile(file, rows.map((cells) => cells.join(",")).join("\n"));
      const table = await readInput(file, { csvWorker: false });
      const read: InputRow[] = [];
      for await (const row of table.rows) read.push(row);
      expect(table.headers).toEqual(["Mã khách hàng", "Tên khách hàng", "Loại khách hàng"]);
      expect(read.map((row) => row.previous.status)).toEqual(["failed", "created", "invalid"]);
      expect(read[0]?.previous).toMatchObject({ http_status: "503", request_id: "req-1", message: "Máy chủ bận", attempts: "3" });
      expect(carriedResult(read[0]!)).toMatchObject({ status: "failed", httpStatus: 503, attempts: 3, message: "Máy chủ bận" });
    });
  });

  it("carries an earlier Vietnamese status as the machine's status", () => {
    const outcome = mapper()(2, person);
    expect(carriedResult({ row: 2, values: [], outcome, previous: { status: "Không thành công" } }).status).toBe("failed");
    expect(carriedResult({ row: 2, values: [], outcome, previous: { status: "đã bỏ qua" } }).status).toBe("skipped");
  });
});

describe("header and mapping problems in Vietnamese", () => {
  const thrown = (work: () => unknown): ToolError => {
    try {
      work();
    } catch (error) {
      if (error instanceof ToolError) return error;
      throw error;
    }
    throw new Error("expected a ToolError");
  };

  it("says which required columns are missing, in both languages' names, and what to do", () => {
    const error = thrown(() => bindColumns(sheetRow(2, ["Mã khách hàng", "Email"])));
    expect(error.text("vi")).toBe('Dòng tiêu đề 2 không có cột Name / Tên khách hàng (general_info.name), Type / Loại khách hàng (general_info.type) nên không gửi được dòng nào. Các cột đã nhận ra: A "Mã khách hàng" → general_info.customer_code, B "Email" → general_info.email.');
    expect(error.hintText("vi")).toBe("Hãy đặt tên cột như tệp mẫu (finan-bulk template), hoặc khai báo tên cột của bạn bằng --columns mapping.json.");
    expect(error.message).toContain("Header row 2 has no column for Name / Tên khách hàng (general_info.name)");
  });

  it("says two columns for one field, naming both and the field's Vietnamese header", () => {
    const error = thrown(() => bindColumns(sheetRow(3, ["Name", "Type", "Mã khách hàng", "x", "customer_code"])));
    expect(error.text("vi")).toBe('Dòng tiêu đề 3: hai cột C và E ("Mã khách hàng" và "customer_code") cùng là Mã khách hàng (general_info.customer_code).');
    expect(error.hintText("vi")).toBe("Hãy xóa hoặc đổi tên một trong hai cột rồi chạy lại.");
    const mapping = loadMappingObject({ "Tên gọi": "general_info.name" });
    const mapped = thrown(() => bindColumns(sheetRow(1, ["Customer code", "Name", "Type", "Tên gọi"]), { mapping }));
    expect(mapped.hintText("vi")).toContain('Tệp --columns của bạn đang gán "Tên gọi" vào general_info.name');
  });

  it("says unknown columns in a few lines, then in one counted line", () => {
    const few = unknownColumnWarnings([{ column: 5, header: "Ghi chú" }]);
    expect(few.map((warning) => render("vi", warning))).toEqual(['Cột "Ghi chú" không phải thông tin khách hàng: cột vẫn được giữ trong tệp kết quả nhưng không được gửi đi. Nếu cần gửi, hãy khai báo cột này bằng --columns.']);
    const many = unknownColumnWarnings(Array.from({ length: 1204 }, (_, column) => ({ column, header: `Cột ${column}` })));
    expect(many).toHaveLength(1);
    expect(render("vi", many[0]!)).toBe('1.204 cột không phải thông tin khách hàng: "Cột 0" (A), "Cột 1" (B), "Cột 2" (C) và 1.201 cột khác. Các cột này vẫn được giữ trong tệp kết quả nhưng không được gửi đi; nếu cần gửi, hãy khai báo chúng bằng --columns.');
    expect(render("en", many[0]!)).toBe('1,204 columns are not customer fields: "Cột 0" (A), "Cột 1" (B), "Cột 2" (C) and 1,201 more. They are kept in the report but not sent; map them with --columns if they should be.');
  });

  it("says a bad mapping entry, naming the entry, with the JSON shape to write", () => {
    const error = thrown(() => loadMappingObject({ "Mã KH": "ma_so_bi_mat" }, "mapping.json"));
    expect(error.text("vi")).toBe('mapping.json: mục "Mã KH": "ma_so_bi_mat" không phải trường nào của khách hàng.');
    expect(error.hintText("vi")).toBe('Hãy viết tệp --columns thành một đối tượng JSON: {"Tên cột trong tệp của bạn": "general_info.customer_code", ...}; trường là đường dẫn API (address.province, contact_persons.1.name) hoặc tên cột như trong tệp mẫu.');
    expect(error.hint).toBe('Write the mapping as one JSON object: {"Header in your file": "general_info.customer_code", ...}; a field is an API path (address.province, contact_persons.1.name) or a template header.');
    expect(thrown(() => loadMappingObject([])).text("vi")).toBe("Tệp --columns không phải một đối tượng JSON dạng tên cột → trường.");
    expect(thrown(() => loadMappingObject({ A: "general_info.name", a: "general_info.email" })).text("vi")).toBe('Tệp --columns: hai mục "A" và "a" là cùng một tên cột nhưng được gán vào general_info.name và general_info.email.');
  });

  it("says a mapping file it cannot read, naming the file", async () => {
    const path = join(dir, "mapping.json");
    await writeFile(path, "{ not json");
    const error = await failure(loadMappingFile(path));
    expect(error?.text("vi")).toMatch(new RegExp(`^Không đọc được tệp --columns ${literally(path)}: `));
    expect(error?.hintText("vi")).toBe('Tệp phải là một đối tượng JSON, ví dụ {"Mã KH": "general_info.customer_code"}.');
  });

  it("says a file without a header row in Vietnamese, naming the file and the rows looked at", async () => {
    const file = join(dir, "khach.csv");
    await writeFile(file, "Danh sách khách hàng\nSTT,Ghi chú\n1,x\n");
    const error = await failure(readInput(file, { csvWorker: false }));
    expect(error?.code).toBe("E_HEADER_NOT_FOUND");
    expect(error?.text("vi")).toBe(`Không tìm thấy dòng tiêu đề trong 3 dòng đầu của tệp ${file}: không dòng nào có ít nhất hai tên cột mà finan-bulk nhận ra (ví dụ "Customer code", "Name", "Type" hoặc "Mã khách hàng", "Tên khách hàng", "Loại khách hàng").`);
    expect(error?.hintText("vi")).toContain("Hãy đặt dòng tiêu đề trong 10 dòng đầu");
    await writeFile(file, "\n\n");
    expect((await failure(readInput(file, { csvWorker: false })))?.text("vi")).toBe(`Tệp ${file} không có dòng nào.`);
  });

  it("names the file in front of a header error in Vietnamese too", async () => {
    const file = join(dir, "khach.csv");
    await writeFile(file, "Mã khách hàng,Email\nKH1,a@b.vn\n");
    const error = await failure(readInput(file, { csvWorker: false }));
    expect(error?.text("vi")).toMatch(new RegExp(`^${literally(file)}: Dòng tiêu đề 1 không có cột`));
    expect(error?.hintText("vi")).toContain("Hãy đặt tên cột như tệp mẫu");
  });
});

describe("validate --lang vi on a customer list", () => {
  it("writes each row's problems in Vietnamese in the report and warns about an unknown column in Vietnamese", async () => {
    const input = join(dir, "khach.csv");
    const rows = [
      ["Mã khách hàng", "Tên khách hàng", "Loại khách hàng", "Email", "Ghi chú"],
      ["KH1", "", "Cá nhân", "an@example.vn", ""],
      ["KH2", "Bình", "VIP", "binh at example.vn", "gọi lại"],
      ["KH1", "Chi", "Cá nhân", "", ""],
    ];
    await writeFile(input, rows.map((cells) => cells.join(",")).join("\n"));
    const run = await runCli(["validate", input, "--lang", "vi"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cột "Ghi chú" không phải thông tin khách hàng');
    const report = await readFile(join(dir, "khach.check.csv"), "utf8");
    expect(report).toContain("Cột \"\"Tên khách hàng\"\" (general_info.name): bắt buộc phải có");
    expect(report).toContain('Cột ""Loại khách hàng"" (general_info.type): ""VIP"" không phải loại khách hàng');
    expect(report).toContain("Cột \"\"Email\"\" (general_info.email): không phải địa chỉ email");
    expect(report).toContain("Cột \"\"Mã khách hàng\"\" (general_info.customer_code): mã khách hàng trùng với dòng 2");
    expect(report).not.toMatch(/is required|is not an|duplicate customer_code/);
  });

  it("reads a Vietnamese report back as input: its result columns are neither data nor unknown columns", async () => {
    const input = join(dir, "khach.check.csv");
    const rows = [
      ["Mã khách hàng", "Tên khách hàng", "Loại khách hàng", "Dòng", "Kết quả", "Thông báo"],
      ["KH1", "An", "Cá nhân", "2", "không hợp lệ", "Cột \"Tên khách hàng\" (general_info.name): bắt buộc phải có"],
      ["KH2", "Bình", "Tổ chức", "3", "hợp lệ", ""],
    ];
    await writeFile(input, rows.map((cells) => cells.join(",")).join("\n"));
    const run = await runCli(["validate", input, "--lang", "vi", "--report", join(dir, "again.csv")]);
    expect(run.stderr).not.toContain("Dòng");
    expect(run.stderr).not.toContain("Kết quả");
    const header = (await readFile(join(dir, "again.csv"), "utf8")).replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    expect(header.startsWith("Mã khách hàng,Tên khách hàng,Loại khách hàng,")).toBe(true);
    expect(header.split(",")).toHaveLength(6);
  });
});
