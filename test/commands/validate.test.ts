import { existsSync } from "node:fs";
import { readFile, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reasonKind } from "../../src/commands/validate.js";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { HEADER, customerRow, parseCsv, writeCustomersCsv } from "../helpers/files.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()?.();
});

async function folder(): Promise<string> {
  const dir = await tempDir("finan-validate-");
  cleanups.push(dir.cleanup);
  return dir.path;
}

/** Valid row 2, invalid row 3 (bad email), valid row 4 with a restored leading 0. */
const MIXED = [customerRow(1), customerRow(2, { Email: "lan@@gmail" }), customerRow(4, { Phone: "912345678" })];

async function writeXlsx(path: string, rows: string[][], header = HEADER): Promise<string> {
  const writer = await createSheetWriter(path, { columns: header });
  for (const row of rows) await writer.write(row);
  await writer.close();
  return path;
}

async function csvHeader(path: string): Promise<string[]> {
  return (await readFile(path, "utf8")).replace(/^\uFEFF/, "").split("\r\n")[0]!.split(",");
}

describe("finan-bulk validate", () => {
  it("writes the input's columns then row, status and message, one line per data row in input order", async () => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "customers.csv", MIXED);
    const run = await runCli(["validate", input]);
    const reportPath = join(dir, "customers.check.csv");
    expect(await csvHeader(reportPath)).toEqual([...HEADER, "row", "status", "message"]);
    const report = parseCsv(await readFile(reportPath, "utf8"));
    expect(report.map((r) => [r.row, r.status, r["Customer code"]])).toEqual([
      ["2", "valid", "KH00001"],
      ["3", "invalid", "KH00002"],
      ["4", "valid", "KH00004"],
    ]);
    const bankNameFilled = "Bank 1 name (bank_accounts.1.bank_name): bank name Vietcombank filled in from the bank code 203";
    expect(report[0]?.message).toBe(bankNameFilled);
    expect(report[1]?.message).toBe(`Email (general_info.email): is not an email address; ${bankNameFilled}`);
    expect(report[1]?.Email).toBe("lan@@gmail");
    expect(report[2]?.message).toBe(`Phone (general_info.phone): added the leading 0 Excel dropped (912345678 → 0912345678); ${bankNameFilled}`);
    expect(run.stderr).toContain("Validation: 3 rows");
    expect(run.stderr).toContain(`Report: ${reportPath}`);
  });

  it.each([
    { when: "every row is valid", rows: [customerRow(1), customerRow(2)], code: 0 },
    { when: "a row is invalid", rows: [customerRow(1), customerRow(2, { Name: "" })], code: 1 },
    { when: "a code repeats", rows: [customerRow(1), customerRow(1)], code: 1 },
    { when: "the file has a header and no rows", rows: [], code: 0 },
  ])("exits $code when $when", async ({ rows, code }) => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "in.csv", rows);
    expect((await runCli(["validate", input])).code).toBe(code);
  });

  it.each([
    ["the input does not exist", async (dir: string) => [join(dir, "missing.csv")], "does not exist"],
    ["no row is a header", async (dir: string) => [await writeCustomersCsv(dir, "x.csv", [["a", "b"]], ["foo", "bar"])], "No header row"],
    ["the report would overwrite the input", async (dir: string) => {
      const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
      return [input, "--report", input];
    }, "would overwrite the input"],
    ["the report is a link to the input", async (dir: string) => {
      const input = await writeCustomersCsv(dir, "customers.csv", [customerRow(1)]);
      await symlink(input, join(dir, "link.csv"));
      return [join(dir, "link.csv"), "--report", input];
    }, "would overwrite the input"],
    ["the report cannot be written", async (dir: string) => [await writeCustomersCsv(dir, "in.csv", [customerRow(1)]), "--report", join(dir, "no", "such", "r.csv")], "Cannot write"],
  ])("exits 2 with a message when %s", async (_, argv, message) => {
    const dir = await folder();
    const run = await runCli(["validate", ...(await argv(dir))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("writes an XLSX report for an XLSX input, and a CSV one when --report says .csv", async () => {
    const dir = await folder();
    const input = await writeXlsx(join(dir, "Khách hàng.xlsx"), MIXED);
    expect((await runCli(["validate", input])).code).toBe(1);
    expect(existsSync(join(dir, "Khách hàng.check.xlsx"))).toBe(true);
    const csvReport = join(dir, "out.csv");
    await runCli(["validate", input, "--report", csvReport]);
    expect(parseCsv(await readFile(csvReport, "utf8")).map((r) => r.status)).toEqual(["valid", "invalid", "valid"]);
  });

  it("highlights each invalid cell of an XLSX report and puts its message in the cell's note", async () => {
    const dir = await folder();
    const input = await writeXlsx(join(dir, "in.xlsx"), MIXED);
    await runCli(["validate", input]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "in.check.xlsx"));
    const sheet = workbook.worksheets[0]!;
    const emailColumn = HEADER.indexOf("Email") + 1;
    const bad = sheet.getRow(3).getCell(emailColumn);
    expect(bad.value).toBe("lan@@gmail");
    expect(noteText(bad.note)).toBe("Email (general_info.email): is not an email address");
    expect(bad.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    const good = sheet.getRow(2).getCell(emailColumn);
    expect(good.note).toBeUndefined();
    expect((good.fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(sheet.getRow(3).getCell(HEADER.length + 2).value).toBe("invalid");
  });

  it.each(["csv", "xlsx"])("re-validates its own %s report: the result columns are ignored", async (extension) => {
    const dir = await folder();
    const input = extension === "csv" ? await writeCustomersCsv(dir, "in.csv", MIXED) : await writeXlsx(join(dir, "in.xlsx"), MIXED);
    await runCli(["validate", input]);
    const again = await runCli(["validate", join(dir, `in.check.${extension}`), "--report", join(dir, `again.${extension}`), "--json"]);
    expect(again.code).toBe(1);
    const summary = JSON.parse(again.stdout) as { counts: Record<string, number>; warnings: string[] };
    expect(summary.counts).toEqual({ valid: 2, invalid: 1 });
    expect(summary.warnings).toEqual([]);
    if (extension === "csv") {
      expect(await csvHeader(join(dir, "again.csv"))).toEqual([...HEADER, "row", "status", "message"]);
    }
  });

  it("prints one JSON object on stdout with --json: counts, warnings and top reasons", async () => {
    const dir = await folder();
    const rows = [
      customerRow(1, { Email: "a@@x" }),
      customerRow(2, { Email: "b at x" }),
      customerRow(3, { Type: "khách lẻ", Email: "c@" }),
      customerRow(4, { Type: "VIP" }),
      customerRow(5, { Phone: "912345678" }),
    ];
    const input = await writeCustomersCsv(dir, "in.csv", rows, [...HEADER, "Ghi chú"]);
    const run = await runCli(["validate", input, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      command: "validate",
      rows: 5,
      counts: { valid: 1, invalid: 4 },
      // a restored 0, and a bank name filled in from the code on each row
      rowWarnings: 6,
      report: join(dir, "in.check.csv"),
      warnings: [expect.stringContaining('"Ghi chú"')],
      topReasons: [
        { reason: "Email (general_info.email): is not an email address", rows: 3 },
        { reason: 'Type (general_info.type): "…" is not a customer type: use personal (cá nhân) or company (tổ chức, công ty, doanh nghiệp)', rows: 2 },
      ],
    });
    expect(run.stderr).toBe("");
  });

  it("prints the summary and the top reasons on stderr, and warns once about an unknown column", async () => {
    const dir = await folder();
    const rows = Array.from({ length: 40 }, (_, i) => customerRow(i + 1, i % 10 === 0 ? { Email: `x${i}@` } : {}));
    const input = await writeCustomersCsv(dir, "in.csv", rows.map((row) => [...row, "ghi chú"]), [...HEADER, "Notes"]);
    const run = await runCli(["validate", input]);
    expect(run.stdout).toBe("");
    expect(run.stderr.match(/Column "Notes" is not a customer field/g)).toHaveLength(1);
    expect(run.stderr).toContain("Validation: 40 rows — 36 valid, 4 invalid");
    expect(run.stderr).toContain("4 × Email (general_info.email): is not an email address");
  });

  it("opens no network connection, with no base URL or credentials in the environment", async () => {
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(3)]);
    const run = await runCli(["validate", input], { env: {} });
    expect(run.code).toBe(0);
    expect(connect).not.toHaveBeenCalled();
  });

  it("stops at Ctrl-C with exit 130, leaving the rows checked so far in the report", async () => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 20 }, (_, i) => customerRow(i + 1)));
    const interrupt = new AbortController();
    interrupt.abort();
    const run = await runCli(["validate", input], { signal: interrupt.signal });
    expect(run.code).toBe(130);
    expect(parseCsv(await readFile(join(dir, "in.check.csv"), "utf8")).length).toBeLessThan(20);
  });

  it("keeps Vietnamese text and leading zeros in the report exactly as in the input", async () => {
    const dir = await folder();
    const name = "Tôn Nữ Minh Thư";
    const input = join(dir, "in.csv");
    await writeFile(input, `\uFEFF${HEADER.join(",")}\r\n${customerRow(1, { Name: name.normalize("NFD"), "Tax ID": "0301234567" }).join(",")}\r\n`);
    await runCli(["validate", input]);
    const [row] = parseCsv(await readFile(join(dir, "in.check.csv"), "utf8"));
    expect(row?.Name).toBe(name.normalize("NFC"));
    expect(row?.["Tax ID"]).toBe("0301234567");
  });

  it("says which sheet it read and suggests --sheet when the first sheet is a cover page", async () => {
    const dir = await folder();
    const input = join(dir, "cover.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Hướng dẫn").getCell("A1").value = "Danh sách khách hàng: xem sheet sau";
    const data = workbook.addWorksheet("Khách hàng");
    data.addRow(HEADER);
    data.addRow(customerRow(1));
    await workbook.xlsx.writeFile(input);
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No header row in its only row of sheet "Hướng dẫn" of ${input}`);
    expect(run.stderr).toContain("choose it with --sheet NAME (this workbook also has: Khách hàng)");
    expect((await runCli(["validate", input, "--sheet", "Khách hàng"])).code).toBe(0);
  });

  it("marks invalid a row whose cell holds an Excel error saved as text (#N/A in a CSV from Excel)", async () => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1, { Province: "#N/A" }), customerRow(2)]);
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(1);
    const rows = parseCsv(await readFile(join(dir, "in.check.csv"), "utf8"));
    expect(rows.map((row) => row.status)).toEqual(["invalid", "valid"]);
    expect(rows[0]?.message).toContain("#N/A in the cell");
    expect(rows[0]?.Province).toBe("#N/A");
  });

  it("writes the report of a ; list with ; (as Excel set to Vietnamese lists saves and opens it)", async () => {
    const dir = await folder();
    const input = join(dir, "in.csv");
    const row = customerRow(1, { Name: "Công ty A; chi nhánh 2" }).map((cell) => (cell.includes(";") ? `"${cell}"` : cell));
    await writeFile(input, `\uFEFF${HEADER.join(";")}\r\n${row.join(";")}\r\n`);
    expect((await runCli(["validate", input])).code).toBe(0);
    const text = (await readFile(join(dir, "in.check.csv"), "utf8")).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe([...HEADER, "row", "status", "message"].join(";"));
    expect(text).toContain('"Công ty A; chi nhánh 2"');
    const again = await runCli(["validate", join(dir, "in.check.csv"), "--report", join(dir, "again.csv"), "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { valid: 1, invalid: 0 } });
  });

  it("keeps a shifted row's extra cells after the report's columns, so the report read again fails it again", async () => {
    const dir = await folder();
    const input = join(dir, "in.csv");
    const header = ["Customer code", "Name", "Type", "Street address", "Province"];
    await writeFile(input, `${header.join(",")}\r\nK5,An,personal,12 Lê Lợi, Phường 1,Hà Nội\r\nK6,Bình,personal,3 Hai Bà Trưng,Huế\r\n`);
    expect((await runCli(["validate", input])).code).toBe(1);
    const report = join(dir, "in.check.csv");
    const lines = (await readFile(report, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[1]).toMatch(/^K5,An,personal,12 Lê Lợi, Phường 1,2,invalid,".*",Hà Nội$/);
    for (const round of [1, 2]) {
      const again = join(dir, `again${round}.csv`);
      expect((await runCli(["validate", round === 1 ? report : join(dir, "again1.csv"), "--report", again])).code).toBe(1);
      const rows = parseCsv(await readFile(again, "utf8"));
      expect(rows.map((row) => row.status)).toEqual(["invalid", "valid"]);
      expect(rows[0]?.message).toContain('extra: "Hà Nội"');
      expect((await readFile(again, "utf8")).split("\r\n")[1]).toMatch(/,Hà Nội$/);
    }
  });

  it("re-validates its own CSV report unchanged, round after round (a +84 keeps one apostrophe)", async () => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Name: "=Công ty A" })]);
    let current = input;
    for (const round of [1, 2, 3]) {
      const report = join(dir, `round${round}.csv`);
      const run = await runCli(["validate", current, "--report", report]);
      expect(run.code).toBe(0);
      const rows = parseCsv(await readFile(report, "utf8"));
      expect(rows.map((row) => [row["Phone code"], row.Name, row.status])).toEqual([
        ["'+84", "Nguyễn Thị Hồng 1", "valid"],
        ["'+84", "'=Công ty A", "valid"],
      ]);
      current = report;
    }
  });

  it("keeps the user's own Status and Message columns (a file that is not our report) with a warning", async () => {
    const dir = await folder();
    const header = [...HEADER, "Status", "Message"];
    const input = await writeCustomersCsv(dir, "in.csv", [[...customerRow(1), "Đang hoạt động", "Khách quen"]], header);
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Column "Status" is not a customer field');
    const report = join(dir, "in.check.csv");
    expect(await csvHeader(report)).toEqual([...header, "row", "status", "message"]);
    const [row] = parseCsv(await readFile(report, "utf8"));
    expect(row?.Status).toBe("Đang hoạt động");
    expect(row?.Message).toBe("Khách quen");
    expect(row?.status).toBe("valid");
    // and that report, validated again, keeps them as the user's and reads its own result columns as results
    const again = await runCli(["validate", report, "--report", join(dir, "again.csv")]);
    expect(again.code).toBe(0);
    expect(await csvHeader(join(dir, "again.csv"))).toEqual([...header, "row", "status", "message"]);
  });
});

describe("reasonKind", () => {
  it.each([
    ['Type (general_info.type): "VIP" is not a customer type', 'Type (general_info.type): "…" is not a customer type'],
    ["Customer code (general_info.customer_code): duplicate customer_code, first at row 12", "Customer code (general_info.customer_code): duplicate customer_code, first at row …"],
    ["Street address (address.address): holds a date (2024-05-12): format the column as Text", "Street address (address.address): holds a date (…): format the column as Text"],
    ["Contact 2 name (contact_persons.2.name): is required", "Contact 2 name (contact_persons.2.name): is required"],
  ])("groups %s", (message, kind) => {
    expect(reasonKind(message)).toBe(kind);
  });
});

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (note === undefined || typeof note === "string") return note;
  return note.texts?.map((run) => run.text).join("");
}

describe("finan-bulk validate with very many unknown columns", () => {
  it("says so in one warning line with the count and the first names, also in --json", async () => {
    const dir = await folder();
    // 20,000 print as 20,000 lines as surely as the 120,000, at a sixth of the test's time
    const extra = Array.from({ length: 20_000 }, (_, i) => `x${i + 1}`);
    const input = await writeCustomersCsv(dir, "wide.csv", [[...customerRow(1), ...extra.map(() => "")]], [...HEADER, ...extra]);
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split("\n").filter((line) => line.includes("not customer fields"));
    expect(lines).toEqual([expect.stringContaining('20,000 columns are not customer fields: "x1" (L), "x2" (M), "x3" (N) and 19,997 more')]);
    expect(run.stderr.length).toBeLessThan(2_000);
    const json = await runCli(["validate", input, "--json", "--report", join(dir, "again.csv")]);
    expect(json.stdout.length).toBeLessThan(4_000);
    const summary = JSON.parse(json.stdout) as { warnings: string[] };
    expect(summary.warnings).toEqual([lines[0]!.replace(/^warning: /, "")]);
  });

  it("names each of a few unknown columns on its own line", async () => {
    const dir = await folder();
    const input = await writeCustomersCsv(dir, "few.csv", [[...customerRow(1), "a", "b"]], [...HEADER, "Notes", "Sales rep"]);
    const run = await runCli(["validate", input]);
    expect(run.stderr).toContain('Column "Notes" is not a customer field');
    expect(run.stderr).toContain('Column "Sales rep" is not a customer field');
  });
});
