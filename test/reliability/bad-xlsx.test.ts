import { stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import { runCli, sandboxEnv, tempDir, measuredCli, setup } from "../helpers/cli.js";
import { expectEveryRowExplained, readReport } from "./harness.js";
import { HEADER, bombPart, plainWorkbook, row, sheetXml, workbookParts, writeWorkbook, zip } from "./xlsx-files.js";

const fast = ["--rate", "0", "--concurrency", "4"];

async function importXlsx(make: (file: string) => Promise<void>, args: string[] = []) {
  const { sandbox, dir, env } = await setup();
  const file = join(dir, "in.xlsx");
  await make(file);
  const report = join(dir, "report.csv");
  const run = await runCli(["import", file, "--report", report, ...fast, ...args], { env });
  return { run, sandbox, dir, env, file, report };
}

const simpleBook = (rows: ExcelJS.CellValue[][]) => (file: string) =>
  writeWorkbook(file, (workbook) => {
    const sheet = workbook.addWorksheet("Khách hàng");
    sheet.addRow(HEADER);
    for (const values of rows) sheet.addRow(values);
  });

describe("import of an XLSX that cannot be read", () => {
  it("a truncated workbook: exit 2, called damaged with what to do, nothing sent", async () => {
    const { run, sandbox } = await importXlsx(async (file) => {
      await simpleBook([row("KH1"), row("KH2")])(file);
      await truncate(file, Math.floor((await stat(file)).size * 0.6));
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.xlsx is damaged: .*cut short.*\n.*save it again/);
    expect(sandbox.stats.requests).toBe(0);
  });

  it.concurrent("a zip bomb (256 KiB unpacking to 256 MiB, 1,000 times bigger): refused in seconds with bounded memory, nothing sent", { timeout: 30_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const file = join(dir, "in.xlsx");
    await writeFile(file, zip(workbookParts(await bombPart(256))));
    expect((await stat(file)).size).toBeLessThan(300 * 1024);
    const run = await measuredCli(["import", file, ...fast], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.xlsx is too large to read: .*unpacks \d{3,} times bigger \(256 MiB\): a zip bomb/);
    expect(run.peakRssMB).toBeLessThan(200);
    expect(sandbox.stats.requests).toBe(0);
  });

  it.concurrent("a zip bomb whose header lies about its size: stopped as soon as it unpacks past it, bounded memory", { timeout: 30_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const file = join(dir, "in.xlsx");
    await writeFile(file, zip(workbookParts({ ...(await bombPart(64)), declaredSize: 4096 })));
    const run = await measuredCli(["import", file, ...fast], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.xlsx is damaged: its xl\/worksheets\/sheet1\.xml unpacks to more than the size it declares/);
    expect(run.peakRssMB).toBeLessThan(200);
    expect(sandbox.stats.requests).toBe(0);
  });

  it("XML entities (a billion laughs, an external file): refused as damaged, nothing expanded, nothing read", async () => {
    let entities = '<!ENTITY a0 "lol">';
    for (let i = 1; i < 10; i += 1) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const doctype = `<!DOCTYPE worksheet [${entities}<!ENTITY file SYSTEM "file:///etc/passwd">]>`;
    const { run, sandbox } = await importXlsx((file) => writeFile(file, zip(workbookParts({ name: "", data: Buffer.from(sheetXml([["KH1", "&a9;", "personal"], ["KH2", "&file;", "personal"]], doctype)) }))));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.xlsx is damaged: sheet "Khách hàng" cannot be read/);
    expect(run.stderr).not.toContain("lollol");
    expect(run.stderr).not.toContain("root:");
    expect(sandbox.stats.requests).toBe(0);
  });
});

describe("import of an XLSX with many, hidden or merged sheets and cells", () => {
  it("200 sheets: reads the one visible sheet, quickly", async () => {
    const { run, sandbox } = await importXlsx((file) =>
      writeWorkbook(file, (workbook) => {
        for (let i = 1; i < 200; i += 1) workbook.addWorksheet(`Cũ ${i}`, { state: i % 2 ? "hidden" : "veryHidden" }).addRows([HEADER, row(`OLD${i}`)]);
        workbook.addWorksheet("Khách hàng").addRows([HEADER, row("KH1"), row("KH2")]);
      }),
    );
    expect(run.code).toBe(0);
    expect(sandbox.store.list().map((c) => c.general_info.customer_code)).toEqual(["KH1", "KH2"]);
  });

  it("hidden and very hidden sheets are skipped; --sheet can still name a hidden one", async () => {
    const make = (file: string) =>
      writeWorkbook(file, (workbook) => {
        workbook.addWorksheet("Năm cũ", { state: "hidden" }).addRows([HEADER, row("HIDDEN1")]);
        workbook.addWorksheet("Tra cứu", { state: "veryHidden" }).addRows([HEADER, row("VERYHIDDEN1")]);
        workbook.addWorksheet("Khách hàng").addRows([HEADER, row("KH1")]);
      });
    const { run, sandbox, file, env } = await importXlsx(make);
    expect(run.code).toBe(0);
    expect(sandbox.store.list().map((c) => c.general_info.customer_code)).toEqual(["KH1"]);
    const chosen = await runCli(["import", file, "--sheet", "Năm cũ", "--report", `${file}.hidden.csv`, ...fast], { env });
    expect(chosen.code).toBe(0);
    expect(sandbox.store.byCode("HIDDEN1")).toBeDefined();
    expect(sandbox.store.byCode("VERYHIDDEN1")).toBeUndefined();
  });

  it("merged cells: a merged title above the header is skipped; a merged data cell counts once, in its first cell", async () => {
    const { run, sandbox, report } = await importXlsx((file) =>
      writeWorkbook(file, (workbook) => {
        const sheet = workbook.addWorksheet("Khách hàng");
        sheet.addRow(["Danh sách khách hàng 2024"]);
        sheet.mergeCells("A1:H1");
        sheet.addRow(HEADER);
        sheet.addRow(row("KH1"));
        sheet.addRow(["KH2", "Tên gộp hai ô", "", "+84", "0933456789"]);
        sheet.mergeCells("B4:C4");
      }),
    );
    expect(run.code).toBe(1);
    const lines = await readReport(report);
    expectEveryRowExplained(lines, 2);
    expect(lines.map((l) => [l.row, l.status])).toEqual([["3", "created"], ["4", "invalid"]]);
    expect(lines[1]?.message).toMatch(/Type \(general_info\.type\): is required/);
    expect(sandbox.store.count()).toBe(1);
  });
});

const date = new Date(Date.UTC(2024, 1, 29));
const nfd = "Nguyễn Thị Ánh 🌸 Dương".normalize("NFD");

/** [what, row values (over HEADER), the status, and the stored field or the message]. */
const SHAPES: [string, ExcelJS.CellValue[], "created" | "invalid", RegExp | [string, string]][] = [
  ["rich text", ["S01", { richText: [{ text: "Công ty " }, { font: { bold: true }, text: "Hòa Bình" }] }, "personal"], "created", ["general_info.name", "Công ty Hòa Bình"]],
  ["a hyperlink", ["S02", "An", "personal", "", "", { text: "an@example.vn", hyperlink: "mailto:an@example.vn" }], "created", ["general_info.email", "an@example.vn"]],
  ["a formula with a cached text", ["S03", "An", "personal", "", { formula: '"0933"&"456789"', result: "0933456789" }], "created", ["general_info.phone", "0933456789"]],
  ["a formula with a cached 0", ["S04", "An", "personal", "", "", "", { formula: "A1*0", result: 0 }], "created", ["general_info.tax_id", "0"]],
  ["a formula without a cached value", ["S05", { formula: "CONCAT(A1,B1)" } as ExcelJS.CellValue, "personal"], "invalid", /Name \(general_info\.name\): holds the formula =CONCAT\(A1,B1\) with no computed value/],
  ["#N/A from a formula", ["S06", "An", "personal", "", { formula: "NA()", result: { error: "#N/A" } }], "invalid", /Phone \(general_info\.phone\): #N\/A in the cell/],
  ["#N/A typed", ["S07", "An", "personal", "", "", "", { error: "#N/A" }], "invalid", /Tax ID \(general_info\.tax_id\): #N\/A in the cell/],
  ["#REF!", ["S08", { error: "#REF!" }, "personal"], "invalid", /Name \(general_info\.name\): #REF! in the cell/],
  ["a date in a text field", ["S09", "An", "personal", "", "", "", date], "invalid", /Tax ID \(general_info\.tax_id\): holds a date \(2024-02-29\)/],
  ["a logical value", ["S10", true, "personal"], "created", ["general_info.name", "TRUE"]],
  ["a phone Excel made a number", ["S11", "An", "personal", "+84", 933456789], "created", ["general_info.phone", "0933456789"]],
  ["a number of 16 digits", ["S12", "An", "personal", "", "", "", 1234567890123456], "invalid", /Tax ID \(general_info\.tax_id\): lost digits in Excel/],
  ["a decimal number", ["S13", "An", "personal", "", "", "", "", 12.5], "created", ["address.province", "12.5"]],
  ["emoji and combining diacritics (NFD)", ["S14", nfd, "personal"], "created", ["general_info.name", nfd.normalize("NFC")]],
  ["a number in scientific format", ["S15", "An", "personal", "", "", "", 101234567], "invalid", /Tax ID \(general_info\.tax_id\): lost digits in Excel/],
  ["text with surrounding spaces", ["S16", "  Trần Văn Bình  ", "personal"], "created", ["general_info.name", "Trần Văn Bình"]],
  ["a type in Vietnamese, a company without a contact", ["S17", "Công ty Ánh Dương", "Công ty"], "invalid", /a company needs at least one contact person with a name/],
];

describe("import of every cell shape exceljs yields", () => {
  let lines: Record<string, string>[] = [];
  let stored: (code: string) => Record<string, Record<string, string> | undefined> | undefined = () => undefined;
  let exitCode = 0;
  let close = async () => {};

  beforeAll(async () => {
    const sandbox = await startSandbox({ port: 0 });
    const dir = await tempDir("finan-bulk-rel-");
    close = async () => {
      await sandbox.close();
      await dir.cleanup();
    };
    const file = join(dir.path, "in.xlsx");
    await writeWorkbook(file, (workbook) => {
      const sheet = workbook.addWorksheet("Khách hàng");
      sheet.addRow(HEADER);
      for (const [, values] of SHAPES) sheet.addRow(values);
      sheet.getCell(`G${SHAPES.findIndex(([what]) => what === "a number in scientific format") + 2}`).numFmt = "0.00E+00";
    });
    const run = await runCli(["import", file, "--report", join(dir.path, "report.csv"), ...fast], { env: sandboxEnv(sandbox) });
    exitCode = run.code;
    lines = await readReport(join(dir.path, "report.csv"));
    stored = (code) => sandbox.store.byCode(code) as unknown as Record<string, Record<string, string> | undefined> | undefined;
  });
  afterAll(() => close());

  it("reports every row, in order, and exits 1 for the invalid ones", () => {
    expectEveryRowExplained(lines, SHAPES.length);
    expect(lines.map((line) => line["Customer code"])).toEqual(SHAPES.map(([, values]) => values[0]));
    expect(exitCode).toBe(1);
  });

  it.each(SHAPES.map(([what, values, status, expected], index) => [what, index, values, status, expected] as const))("%s", (what, index, values, status, expected) => {
    const line = lines[index]!;
    expect(line.status, line.message).toBe(status);
    if (expected instanceof RegExp) {
      expect(line.message).toMatch(expected);
      expect(stored(String(values[0]))).toBeUndefined();
      return;
    }
    const [path, value] = expected;
    const [group, field] = path.split(".") as [string, string];
    expect(stored(String(values[0]))?.[group]?.[field], what).toBe(value);
  });
});

describe("import of an XLSX with Excel's 1904 date system", () => {
  it("reads dates as the day Excel shows, so the message names the right day", async () => {
    const { run, report } = await importXlsx((file) =>
      writeWorkbook(
        file,
        (workbook) => {
          const sheet = workbook.addWorksheet("Khách hàng");
          sheet.addRow(HEADER);
          sheet.addRow(["D1", "An", "personal", "", "", "", date]);
          sheet.addRow(["D2", "An", "personal", "", "", "", { formula: "DATE(2024,2,29)", result: date }]);
          sheet.getCell("G3").numFmt = "dd/mm/yyyy";
        },
        { date1904: true },
      ),
    );
    expect(run.code).toBe(1);
    const lines = await readReport(report);
    expect(lines.map((line) => line.message)).toEqual([expect.stringMatching(/holds a date \(2024-02-29\)/), expect.stringMatching(/holds a date \(2024-02-29\)/)]);
  });
});

// Child processes measured one by one would take a while: these run side by side. Their files are
// written by hand: exceljs takes seconds for them, and what they prove is how we read, not how it writes.
describe("import of an XLSX built to exhaust memory or time", () => {
  it.concurrent("a 10 MB cell: that row is invalid, naming its column; the others go through; bounded memory", { timeout: 30_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const file = join(dir, "in.xlsx");
    await writeFile(file, plainWorkbook([HEADER, row("KH1"), row("KH2", "x".repeat(10 * 1024 * 1024)), row("KH3")]));
    const run = await measuredCli(["import", file, "--report", join(dir, "report.csv"), ...fast], env);
    expect(run.code).toBe(1);
    const lines = await readReport(join(dir, "report.csv"));
    expect(lines.map((line) => [line.row, line.status])).toEqual([["2", "created"], ["3", "invalid"], ["4", "created"]]);
    expect(lines[1]?.message).toMatch(/^Name \(general_info\.name\): is 10,485,760 characters long, more than a spreadsheet cell holds/);
    expect(sandbox.store.count()).toBe(2);
    // a blow-up (a copy per chunk kept, the cell held many times) would be far above; this run peaks at
    // 236–250 MB on a busy machine (236 before shared strings moved to 1 MiB slabs), so 250 left no margin
    expect(run.peakRssMB).toBeLessThan(300);
  });

  it.concurrent("5,000 columns over 50 rows: imports in seconds with bounded memory", { timeout: 60_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const file = join(dir, "in.xlsx");
    const extra = Array.from({ length: 5000 }, (_, i) => `Cột ${i + 1}`);
    await writeFile(file, plainWorkbook([[...HEADER, ...extra], ...Array.from({ length: 50 }, (_, r) => [...row(`KH${r + 1}`), ...extra.map((_, i) => i)])]));
    const run = await measuredCli(["import", file, "--report", join(dir, "report.csv"), "--json", ...fast], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 50, counts: { created: 50 } });
    expect(sandbox.store.count()).toBe(50);
    expect(run.peakRssMB).toBeLessThan(250);
  });
});
