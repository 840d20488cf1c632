import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("../..", import.meta.url));

// npm 11 skips dependencies' install scripts, so a user's `npm i finan-bulk` leaves exceljs
// unpatched: the built code must then patch it in memory. This lays out such an install (a
// pristine exceljs beside the built dist/) and reads Vietnamese text through it.
describe("exceljs fixes when the install did not patch exceljs", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("patches exceljs in memory and reads 10,000 Vietnamese rows intact", async () => {
    const dir = await tempDir();
    cleanups.push(dir.cleanup);
    const modules = join(dir.path, "node_modules");
    mkdirSync(modules);
    for (const entry of readdirSync(join(root, "node_modules"))) {
      if (entry !== "exceljs" && !entry.startsWith(".")) symlinkSync(join(root, "node_modules", entry), join(modules, entry));
    }
    for (const part of ["package.json", "excel.js", "lib"]) cpSync(join(root, "node_modules/exceljs", part), join(modules, "exceljs", part), { recursive: true });
    cpSync(join(root, "dist"), join(dir.path, "dist"), { recursive: true });
    cpSync(join(root, "patches"), join(dir.path, "patches"), { recursive: true });
    writeFileSync(join(dir.path, "package.json"), JSON.stringify({ type: "module" }));

    // Undo the install-time patch in the copy, with patch-package's own reverse.
    const { parsePatchFile } = require("patch-package/dist/patch/parse") as { parsePatchFile(text: string): unknown[] };
    const { reversePatch } = require("patch-package/dist/patch/reverse") as { reversePatch(effects: unknown[]): unknown[] };
    const { executeEffects } = require("patch-package/dist/patch/apply") as { executeEffects(effects: unknown[], options: object): void };
    executeEffects(reversePatch(parsePatchFile(readFileSync(join(root, "patches/exceljs+4.4.0.patch"), "utf8"))), { dryRun: false, bestEffort: false, cwd: dir.path });
    expect(readFileSync(join(modules, "exceljs/lib/utils/parse-sax.js"), "utf8")).not.toContain("finan-bulk patch");

    writeFileSync(
      join(dir.path, "check.mjs"),
      `
import { ExcelJS, patchedInMemory } from "./dist/spreadsheet/exceljs.js";
import { openSheet } from "./dist/spreadsheet/open.js";
const file = "${join(dir.path, "vi.xlsx")}";
const text = (i) => "Nguyễn Thị Hồng Nhung " + i + ", Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh — Đặng Ứng Ưng Ỷ";
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
const sheet = workbook.addWorksheet("Khách hàng");
for (let i = 0; i < 10000; i++) sheet.addRow(["KH" + i, text(i)]).commit();
sheet.commit();
await workbook.commit();
let rows = 0, broken = 0;
for await (const row of (await openSheet(file)).rows) {
  rows++;
  if (row.cells[1]?.text !== text(row.row - 1)) broken++;
}
console.log(JSON.stringify({ patched: patchedInMemory.map((p) => p.split("node_modules/")[1]), rows, broken }));
`,
    );
    const output = execFileSync(process.execPath, [join(dir.path, "check.mjs")], { cwd: dir.path, encoding: "utf8" });
    const result = JSON.parse(output.trim().split("\n").at(-1)!) as { patched: string[]; rows: number; broken: number };
    expect(result.patched.sort()).toEqual(["exceljs/lib/stream/xlsx/worksheet-reader.js", "exceljs/lib/utils/parse-sax.js"]);
    expect(result).toMatchObject({ rows: 10_000, broken: 0 });
  }, 60_000);

  it("leaves an install-patched exceljs alone", async () => {
    const { patchedInMemory } = await import("../../src/spreadsheet/exceljs.js");
    expect(patchedInMemory).toEqual([]);
  });
});
