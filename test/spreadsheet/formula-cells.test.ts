import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSheet } from "../../src/spreadsheet/open.js";
import { runCli } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";
import { workbookParts, zip } from "../reliability/xlsx-files.js";
import { readParts, tempDir } from "./helpers.js";

// How openpyxl (and pandas through it) saves formulas: no cached value, as <v></v>, <v/> or no <v>.
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const OPENPYXL_SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${inline("A1", "Customer code")}${inline("B1", "Name")}${inline("C1", "Type")}</row>
<row r="2">${inline("A2", "KH1")}<c r="B2"><f>UPPER(&quot;an&quot;)</f><v></v></c>${inline("C2", "personal")}</row>
<row r="3">${inline("A3", "KH2")}<c r="B3"><f>D3&amp;E3</f><v/></c>${inline("C3", "personal")}</row>
<row r="4">${inline("A4", "KH3")}<c r="B4"><f>-D4</f></c>${inline("C4", "personal")}</row>
</sheetData></worksheet>`;

async function openpyxlBook(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, "in.xlsx");
  await writeFile(file, zip(workbookParts({ name: "", data: Buffer.from(OPENPYXL_SHEET) })));
  return { dir, file };
}

describe("formula cells saved without a computed value (openpyxl, pandas)", () => {
  it("read as formulas without a value, not as formula errors", async () => {
    const { file } = await openpyxlBook();
    const names = [];
    for await (const row of (await openSheet(file)).rows) names.push(row.cells[1]);
    expect(names.slice(1)).toEqual([
      { kind: "formula-without-value", formula: 'UPPER("an")' },
      { kind: "formula-without-value", formula: "D3&E3" },
      { kind: "formula-without-value", formula: "-D4" },
    ]);
  });

  it("say the formula has no computed value and how to compute it, and both reports keep the formula", async () => {
    const { dir, file } = await openpyxlBook();
    const run = await runCli(["validate", file, "--report", join(dir, "report.csv")]);
    expect(run.code).toBe(1);
    const rows = parseCsv(await readFile(join(dir, "report.csv"), "utf8"));
    expect(rows.map((row) => row.status)).toEqual(["invalid", "invalid", "invalid"]);
    expect(rows[0]?.message).toBe('Name (general_info.name): holds the formula =UPPER("an") with no computed value (the program that wrote the file did not compute it): open the file in Excel or LibreOffice and save it, then run again');
    // CSV: the formula as text, behind the apostrophe that keeps a spreadsheet from running it
    expect(rows.map((row) => row.Name)).toEqual(["'=UPPER(\"an\")", "'=D3&E3", "'=-D4"]);

    await runCli(["validate", file, "--report", join(dir, "report.xlsx")]);
    const sheet = (await readParts(join(dir, "report.xlsx"))).find((part) => part.name === "xl/worksheets/sheet1.xml")!.data.toString("utf8");
    expect(sheet).toContain("<f>UPPER(&quot;an&quot;)</f>");
    expect(sheet).toContain("<f>D3&amp;E3</f>");
    expect(sheet).not.toContain("A formula error");
  });
});
