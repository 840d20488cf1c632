import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { parseCsv } from "../helpers/files.js";
import { readParts, rezip } from "../spreadsheet/helpers.js";
import { harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

// An address typed on two lines, as Finan's web form stores it (CRLF), and a name with an old Mac CR.
const STREET = "12 Lê Lợi\r\nPhường Bến Nghé";
const CUSTOMER: CustomerPayload = {
  general_info: { name: "Công ty Ánh Dương\rChi nhánh 2", customer_code: "KH1", type: "personal" },
  address: { address: STREET },
};

let h: Harness;
let sheet = "";

beforeAll(async () => {
  h = await harness();
  h.seed([CUSTOMER]);
  expect((await h.run(["export", "out.xlsx", "--rate", "0"])).code).toBe(0);
  sheet = (await readParts(join(h.dir, "out.xlsx"))).find((part) => part.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");
});

afterAll(() => h.close());

async function cellsOf(file: string): Promise<Map<string, string>> {
  const rows: string[][] = [];
  for await (const row of (await openSheet(file)).rows) rows.push(row.cells.map((cell) => (cell?.kind === "text" ? cell.text : "")));
  const [header = [], first = []] = rows;
  return new Map(header.map((name, i) => [name, first[i] ?? ""]));
}

/** A dry-run import of `file` against the server it came from: the report's message for the row. */
async function dryRun(file: string): Promise<{ status?: string; message?: string }> {
  const report = join(h.dir, `${file}.dry.csv`);
  const run = await h.run(["import", file, "--dry-run", "--rate", "0", "--report", report]);
  expect(run.code, run.stderr).toBe(0);
  const [row] = parseCsv(await readFile(report, "utf8"));
  return { status: row?.status, message: row?.message };
}

describe("line breaks in an XLSX export", () => {
  it("are written as real line breaks in a wrapped cell, as Excel writes them, never as _x000D_", () => {
    expect(sheet).not.toContain("_x000D_");
    expect(sheet).toContain("12 Lê Lợi\nPhường Bến Nghé");
    expect(sheet).toContain("Công ty Ánh Dương\nChi nhánh 2");
  });

  it("wrap the cells that hold them, so the lines show", async () => {
    const styles = (await readParts(join(h.dir, "out.xlsx"))).find((part) => part.name === "xl/styles.xml")!.data.toString("utf8");
    const cell = /<c r="[A-Z]+2" s="(\d+)"[^>]*>(?:<is>)?<[tv][^>]*>12 Lê Lợi/.exec(sheet);
    const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1]?.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/gs) ?? [];
    expect(xfs[Number(cell?.[1])]).toContain('wrapText="1"');
  });

  it("read back as line breaks", async () => {
    const cells = await cellsOf(join(h.dir, "out.xlsx"));
    expect(cells.get("Street address")).toBe("12 Lê Lợi\nPhường Bến Nghé");
  });

  it("re-import with no change: CRLF, CR and LF are the same line break", async () => {
    expect(await dryRun("out.xlsx")).toEqual({ status: "would-replace", message: "no change" });
  });

  it("compare equal in a dry run whichever break the file has (a CSV with LF against CRLF on the server)", async () => {
    await writeFile(join(h.dir, "lf.csv"), `Customer code,Name,Type,Street address\r\nKH1,"Công ty Ánh Dương\nChi nhánh 2",personal,"12 Lê Lợi\nPhường Bến Nghé"\r\n`);
    expect(await dryRun("lf.csv")).toEqual({ status: "would-replace", message: "no change" });
  });

  it("survive a LibreOffice save of an older export, which wrote _x005F_x000D_ for our _x000D_", async () => {
    const target = join(h.dir, "libreoffice.xlsx");
    await rezip(join(h.dir, "out.xlsx"), target, (part) =>
      part.name === "xl/worksheets/sheet1.xml" ? { name: part.name, data: Buffer.from(part.data.toString("utf8").replace(/12 Lê Lợi(?:_x000D_)?\n/, "12 Lê Lợi_x005F_x000D_\n")) } : part,
    );
    expect((await cellsOf(target)).get("Street address")).toBe(STREET);
    expect(await dryRun("libreoffice.xlsx")).toEqual({ status: "would-replace", message: "no change" });
  });
});
