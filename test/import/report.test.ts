// The per-row report on its own: the input's columns then the result's, safe to open in Excel, never over the input.
import { link, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPORT_COLUMNS, openReport } from "../../src/import/report.js";
import type { RowResult } from "../../src/rows/result.js";
import { parseCsv } from "../helpers/files.js";

const HEADERS = ["Mã khách hàng", "Tên"];
const created: RowResult = { row: 2, status: "created", customerCode: "KH1", customerId: "id-1", httpStatus: 201, apiCode: 102001, requestId: "req-1", attempts: 1 };
const failed: RowResult = { row: 3, status: "failed", customerCode: "KH2", httpStatus: 400, apiCode: 104000, requestId: "req-2", message: "email must email", attempts: 2 };

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = "";
});
const folder = async () => (dir = await mkdtemp(join(tmpdir(), "finan-report-")));

describe("openReport", () => {
  it("writes the input's own columns, then the result columns, one line a row, with a BOM for Excel", async () => {
    const path = join(await folder(), "in.report.csv");
    const report = await openReport(path, HEADERS, "import", "en");
    await report.write({ values: ["KH1", "Nguyễn Văn An"] }, created);
    await report.write({ values: ["KH2", "Trần, \"Bình\"\ndòng 2"] }, failed);
    await report.close();
    const text = await readFile(path, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.split(/\r?\n/)[0]).toBe(`\uFEFF${[...HEADERS, ...REPORT_COLUMNS.import].join(",")}`);
    expect(parseCsv(text)).toEqual([
      { "Mã khách hàng": "KH1", Tên: "Nguyễn Văn An", row: "2", status: "created", customer_id: "id-1", http_status: "201", api_code: "102001", request_id: "req-1", message: "", attempts: "1" },
      { "Mã khách hàng": "KH2", Tên: "Trần, \"Bình\"\ndòng 2", row: "3", status: "failed", customer_id: "", http_status: "400", api_code: "104000", request_id: "req-2", message: "email must email", attempts: "2" },
    ]);
  });

  it("keeps cells past the input's header after the result columns, and a validate report has only row, status and message", async () => {
    const path = join(await folder(), "in.check.csv");
    const report = await openReport(path, HEADERS, "validate", "en");
    await report.write({ values: ["KH1", "An"], overflow: ["thừa 1", "thừa 2"] }, { row: 2, status: "invalid", message: "Type: must be personal or company" });
    await report.close();
    const [header, line] = (await readFile(path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("Mã khách hàng,Tên,row,status,message");
    expect(line).toBe("KH1,An,2,invalid,Type: must be personal or company,thừa 1,thừa 2");
  });

  it("a cell that Excel would run as a formula is written so it cannot run", async () => {
    const path = join(await folder(), "in.report.csv");
    const report = await openReport(path, HEADERS, "import", "en");
    await report.write({ values: ["KH1", '=HYPERLINK("http://evil.example","Bấm")'] }, created);
    await report.close();
    const [row] = parseCsv(await readFile(path, "utf8"));
    expect(row?.Tên).not.toMatch(/^[=+\-@]/);
    expect(row?.Tên).toContain('HYPERLINK("http://evil.example","Bấm")');
  });

  it("is delimited as its input was (a Vietnamese Excel's semicolon)", async () => {
    const path = join(await folder(), "in.report.csv");
    const report = await openReport(path, HEADERS, "import", "en", undefined, ";");
    await report.write({ values: ["KH1", "An; Bình"] }, created);
    await report.close();
    const [header, line] = (await readFile(path, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(`Mã khách hàng;Tên;${REPORT_COLUMNS.import.join(";")}`);
    expect(line).toBe('KH1;"An; Bình";2;created;id-1;201;102001;req-1;;1');
  });

  it("is readable by its owner only: it holds personal data", async () => {
    const path = join(await folder(), "in.report.csv");
    const report = await openReport(path, HEADERS, "import", "en");
    await report.close();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("replaces an earlier report only when closed; aborted, the earlier one is left whole and nothing else stays behind", async () => {
    const path = join(await folder(), "in.report.csv");
    await writeFile(path, "the earlier report\n");
    const report = await openReport(path, HEADERS, "import", "en");
    await report.write({ values: ["KH1", "An"] }, created);
    expect(await readFile(path, "utf8")).toBe("the earlier report\n");
    await report.abort();
    expect(await readFile(path, "utf8")).toBe("the earlier report\n");
    expect(await readdir(dir)).toEqual(["in.report.csv"]);
  });

  it.each(["the input itself", "a hard link to the input"])("refuses %s as the report, and leaves the input as it was", async (what) => {
    const input = join(await folder(), "in.csv");
    await writeFile(input, "Mã khách hàng,Tên\nKH1,An\n");
    const path = what === "the input itself" ? input : join(dir, "other.csv");
    if (path !== input) await link(input, path);
    await expect(openReport(path, HEADERS, "import", "en", input)).rejects.toMatchObject({ code: "E_REPORT", message: `The report would overwrite the input ${input}.`, hint: expect.stringContaining("--report") });
    expect(await readFile(input, "utf8")).toBe("Mã khách hàng,Tên\nKH1,An\n");
  });
});
