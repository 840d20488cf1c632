import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, measuredCli, setup } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { HEADER, customerRow } from "../helpers/files.js";
import { expectEveryRowExplained, readReport } from "./harness.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const csvLine = (cells: string[]) => `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\r\n`;
const csv = (rows: string[][], header = HEADER) => [header, ...rows].map(csvLine).join("");

/** Writes `content` as `name` in a fresh sandboxed folder and imports it. */
async function importFile(name: string, content: string | Uint8Array, args: string[] = [], register?: Register) {
  const { sandbox, dir, env } = await setup({}, register);
  const file = join(dir, name);
  await writeFile(file, content);
  const run = await runCli(["import", file, ...fast, ...args], { env });
  return { run, file, sandbox, dir, report: join(dir, name.replace(/\.\w+$/, ".report.csv")) };
}

describe("import of a CSV that cannot be read", () => {
  it.each<[string, string | Uint8Array, RegExp]>([
    ["an empty file", "", /in\.csv is empty \(0 bytes\)/],
    ["a file of a BOM and blank lines", "\uFEFF\r\n\r\n,,\r\n", /in\.csv has no rows at all/],
    ["no recognisable header", "Họ và tên,Điện thoại\r\nAn,0933456789\r\n", /No header row in the first 2 rows of .*in\.csv.*--columns/s],
    ["two columns for the same field", "Customer code,Name,Type,Tên khách hàng\r\nKH1,An,personal,Bình\r\n", /Header row 1: columns B and D \("Name" and "Tên khách hàng"\) are both Name \(general_info\.name\)/],
    ["an unclosed quote", csv([customerRow(1)]) + 'KH00002,"Nguyễn Văn,personal\r\n' + csvLine(customerRow(3)), /in\.csv: line 3: a quoted cell opens here and is never closed/],
    ["a NUL byte", Buffer.concat([Buffer.from(csv([customerRow(1)])), Buffer.from([0]), Buffer.from(csvLine(customerRow(2)))]), /in\.csv: line 3: a NUL byte/],
    ["bytes that are not UTF-8", Buffer.concat([Buffer.from(csv([customerRow(1)])), Buffer.from("KH00002,Nguy"), Buffer.from([0xea, 0xcc]), Buffer.from("n,personal\r\n")]), /in\.csv: line 3: the file is not UTF-8; it is probably windows-1258.*--encoding windows-1258/s],
    ["UTF-16 without a byte-order mark", Buffer.from(csv([customerRow(1)]), "utf16le"), /in\.csv looks like UTF-16 text without a byte-order mark.*--encoding utf-16le/s],
  ])("%s: exit 2, a message saying where and what to do, nothing sent", async (_what, content, message) => {
    const { run, sandbox } = await importFile("in.csv", content);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(sandbox.stats.requests).toBe(0);
  });

  it("reads UTF-16 without a byte-order mark when told its encoding", async () => {
    const { run, sandbox } = await importFile("in.csv", Buffer.from(csv([customerRow(1)]), "utf16le"), ["--encoding", "utf-16le"]);
    expect(run.code).toBe(0);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Thị Hồng 1");
  });

  it("a CSV named .xlsx: exit 2, says to rename it, nothing sent", async () => {
    const { run, sandbox } = await importFile("in.xlsx", csv([customerRow(1)]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.xlsx is not an Excel \.xlsx file \(it looks like CSV text\): rename it to \.csv/);
    expect(sandbox.stats.requests).toBe(0);
  });

  it("a header and no data: exit 0, an empty report, nothing created", async () => {
    const { run, sandbox, report } = await importFile("in.csv", csv([]));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Import: 0 rows/);
    expect(await readReport(report)).toEqual([]);
    expect(sandbox.store.count()).toBe(0);
  });

  // In a child process: before f29ac4d rows were sent ahead of the broken line, and the reader's error
  // met rows still in flight (the process died on "Cannot write the journal").
  it.concurrent.for<[string, string]>([
    ["an unclosed quote", 'KH09999,"Nguyễn Văn,personal\r\n'],
    ["a NUL byte", "KH09999,Nguy\u0000n,personal\r\n"],
  ])("%s far down the file: exit 2 naming its line, and nothing is sent", async ([, broken], { onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const input = join(dir, "in.csv");
    await writeFile(input, csv(Array.from({ length: 1000 }, (_, i) => customerRow(i + 1))) + broken);
    const run = await spawnCli(["import", input, ...fast], env).exit;
    expect(run.stderr).toMatch(/in\.csv: line 1002/);
    expect(run.code).toBe(2);
    expect(sandbox.stats.requests).toBe(0);
  });

  it("two columns for the same field: the message names the file", async () => {
    const { run } = await importFile("in.csv", "Customer code,Name,Type,Tên khách hàng\r\nKH1,An,personal,Bình\r\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.csv.*columns B and D/);
  });
});

describe("import of a CSV with awkward but readable content", () => {
  it("__proto__, constructor and toString headers are ordinary unknown columns: kept in the report, warned about, nothing polluted", async () => {
    const header = ["Customer code", "Name", "Type", "__proto__", "constructor", "toString"];
    const { run, sandbox, report } = await importFile("in.csv", csv([["KH1", "An", "personal", "x", "y", "z"]], header));
    expect(run.code).toBe(0);
    for (const name of ["__proto__", "constructor", "toString"]) expect(run.stderr).toContain(`Column "${name}" is not a customer field`);
    expect(await readReport(report)).toMatchObject([{ __proto__: "x", constructor: "y", toString: "z", status: "created" }]);
    expect(sandbox.store.byCode("KH1")?.general_info).toEqual({ name: "An", customer_code: "KH1", type: "personal" });
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("a --columns mapping with a __proto__ key maps that header like any other", async () => {
    const { sandbox, dir, env } = await setup();
    const input = join(dir, "in.csv");
    await writeFile(input, csv([["KH1", "An", "personal"]], ["Customer code", "__proto__", "Type"]));
    await writeFile(join(dir, "map.json"), '{"__proto__": "general_info.name"}');
    const run = await runCli(["import", input, "--columns", join(dir, "map.json"), ...fast], { env });
    expect(run.code).toBe(0);
    expect(sandbox.store.byCode("KH1")?.general_info.name).toBe("An");
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("ragged rows: a short row is judged on the cells it has, every row is reported in order", async () => {
    const rows = [customerRow(1), ["KH00002", "Bình"], customerRow(3)];
    const { run, sandbox, report } = await importFile("in.csv", csv(rows));
    expect(run.code).toBe(1);
    const lines = await readReport(report);
    expectEveryRowExplained(lines, 3);
    expect(lines.map((l) => [l.row, l.status])).toEqual([["2", "created"], ["3", "invalid"], ["4", "created"]]);
    expect(lines[1]?.message).toMatch(/Type \(general_info\.type\): is required/);
    expect(sandbox.store.count()).toBe(2);
  });

  // An unquoted comma in an address shifts every later cell one column right.
  it("a row with more cells than the header is not sent: its cells have probably shifted", async () => {
    const shifted = ["KH00002", "Bình", "personal", "+84", "0933456789", "binh@example.vn", "0101234567", "12 Lê Lợi", " Quận 1", "", "203", "0071001234567890"];
    const { run, sandbox, report } = await importFile("in.csv", csv([customerRow(1), shifted]));
    expect(run.code).toBe(1);
    const [, line] = await readReport(report);
    expect(line).toMatchObject({ row: "3", status: "invalid" });
    expect(line?.message).toMatch(/12 cells.*11 columns/);
    expect(sandbox.store.byCode("KH00002")).toBeUndefined();
  });

  it("emoji and combining diacritics: NFD input is stored NFC, emoji intact", async () => {
    const nfd = "Nguyễn Thị Ánh 🌸 Dương".normalize("NFD");
    const { run, sandbox } = await importFile("in.csv", csv([customerRow(1, { Name: nfd, Province: "Thừa Thiên Huế".normalize("NFD") })]));
    expect(run.code).toBe(0);
    const stored = sandbox.store.byCode("KH00001")!;
    expect(stored.general_info.name).toBe("Nguyễn Thị Ánh 🌸 Dương".normalize("NFC"));
    expect(stored.general_info.name).not.toBe(nfd);
    expect(stored.address?.province).toBe("Thừa Thiên Huế".normalize("NFC"));
  });
});

// Child processes measured one by one would take a while: these run side by side.
describe("import of a CSV built to exhaust memory or time", () => {
  it.concurrent("a 10 MB cell: stops in seconds with bounded memory, names the file and line, sends nothing", async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const input = join(dir, "in.csv");
    await writeFile(input, csv([customerRow(1), customerRow(2, { Name: "x".repeat(10 * 1024 * 1024) }), customerRow(3)]));
    const run = await measuredCli(["import", input, ...fast], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.csv: line 3: a record longer than 1 MiB/);
    expect(run.peakRssMB).toBeLessThan(200);
    expect(sandbox.stats.requests).toBe(0);
  });

  // Found by this suite: a quoted cell cut by the record limit was reported as never closed.
  it.concurrent("a quoted 10 MB cell is called too long, not an unclosed quote", async ({ onTestFinished }) => {
    const { run } = await importFile("in.csv", csv([customerRow(1, { Name: `"${"x".repeat(10 * 1024 * 1024)}", chi nhánh` })]), [], onTestFinished);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.csv: line 2/);
    expect(run.stderr).not.toMatch(/never closed/);
  });

  it.concurrent("5,000 columns over 200 rows: imports in seconds with bounded memory, keeps every column in the report", { timeout: 30_000 }, async ({ onTestFinished }) => {
    const { sandbox, dir, env } = await setup({}, onTestFinished);
    const extra = Array.from({ length: 5000 }, (_, i) => `Cột ${i + 1}`);
    const rows = Array.from({ length: 200 }, (_, r) => [...customerRow(r + 1), ...extra.map((_, i) => String(i))]);
    const input = join(dir, "in.csv");
    await writeFile(input, csv(rows, [...HEADER, ...extra]));
    const run = await measuredCli(["import", input, ...fast, "--json"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: 200, counts: { created: 200 } });
    // A million cells, each a string and an object that live for one row: the peak is the garbage the
    // collector has not reached yet, 213-251 MB over runs on a 2-core machine. Rows held at once are
    // bounded by cells (src/import/run.ts), so memory that grew with the rows would go far past this.
    expect(run.peakRssMB).toBeLessThan(300);
    expect(sandbox.store.count()).toBe(200);
    const report = await readFile(join(dir, "in.report.csv"), "utf8");
    expect(report.split("\r\n")[0]?.split(",")).toHaveLength(HEADER.length + 5000 + 8);
  });
});

describe("validate of a CSV that cannot be read", () => {
  it("stops with exit 2 at the line where the quoted cell opens", async () => {
    const { dir } = await setup();
    const input = join(dir, "in.csv");
    await writeFile(input, csv([customerRow(1)]) + 'KH2,"open\r\n');
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/in\.csv: line 3: a quoted cell opens here and is never closed/);
  });
});
