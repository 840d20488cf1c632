// The language the command line speaks: chosen by --lang, FINAN_BULK_LANG or the locale, for help, usage errors and summaries; --json and headers stay put.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/i18n/catalogue.js";
import type { Translated } from "../../src/i18n/text.js";
import { runCli, tempDir } from "../helpers/cli.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function folder(): Promise<string> {
  const dir = await tempDir("finan-lang-");
  cleanups.push(dir.cleanup);
  return dir.path;
}

/** Every English sentence of the help and of yargs's own words (several words, no placeholder), as the catalogue has it. */
const ENGLISH_HELP = (Object.entries(CATALOGUE) as [string, Translated][])
  .filter(([key]) => key.startsWith("cli.help.") || key.startsWith("cli.yargs."))
  .flatMap(([, entry]) => (typeof entry.en === "string" && entry.en !== entry.vi ? [entry.en] : []))
  .flatMap((text) => text.split(/\{[A-Za-z0-9]+\}|%s|\$0|\n/))
  .map((part) => part.trim())
  .filter((part) => part.split(" ").length >= 3);

/** What is left of English in a text once flag names, placeholders, file names and values are gone. */
function englishWords(text: string): string[] {
  const words = text.replace(/--?[a-z][\w-]*|<[^>]+>|\[[^\]]*\]|"[^"]*"|\b[\w.-]+\.(xlsx|csv|json)\b|[A-Z_]{3,}\w*|https?:\S+/g, " ").match(/(?<![\p{L}\d_-])(the|of|to|with|from|and|a|an|is|are|be|this|that|only|every|default|options?|show|help|examples?|commands?)(?![\p{L}\d_-])/giu);
  return words ?? [];
}

describe("the language", () => {
  it.each([
    ["--lang vi", ["--help", "--lang", "vi"], {}],
    ["FINAN_BULK_LANG=vi", ["--help"], { FINAN_BULK_LANG: "vi" }],
    ["LANG=vi_VN.UTF-8", ["--help"], { LANG: "vi_VN.UTF-8" }],
  ])("%s: the overview help is Vietnamese, with no English sentence left", async (_how, argv, env) => {
    const run = await runCli(argv, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Chuyển dữ liệu khách hàng giữa bảng tính");
    expect(run.stdout).toContain("Tùy chọn chung:");
    for (const sentence of ENGLISH_HELP) expect(run.stdout).not.toContain(sentence);
    expect(englishWords(run.stdout)).toEqual([]);
  });

  it.each(["template", "validate", "import", "export", "undo", "runs", "sandbox"])("%s --help --lang vi: usage, flags, examples and yargs's words in Vietnamese", async (command) => {
    const run = await runCli([command, "--help", "--lang", "vi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`finan-bulk ${command}`);
    expect(run.stdout).toMatch(/Ví dụ:/);
    expect(run.stdout).not.toMatch(/\[(boolean|string|number)\]|\[default:|Show help|Examples:|Options:/);
    for (const sentence of ENGLISH_HELP) expect(run.stdout).not.toContain(sentence);
    expect(englishWords(run.stdout)).toEqual([]);
  });

  it("LC_ALL=C overrides a Vietnamese LANG: English", async () => {
    const run = await runCli(["--help"], { env: { LC_ALL: "C", LANG: "vi_VN.UTF-8" } });
    expect(run.stdout).toContain("Move customer records between spreadsheets");
    expect(run.stdout).toContain("Global options:");
    // the check the Vietnamese help passes finds English here
    expect(englishWords(run.stdout).length).toBeGreaterThan(10);
  });

  it("--lang en beats FINAN_BULK_LANG=vi", async () => {
    const run = await runCli(["import", "x.csv", "--dry-rn", "--lang", "en"], { env: { FINAN_BULK_LANG: "vi" } });
    expect(run.stderr).toBe("finan-bulk import: unknown option --dry-rn (did you mean --dry-run?)\n  → See its options with: finan-bulk import --help\n");
  });
});

describe("a usage error", () => {
  it.each([
    ["en", ["import", "a.csv", "--dry-rn"], "finan-bulk import: unknown option --dry-rn (did you mean --dry-run?)\n  → See its options with: finan-bulk import --help\n"],
    ["vi", ["import", "a.csv", "--dry-rn"], "finan-bulk import: không có tùy chọn --dry-rn (có phải ý bạn là --dry-run?)\n  → Xem các tùy chọn của lệnh: finan-bulk import --help\n"],
    ["vi", ["export", "a.csv", "--conc", "4"], "finan-bulk export: không có tùy chọn --conc (có phải ý bạn là --concurrency?)\n  → Xem các tùy chọn của lệnh: finan-bulk export --help\n"],
    ["vi", ["import", "a.csv", "--no-bakup"], "finan-bulk import: không có tùy chọn --no-bakup (có phải ý bạn là --no-backup?)\n  → Xem các tùy chọn của lệnh: finan-bulk import --help\n"],
    ["en", ["import", "a.csv", "--dryRn"], "finan-bulk import: unknown option --dryRn (did you mean --dry-run?)\n  → See its options with: finan-bulk import --help\n"],
    ["en", ["--bogus"], "finan-bulk: unknown option --bogus\n  → See the commands with: finan-bulk --help\n"],
    ["vi", ["validate", "a.csv", "--bogus"], "finan-bulk validate: không có tùy chọn --bogus\n  → Xem các tùy chọn của lệnh: finan-bulk validate --help\n"],
    ["vi", ["exprot", "a.csv"], "finan-bulk: không có lệnh exprot (có phải ý bạn là export?)\n  → Xem các lệnh: finan-bulk --help\n"],
    ["vi", ["import"], "finan-bulk import: Thiếu tệp cần xử lý: finan-bulk import <input>\n  → Xem các tùy chọn của lệnh: finan-bulk import --help\n"],
    ["en", ["import", "a.csv", "--mode", "replace"], "finan-bulk import: Invalid values: Argument: mode, Given: \"replace\", Choices: \"create\", \"upsert\", \"update\", \"merge\", \"delete\"\n  → See its options with: finan-bulk import --help\n"],
    ["vi", ["import", "a.csv", "--mode", "replace"], "finan-bulk import: Giá trị không hợp lệ: --mode không nhận \"replace\", chỉ nhận: \"create\", \"upsert\", \"update\", \"merge\", \"delete\"\n  → Xem các tùy chọn của lệnh: finan-bulk import --help\n"],
  ])("(%s) %j: one line what is wrong and the flag or command meant, one line where to look; never the whole help", async (lang, argv, said) => {
    const run = await runCli([...argv, "--lang", lang]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(said);
    expect(run.stdout).toBe("");
  });

  it("finds the command after --lang's value: --lang vi import a.csv --bogus", async () => {
    const run = await runCli(["--lang", "vi", "import", "a.csv", "--bogus"]);
    expect(run.stderr).toBe("finan-bulk import: không có tùy chọn --bogus\n  → Xem các tùy chọn của lệnh: finan-bulk import --help\n");
    const dir = await folder();
    const template = await runCli(["--lang", "vi", "template", "mau.csv"], { cwd: dir });
    expect(template.code).toBe(0);
    expect(template.stderr).toMatch(/^Tệp mẫu: mau\.csv/);
  });

  it("without a command, in Vietnamese: the overview of the commands, then what to do", async () => {
    const run = await runCli(["--lang", "vi"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Lệnh:\n  finan-bulk template <file>");
    expect(run.stderr.endsWith("finan-bulk: Hãy ghi tên một lệnh: template, validate, import, export, undo, runs hoặc sandbox.\n  → Xem các lệnh: finan-bulk --help\n")).toBe(true);
  });

  it("with --json under vi: yargs's own reason in the object is English too", async () => {
    const run = await runCli(["import", "a.csv", "--mode", "replace", "--json", "--lang", "vi"]);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: "E_USAGE", message: "Invalid values: Argument: mode, Given: \"replace\", Choices: \"create\", \"upsert\", \"update\", \"merge\", \"delete\"" } });
    expect(run.stderr).toContain("Giá trị không hợp lệ: --mode không nhận");
  });

  it("with --json under vi: the object on stdout stays English, the line on stderr is Vietnamese", async () => {
    const run = await runCli(["import", "a.csv", "--dry-rn", "--json"], { env: { LANG: "vi_VN.UTF-8" } });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: "import", ok: false, exitCode: 2, error: { code: "E_USAGE", message: "unknown option --dry-rn (did you mean --dry-run?)", hint: "See its options with: finan-bulk import --help" } });
    expect(run.stderr).toContain("không có tùy chọn --dry-rn");
  });
});

describe("template under a Vietnamese locale", () => {
  it("says it in Vietnamese but writes English headers: only an explicit --lang changes a file's headers", async () => {
    const dir = await folder();
    const run = await runCli(["template", "x.csv"], { cwd: dir, env: { LANG: "vi_VN.UTF-8" } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Tệp mẫu: x\.csv \(\d+ cột, \d+ dòng ví dụ\)\.\nHãy xóa các dòng ví dụ, điền khách hàng của bạn, rồi chạy: finan-bulk validate x\.csv\n$/);
    const header = (await readFile(join(dir, "x.csv"), "utf8")).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toMatch(/^Customer code,/);
    const vi = await runCli(["template", "y.csv", "--lang", "vi"], { cwd: dir });
    expect((await readFile(join(dir, "y.csv"), "utf8")).replace(/^\uFEFF/, "").split("\r\n")[0]).not.toBe(header);
    expect(vi.stderr).toContain("Tệp mẫu: y.csv");
  });

  it("--json under vi stays English", async () => {
    const dir = await folder();
    const run = await runCli(["template", "x.csv", "--json"], { cwd: dir, env: { FINAN_BULK_LANG: "vi" } });
    expect(JSON.parse(run.stdout)).toMatchObject({ command: "template", file: "x.csv", lang: "en", ok: true });
  });
});

describe("validate --lang vi", () => {
  it("prints its summary, top reasons and hints in Vietnamese; --json keeps them English", async () => {
    const dir = await folder();
    const sample = join(process.cwd(), "samples", "customers-with-mistakes.xlsx");
    const run = await runCli(["validate", sample, "--report", join(dir, "check.xlsx"), "--lang", "vi"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Kiểm tra \d+ dòng, mất \d+,\d giây: \d+ (hợp lệ|không hợp lệ), \d+ (hợp lệ|không hợp lệ)\.$/m);
    expect(run.stderr).toContain("Lỗi gặp nhiều nhất:");
    expect(run.stderr).toMatch(/^Hãy sửa \d+ dòng không hợp lệ ngay trong tệp kết quả/m);
    expect(run.stderr).toContain(`Tệp kết quả: ${join(dir, "check.xlsx")}`);
    expect(run.stderr).not.toMatch(/^(Validation|Report|Top reasons|Fix the)/m);

    const json = await runCli(["validate", sample, "--report", join(dir, "check2.xlsx"), "--json", "--force", "--lang", "vi"], { cwd: dir });
    const object = JSON.parse(json.stdout) as { notes: string[] };
    expect(object.notes[0]).toBe("Top reasons:");
    expect(object.notes.at(-1)).toMatch(/^Fix the \d+ invalid rows? in the report/);
    // the reasons and the unknown-column warning too: a log parser reads the same words whatever the language
    const full = object as unknown as { notes: string[]; warnings: string[]; topReasons: { reason: string }[] };
    expect(full.topReasons.length).toBeGreaterThan(0);
    for (const text of [...full.notes, ...full.warnings, ...full.topReasons.map(({ reason }) => reason)]) expect(text).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|Cột/i);
    expect(run.stderr).toMatch(/^ {2}\d+ × Cột "/m);
  });
});

describe("the commands' own errors in Vietnamese", () => {
  const credentials = { FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s", FINAN_BULK_LANG: "vi" };

  it.each([
    ["export to a format it does not write", ["export", "khach-hang.ods"], "finan-bulk export: Lệnh export chỉ ghi .xlsx hoặc .csv, không ghi \".ods\": khach-hang.ods\n  → Hãy đặt tên tệp là out.xlsx (Excel) hoặc out.csv (văn bản UTF-8).\n"],
    ["--only with a status that is none", ["import", "in.csv", "--only", "không thành công,đã hủy"], "finan-bulk import: --only không thành công,đã hủy: không nhận ra kết quả đã hủy.\n  → Hãy dùng kết quả ghi trong tệp kết quả, ví dụ --only failed,invalid hoặc --only \"không thành công,không hợp lệ\" (các giá trị: đã tạo, đã thay thế, đã xóa, đã bỏ qua, không hợp lệ, không thành công, sẽ tạo, sẽ thay thế, sẽ xóa, hợp lệ).\n"],
    ["undo --run 0", ["undo", "in.report.csv", "--run", "0"], "finan-bulk undo: --run 0: hãy ghi số thứ tự lần chạy như lệnh finan-bulk runs in.report.csv liệt kê (1, 2, …).\n"],
    ["runs --prune -1", ["runs", "in.report.csv", "--prune", "-1"], "finan-bulk runs: --prune -1: hãy ghi số ngày (từ 0 trở lên).\n  → Ví dụ finan-bulk runs in.report.csv --prune 30 xóa nhật ký xử lý của các lần chạy bắt đầu quá 30 ngày trước (không bao giờ xóa lần gần nhất).\n"],
    ["--page-size below its minimum", ["export", "out.csv", "--page-size", "0"], "finan-bulk export: --page-size 0: cần một số nguyên từ 1 trở lên.\n"],
  ])("%s: what is wrong, naming the file or value, and what to do", async (_case, argv, said) => {
    const run = await runCli(argv, { cwd: await folder(), env: credentials });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(said);
  });

  it("template over an existing file: names it and says how to keep it", async () => {
    const dir = await folder();
    await runCli(["template", "mau.csv"], { cwd: dir });
    const run = await runCli(["template", "mau.csv", "--lang", "vi"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("finan-bulk template: Tệp mau.csv đã tồn tại: nếu tạo tệp mẫu ở đây, toàn bộ nội dung của tệp này sẽ bị mất.\n  → Hãy đặt tên khác cho tệp mẫu, hoặc thêm --force để ghi đè.\n");
  });
});
