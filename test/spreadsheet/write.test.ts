import { lstat, readFile, readdir, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { unneutraliseFormula } from "../../src/spreadsheet/formula-guard.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import type { WriteOptions } from "../../src/spreadsheet/types.js";
import { collect, tempDir, texts } from "./helpers.js";
import { noSmallDisk, smallDisk } from "../helpers/small-disk.js";

const COLUMNS = ["Mã khách hàng", "Tên khách hàng", "Số điện thoại", "Ghi chú"];
const ROWS: (string | undefined)[][] = [
  ["00123", "Nguyễn Thị Hồng Nhung", "+84 933 456 789", "=1+1"],
  ["KH002", 'Công ty "Đại Phước", chi nhánh 1', "0912345678", "dòng 1\r\ndòng 2\nLF only"],
  ["KH003", undefined, "-5", "@SUM(A1)"],
  ["012345678901234567", "", "'=already quoted", "\ttab first"],
];

async function writeAll(file: string, options: Partial<WriteOptions> = {}, rows = ROWS): Promise<void> {
  const writer = await createSheetWriter(file, { columns: COLUMNS, ...options });
  for (const row of rows) await writer.write(row);
  await writer.close();
}

const blankToUndefined = (rows: (string | undefined)[][]) => rows.map((row) => row.map((value) => (value === "" ? undefined : value)));
const trimTrailing = (rows: (string | undefined)[][]) =>
  rows.map((row) => {
    const copy = [...row];
    while (copy.length > 0 && copy.at(-1) === undefined) copy.pop();
    return copy;
  });

describe("createSheetWriter for CSV", () => {
  it("writes UTF-8 with a BOM, neutralised formulas, RFC 4180 quoting, and reads back unchanged", async () => {
    const file = join(await tempDir(), "export.csv");
    await writeAll(file, { neutraliseFormulas: true });
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("'=1+1");
    expect(text).toContain("'+84 933 456 789");
    expect(text).toContain('"Công ty ""Đại Phước"", chi nhánh 1"');
    expect(text).toContain('"dòng 1\r\ndòng 2\nLF only"');
    const source = await openSheet(file);
    const rows = await collect(source);
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5]);
    const values = texts(rows).map((row) => row.map((value) => (value === undefined ? undefined : unneutraliseFormula(value))));
    expect(values).toEqual(trimTrailing(blankToUndefined([COLUMNS, ...ROWS])));
  });

  it("writes formulas as they are without neutraliseFormulas, and no BOM when asked", async () => {
    const file = join(await tempDir(), "raw.csv");
    await writeAll(file, { bom: false });
    const text = await readFile(file, "utf8");
    expect(text.startsWith("Mã khách hàng,")).toBe(true);
    expect(text).toContain(",=1+1\r\n");
  });

  it("separates .tsv cells with tabs", async () => {
    const file = join(await tempDir(), "export.tsv");
    await writeAll(file, {}, [["KH1", "An, Bình", "0912", "x"]]);
    expect(await readFile(file, "utf8")).toContain("KH1\tAn, Bình\t0912\tx\r\n");
    const source = await openSheet(file);
    expect(source.delimiter).toBe("\t");
  });
});

describe("createSheetWriter files", () => {
  it.each(["out.csv", "out.xlsx"])("writes %s atomically: a temp file beside it, renamed on close", async (name) => {
    const folder = await tempDir();
    const writer = await createSheetWriter(join(folder, name), { columns: COLUMNS });
    await writer.write(ROWS[0] ?? []);
    const during = await readdir(folder);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(new RegExp(`^${name.replace(".", "\\.")}\\.tmp-${process.pid}-[0-9a-f]+$`));
    await writer.close();
    expect(await readdir(folder)).toEqual([name]);
  });

  it.each(["out.csv", "out.xlsx"])("leaves nothing behind when %s is aborted, and keeps an older file", async (name) => {
    const folder = await tempDir();
    const file = join(folder, name);
    await writeFile(file, "older");
    const writer = await createSheetWriter(file, { columns: COLUMNS });
    for (let i = 0; i < 500; i++) await writer.write([`KH${i}`, "Nguyễn Văn A"]);
    await writer.abort();
    expect(await readdir(folder)).toEqual([name]);
    expect(await readFile(file, "utf8")).toBe("older");
  });

  it.each(["report.csv", "report.xlsx"])("replaces a link planted at %s instead of writing through it", async (name) => {
    const folder = await tempDir();
    const victim = join(folder, "victim.txt");
    await writeFile(victim, "not yours", { mode: 0o644 });
    const file = join(folder, name);
    await symlink(victim, file);
    await writeAll(file, { mode: 0o600 });
    expect(await readFile(victim, "utf8")).toBe("not yours");
    expect((await stat(victim)).mode & 0o777).toBe(0o644);
    expect((await lstat(file)).isSymbolicLink()).toBe(false);
    expect(texts(await collect(await openSheet(file)))[0]).toEqual(COLUMNS);
  });

  it("removes the temp file a killed earlier run left for the same target, and keeps a live run's", async () => {
    const folder = await tempDir();
    const file = join(folder, "out.csv");
    const dead = join(folder, `out.csv.tmp-${deadPid()}-0badf00d`);
    const alive = join(folder, `out.csv.tmp-${process.pid}-0badf00d`);
    await writeFile(dead, "every customer's data");
    await writeFile(alive, "this run's data");
    const hourAgo = new Date(Date.now() - 3_600_000);
    await Promise.all([dead, alive].map((path) => utimes(path, hourAgo, hourAgo)));
    await writeAll(file);
    expect((await readdir(folder)).sort()).toEqual(["out.csv", `out.csv.tmp-${process.pid}-0badf00d`]);
  });

  it.each(["report.csv", "report.xlsx"])("creates %s with mode 0600, even over a 0644 file", async (name) => {
    const file = join(await tempDir(), name);
    await writeFile(file, "old", { mode: 0o644 });
    await writeAll(file, { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(noSmallDisk !== undefined).each(["full.csv", "full.xlsx"])(`reports a full disk for %s instead of hanging, and leaves no temp file ${noSmallDisk ?? ""}`, async (name) => {
    const disk = smallDisk(256);
    try {
      const file = join(disk.path, name);
      const error: unknown = await (async () => {
        const writer = await createSheetWriter(file, { columns: COLUMNS });
        // random digits: the xlsx is deflated, and repeated text would fit in 256 KiB
        const random = seededDigits(7);
        for (let i = 0; i < 20_000; i++) await writer.write([`KH${i}`, "Nguyễn Văn A", "0912345678", random(60)]);
        await writer.close();
      })().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ToolError);
      expect((error as ToolError).code).toBe("E_FILE_UNWRITABLE");
      expect((error as ToolError).message).toBe(`Cannot write ${file}: the disk is full.`);
      expect(await readdir(disk.path)).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it("refuses an .xlsx cell longer than Excel holds, naming the row and column, and leaves no temp file", async () => {
    const folder = await tempDir();
    const writer = await createSheetWriter(join(folder, "out.xlsx"), { columns: COLUMNS });
    await writer.write(["KH1", "An"]);
    const error: unknown = await writer.write(["KH2", "Bình", undefined, "x".repeat(32_768)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toBe(`Cannot write ${join(folder, "out.xlsx")} as an Excel workbook: row 3, column "Ghi chú" holds 32,768 characters, and an Excel cell holds 32,767.`);
    expect((error as ToolError).hint).toMatch(/\.csv/);
    await expect(writer.close()).rejects.toBe(error);
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses an .xlsx wider than Excel holds before creating anything", async () => {
    const folder = await tempDir();
    const columns = Array.from({ length: 16_385 }, (_, i) => `C${i}`);
    await expect(createSheetWriter(join(folder, "wide.xlsx"), { columns })).rejects.toMatchObject({ code: "E_FILE_TOO_LARGE" });
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses an output name it cannot write", async () => {
    const error: unknown = await createSheetWriter(join(await tempDir(), "out.pdf"), { columns: COLUMNS }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe("E_USAGE");
  });

  it("says when the folder does not exist", async () => {
    const file = join(await tempDir(), "missing", "out.csv");
    const error: unknown = await createSheetWriter(file, { columns: COLUMNS }).catch((caught: unknown) => caught);
    expect((error as ToolError).code).toBe("E_FILE_UNWRITABLE");
    expect((error as ToolError).message).toContain(file);
  });
});

/** A process id no process has now: past the kernel's largest. */
function deadPid(): number {
  return 4_194_304 + 17;
}

/** Digits from a fixed-seed generator (no Math.random: the same run every time). */
function seededDigits(seed: number): (length: number) => string {
  let state = seed;
  return (length) => {
    let text = "";
    for (let i = 0; i < length; i++) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      text += String(state % 10);
    }
    return text;
  };
}
