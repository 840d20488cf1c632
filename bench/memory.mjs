// Issue 17: memory flat in rows. Peak RSS of `import` (unlimited sandbox) and `validate` of a
// generated CSV at 10,000, 100,000 and 1,000,000 rows, and the slope between the smallest and the
// largest (bytes a row): at most ~200 bytes a row, under 300 MB at 1,000,000. And `validate` of a
// generated 1,000,000-row XLSX (shared strings, as Excel saves it): under 1 GB.
// The sandbox runs here, in the parent; each command in a child process. Needs `npm run build` first.
//   node bench/memory.mjs [--quick] [--rows 10000,100000,1000000] [--xlsx-rows 1000000] [--only import|validate|xlsx]
// Figures as JSON lines on stdout (the protocol of bench/run.mjs); progress on stderr.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importChild } from "./lib/cli.mjs";
import { writeCsv, writeXlsx } from "./lib/data.mjs";
import { figure, log, runChild, scriptMain } from "./lib/measure.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL("../dist/", import.meta.url);
export const RSS_LIMIT_MB = 300;
const SLOPE_LIMIT = 200;
export const XLSX_RSS_LIMIT_MB = 1024;

const TASKS = {
  async import(file, report) {
    return importChild(["import", file, "--report", report, "--rate", "0", "--concurrency", "16"], (summary) => ({ rows: summary.counts?.created ?? 0 }));
  },
  async validate(file, report) {
    return importChild(["validate", file, "--report", report], (summary) => ({ rows: summary.counts?.valid ?? 0 }), "validate");
  },
};

async function peakRss(command, file, report, rows) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const sandbox = command === "import" ? await startSandbox({ port: 0 }) : undefined;
  const env = sandbox ? { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey } : process.env;
  try {
    const result = await runChild(SELF, [command, file, report], { env, timeoutMs: 60 * 60_000 });
    if (result.rows !== rows) throw new Error(`${command} of ${rows} rows counted ${result.rows} (exit ${result.code})`);
    log(`  ${command} ${rows.toLocaleString("en-US")} rows: ${(result.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(result.maxRssKB / 1024)} MB`);
    return result.maxRssKB * 1024;
  } finally {
    await sandbox?.close();
  }
}

async function xlsxValidate(dir, rows) {
  const file = join(dir, `customers-${rows}.xlsx`);
  log(`memory: writing ${rows.toLocaleString("en-US")} XLSX rows (exceljs streaming writer, shared strings; minutes at 1,000,000)...`);
  await writeXlsx(file, rows);
  const bytes = await peakRss("validate", file, join(dir, `validate-${rows}.xlsx.report.csv`), rows);
  await rm(file, { force: true });
  const mb = bytes / 1024 ** 2;
  figure({ bench: "memory", figure: `validate of a generated XLSX, ${rows.toLocaleString("en-US")} rows: peak RSS`, unit: "MB", better: "lower", ours: mb, baseline: null, goal: `< ${XLSX_RSS_LIMIT_MB} MB`, pass: () => mb < XLSX_RSS_LIMIT_MB, note: "shared strings held as bytes in 1 MiB slabs, 6 bytes of index each; the sheet streamed" });
}

export async function runMemoryBench({ quick = false, rows, xlsxRows, only } = {}) {
  const sizes = (rows ?? (quick ? "2000,20000" : "10000,100000,1000000")).split(",").map(Number);
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-memory-"));
  try {
    const peaks = { import: [], validate: [] };
    for (const size of only === "xlsx" ? [] : sizes) {
      const file = join(dir, `customers-${size}.csv`);
      await writeCsv(file, size);
      for (const command of ["validate", "import"]) {
        if (only !== undefined && only !== command) continue;
        peaks[command].push({ size, bytes: await peakRss(command, file, join(dir, `${command}-${size}.report.csv`), size) });
      }
      await rm(file, { force: true });
    }
    if (only === undefined || only === "xlsx") await xlsxValidate(dir, xlsxRows ?? (quick ? 20_000 : 1_000_000));
    for (const [command, points] of Object.entries(peaks)) {
      if (points.length < 2) continue;
      const first = points[0];
      const last = points.at(-1);
      const slope = (last.bytes - first.bytes) / (last.size - first.size);
      const at = points.map(({ size, bytes }) => `${size.toLocaleString("en-US")}: ${Math.round(bytes / 1024 ** 2)} MB`).join(", ");
      const limit = last.size >= 1_000_000 ? ` and under ${RSS_LIMIT_MB} MB at ${last.size.toLocaleString("en-US")}` : "";
      figure({ bench: "memory", figure: `${command} of a generated CSV: peak RSS growth per row, ${first.size.toLocaleString("en-US")} → ${last.size.toLocaleString("en-US")} rows`, unit: "bytes/row", better: "lower", ours: slope, baseline: null, goal: `≤ ${SLOPE_LIMIT} bytes/row${limit}`, pass: () => slope <= SLOPE_LIMIT && (limit === "" || last.bytes < RSS_LIMIT_MB * 1024 ** 2), note: `peak RSS at ${at}` });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await scriptMain(import.meta.url, { tasks: TASKS, flags: { quick: "boolean", rows: "string", "xlsx-rows": "number", only: "string" }, run: runMemoryBench });
