// Read + map + validate: ours (readInput over the file, counting valid rows) against the bare parsers
// over the same generated file. Needs `npm run build` first.
//   node bench/read.mjs [--quick] [--only csv|xlsx] [--csv-rows N] [--xlsx-rows N] [--repeat N]
// Figures as JSON lines on stdout (the protocol of bench/run.mjs); progress on stderr.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCsv, writeXlsx } from "./lib/data.mjs";
import { alternate, childMain, figure, log, runChild, scriptMain } from "./lib/measure.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL("../dist/", import.meta.url);
export const RSS_LIMIT_MB = 250;

/** The child side: one measurement of one reader over one file. */
const TASKS = {
  async ours(file) {
    const { readInput } = await import(new URL("customers/read-input.js", DIST).href);
    // the XLSX reader loads lazily; loaded before the clock, as the bare side's exceljs is
    if (file.endsWith(".xlsx")) await import(new URL("spreadsheet/read-xlsx.js", DIST).href);
    return childMain(async () => {
      const table = await readInput(file);
      let valid = 0;
      let invalid = 0;
      for await (const row of table.rows) {
        if (row.outcome.ok) valid++;
        else invalid++;
      }
      return { rows: valid, invalid };
    });
  },
  async "parse-thread"(file) {
    // the reader's parsing thread's whole work, on this thread: csv-parse as the reader sets it up, plus packing for the hand-over
    const { csvBatches } = await import(new URL("spreadsheet/csv-records.js", DIST).href);
    return childMain(async () => {
      let records = 0;
      for await (const batch of csvBatches(file, { encoding: "utf-8", bom: true }, ",")) records += batch.records.length / 3;
      return { rows: records - 1 };
    });
  },
  async "csv-parse"(file) {
    const { parse } = await import("csv-parse");
    return childMain(async () => {
      let records = 0;
      for await (const _ of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) records++;
      return { rows: records - 1 };
    });
  },
  async papaparse(file) {
    const { default: Papa } = await import("papaparse");
    return childMain(
      () =>
        new Promise((resolve, reject) => {
          let records = 0;
          Papa.parse(createReadStream(file, { encoding: "utf8" }), { step: () => records++, complete: () => resolve({ rows: records - 1 }), error: reject });
        }),
    );
  },
  async "raw-read"(file) {
    return childMain(async () => {
      let bytes = 0;
      for await (const chunk of createReadStream(file)) bytes += chunk.length;
      return { bytes };
    });
  },
  async exceljs(file) {
    const { default: ExcelJS } = await import("exceljs");
    return childMain(async () => {
      // a script's loop: every row's values, from the first sheet
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
      let records = 0;
      let cells = 0;
      for await (const sheet of reader) {
        for await (const row of sheet) {
          records++;
          cells += row.values.length;
        }
        break;
      }
      return { rows: records - 1, cells };
    });
  },
};

function checkRows(name, results, rows) {
  for (const result of results) {
    if (result.rows !== rows || result.invalid) throw new Error(`${name} read ${result.rows} rows (${result.invalid ?? 0} invalid), expected ${rows} valid`);
  }
}

const rowsPerSecond = (results, rows) => results.map((r) => rows / (r.ms / 1000));
const peakMB = (results) => results.map((r) => r.maxRssKB / 1024);

async function csvBench(dir, rows, repeat) {
  const file = join(dir, "customers.csv");
  log(`read: writing ${rows.toLocaleString("en-US")} CSV rows...`);
  const bytes = await writeCsv(file, rows);
  log(`read: ${(bytes / 1e6).toFixed(0)} MB; measuring ${repeat}× each side`);
  const side = (task) => () => runChild(SELF, [task, file]);
  const r = await alternate({ ours: side("ours"), "csv-parse": side("csv-parse"), "parse-thread": side("parse-thread"), papaparse: side("papaparse"), "raw-read": side("raw-read") }, repeat, log);
  checkRows("ours", r.ours, rows);
  checkRows("parse-thread", r["parse-thread"], rows);
  checkRows("csv-parse", r["csv-parse"], rows);
  checkRows("papaparse", r.papaparse, rows);
  const n = rows.toLocaleString("en-US");
  figure({ bench: "read", figure: `CSV read+map+validate, ${n} rows`, unit: "rows/s", ours: rowsPerSecond(r.ours, rows), baseline: rowsPerSecond(r["csv-parse"], rows), baselineName: "csv-parse alone", goal: "ratio ≥ 0.75", pass: ({ ratio }) => ratio >= 0.75 });
  figure({
    bench: "read",
    figure: `CSV parsing thread's work alone, ${n} rows`,
    unit: "rows/s",
    ours: rowsPerSecond(r["parse-thread"], rows),
    baseline: rowsPerSecond(r["csv-parse"], rows),
    baselineName: "csv-parse alone",
    note: "context: the reader's ceiling. Its parsing thread (csv-parse as the reader sets it up, plus packing records for the hand-over) is busy the whole run, and the mapping thread beside it slows it further where two busy cores slow each other",
  });
  figure({ bench: "read", figure: `CSV read+map+validate, ${n} rows`, unit: "rows/s", ours: rowsPerSecond(r.ours, rows), baseline: rowsPerSecond(r.papaparse, rows), baselineName: "papaparse alone", note: "context: the fastest JS CSV parser, no mapping or validation" });
  const mbps = (results) => results.map((x) => bytes / 1e6 / (x.ms / 1000));
  figure({ bench: "read", figure: `CSV throughput, ${(bytes / 1e6).toFixed(0)} MB file`, unit: "MB/s", ours: mbps(r.ours), baseline: mbps(r["raw-read"]), baselineName: "raw file read (fs stream)", note: "context: how far from the disk" });
  figure({ bench: "read", figure: `CSV peak RSS, ${n} rows`, unit: "MB", better: "lower", ours: peakMB(r.ours), baseline: peakMB(r["csv-parse"]), baselineName: "csv-parse alone", goal: `ours < ${RSS_LIMIT_MB} MB`, pass: ({ ours }) => ours < RSS_LIMIT_MB });
}

async function xlsxBench(dir, rows, repeat) {
  const file = join(dir, "customers.xlsx");
  log(`read: writing ${rows.toLocaleString("en-US")} XLSX rows (exceljs streaming writer, shared strings)...`);
  await writeXlsx(file, rows);
  log(`read: ${((await stat(file)).size / 1e6).toFixed(1)} MB; measuring ${repeat}× each side`);
  const side = (task) => () => runChild(SELF, [task, file]);
  const r = await alternate({ ours: side("ours"), exceljs: side("exceljs") }, repeat, log);
  checkRows("ours", r.ours, rows);
  checkRows("exceljs", r.exceljs, rows);
  const n = rows.toLocaleString("en-US");
  figure({ bench: "read", figure: `XLSX read+map+validate, ${n} rows`, unit: "rows/s", ours: rowsPerSecond(r.ours, rows), baseline: rowsPerSecond(r.exceljs, rows), baselineName: "exceljs streaming reader alone", goal: "ratio ≥ 1.5", pass: ({ ratio }) => ratio >= 1.5 });
  figure({ bench: "read", figure: `XLSX peak RSS, ${n} rows`, unit: "MB", better: "lower", ours: peakMB(r.ours), baseline: peakMB(r.exceljs), baselineName: "exceljs streaming reader alone", goal: "ratio ≤ 0.6", pass: ({ ratio }) => ratio <= 0.6 });
}

export async function runReadBench({ quick = false, only, csvRows, xlsxRows, repeat } = {}) {
  const times = repeat ?? (quick ? 1 : 3);
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-read-"));
  try {
    if (only === undefined || only === "csv") await csvBench(dir, csvRows ?? (quick ? 20_000 : 1_000_000), times);
    if (only === undefined || only === "xlsx") await xlsxBench(dir, xlsxRows ?? (quick ? 5_000 : 100_000), times);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await scriptMain(import.meta.url, { tasks: TASKS, flags: { quick: "boolean", only: "string", "csv-rows": "number", "xlsx-rows": "number", repeat: "number" }, run: runReadBench });
