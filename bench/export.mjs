// Benchmark of `finan-bulk export`: 100,000 sandbox customers to XLSX and CSV, rows/s and peak RSS,
// against a baseline writing the same rows with the bare libraries. Needs `npm run build` first.
//   node bench/export.mjs [--customers 100000] [--concurrency 16]
// One JSON line per figure on stdout; a table for people on stderr. Exit 1 if peak RSS ≥ 250 MB.
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const DIST = new URL("../dist/", import.meta.url);
const SELF = fileURLToPath(import.meta.url);
export const RSS_LIMIT_MB = 250;

/** One deterministic customer: Vietnamese text, leading zeros, 0-3 contacts, 0-2 banks. */
export function customer(i) {
  const code = `KH${String(i).padStart(6, "0")}`;
  const contacts = i % 4;
  const banks = i % 3;
  return {
    general_info: {
      name: `Nguyễn Thị Ánh Dương ${i}`,
      customer_code: code,
      type: contacts > 0 ? "company" : "personal",
      phone_code: "+84",
      phone: `09${String(i).padStart(8, "0")}`,
      email: `khach${i}@example.vn`,
      tax_id: `03${String(i).padStart(8, "0")}`,
      custom_tag: i % 10 === 0 ? "VIP" : "",
      contact_persons: Array.from({ length: contacts }, (_, n) => ({ name: `Trần Văn Đức ${n + 1}`, phone_number: `+84 933 456 78${n}`, email: `lien.he${n}@example.vn` })),
    },
    address: { country: "Việt Nam", province: "Hồ Chí Minh", district: "Quận 1", ward: "Bến Nghé", address: `${i} Lê Lợi`, zip_code: "700000" },
    bank_accounts: Array.from({ length: banks }, (_, n) => ({ bank_code: "203", bank_name: "Vietcombank", account_holder_name: "NGUYEN THI ANH DUONG", account_number: `0${String(i).padStart(14, "0")}${n}` })),
  };
}

/** Runs the whole benchmark; returns the figures (also printed as JSON lines). */
export async function runExportBench({ customers = 100_000, concurrency = 16, print = true } = {}) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const sandbox = await startSandbox({ port: 0 });
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-export-"));
  const figures = [];
  const emit = (figure) => {
    figures.push(figure);
    if (print) process.stdout.write(`${JSON.stringify(figure)}\n`);
  };
  try {
    const now = new Date().toISOString();
    for (let i = 1; i <= customers; i += 1) sandbox.store.insert(customer(i), now);
    const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
    for (const format of ["xlsx", "csv"]) {
      const file = join(dir, `customers.${format}`);
      const run = await child(["export", format, file, String(concurrency)], env);
      if (run.summary?.customers !== customers) throw new Error(`export to ${format} wrote ${run.summary?.customers} customers, expected ${customers} (exit ${run.code}, process exit ${run.processExit})`);
      const baseline = await child(["baseline", format, join(dir, `baseline.${format}`), String(customers)], env);
      const exportFigure = figure("export", format, customers, run, (await stat(file)).size);
      const baselineFigure = figure("baseline", format, customers, baseline, (await stat(join(dir, `baseline.${format}`))).size);
      emit(exportFigure);
      emit(baselineFigure);
      emit({ bench: "export-vs-baseline", format, timeRatio: round(exportFigure.seconds / baselineFigure.seconds, 1), rssRatio: round(exportFigure.peakRssMB / baselineFigure.peakRssMB, 2) });
    }
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  if (print) printTable(figures, customers, concurrency);
  return figures;
}

function figure(bench, format, customers, run, bytes) {
  const seconds = run.ms / 1000;
  const peakRssMB = round(run.maxRssKB / 1024, 1);
  // Live heap after a full GC, first and last thirds of the run: a leak shows as a rise, GC slack does not.
  const heap = run.liveHeapMB ?? [];
  const third = Math.max(1, Math.floor(heap.length / 3));
  const liveHeapEarlyMB = heap.length ? Math.max(...heap.slice(0, third)) : null;
  const liveHeapLateMB = heap.length ? Math.max(...heap.slice(-third)) : null;
  const buffersMaxMB = run.buffersMB?.length ? Math.max(...run.buffersMB) : null;
  return { bench, format, customers, seconds: round(seconds, 2), rowsPerSecond: Math.round(customers / seconds), peakRssMB, liveHeapEarlyMB, liveHeapLateMB, buffersMaxMB, fileMB: round(bytes / 1024 ** 2, 1), underRssLimit: peakRssMB < RSS_LIMIT_MB };
}

/** A child process per measurement, so peak RSS is the exporter's alone (the sandbox stays here). */
function child(args, env) {
  return new Promise((resolve, reject) => {
    // --expose-gc: the child samples its live heap after a full GC, so growth is told apart from GC slack.
    const proc = spawn(process.execPath, ["--expose-gc", SELF, "--child", ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (chunk) => (out += chunk));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      try {
        resolve({ ...JSON.parse(last), processExit: code });
      } catch {
        reject(new Error(`bench child ${args.join(" ")} exited ${code} without a result: ${out.slice(0, 500)}`));
      }
    });
  });
}

async function childMain([mode, format, file, extra]) {
  const started = performance.now();
  const liveHeap = [];
  const liveExternal = [];
  const sampler = setInterval(() => {
    globalThis.gc?.();
    const usage = process.memoryUsage();
    liveHeap.push(usage.heapUsed);
    liveExternal.push(usage.arrayBuffers);
  }, 5000);
  let summary;
  let code = 0;
  if (mode === "export") {
    const { main } = await import(new URL("cli.js", DIST).href);
    const { processIo } = await import(new URL("io.js", DIST).href);
    const stdout = new PassThrough();
    let json = "";
    stdout.on("data", (chunk) => (json += chunk));
    code = await main(["export", file, "--json", "--rate", "0", "--concurrency", extra], { ...processIo(new AbortController().signal), stdout, isTTY: false });
    summary = json ? JSON.parse(json) : undefined;
  } else {
    await baseline(format, file, Number(extra));
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  const heapMB = liveHeap.map((bytes) => round(bytes / 1024 ** 2, 1));
  const buffersMB = liveExternal.map((bytes) => round(bytes / 1024 ** 2, 1));
  process.stdout.write(`${JSON.stringify({ ms, maxRssKB: process.resourceUsage().maxRSS, liveHeapMB: heapMB, buffersMB, code, summary })}\n`);
}

/** The same rows and columns written with the bare libraries, no network: the floor for the writers. */
async function baseline(format, file, customers) {
  const { layoutColumns, rowValues } = await import(new URL("export/columns.js", DIST).href);
  const { keys, headers } = layoutColumns(undefined, { lang: "en", summaryOnly: false, widths: { contacts: 3, banks: 2 } });
  const rows = function* () {
    const now = new Date().toISOString();
    for (let i = 1; i <= customers; i += 1) yield rowValues({ ...customer(i), customer_id: `id-${i}`, created_at: now, updated_at: now }, keys).map((v) => v ?? "");
  };
  const { createWriteStream } = await import("node:fs");
  const { once } = await import("node:events");
  if (format === "csv") {
    const { stringify } = await import("csv-stringify");
    const out = createWriteStream(file);
    const csv = stringify({ bom: true, record_delimiter: "windows" });
    csv.pipe(out);
    for (const row of [headers, ...rows()]) if (!csv.write(row)) await once(csv, "drain");
    csv.end();
    await once(out, "close");
    return;
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Customers");
  sheet.addRow(headers).commit();
  let n = 0;
  for (const row of rows()) {
    sheet.addRow(row).commit();
    if (++n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

function printTable(figures, customers, concurrency) {
  const lines = [`export benchmark: ${customers.toLocaleString("en-US")} customers, --rate 0 --concurrency ${concurrency}, Node ${process.version}`];
  lines.push(`${"what".padEnd(22)}${"seconds".padStart(9)}${"rows/s".padStart(10)}${"peak RSS".padStart(11)}${"live heap".padStart(16)}${"file".padStart(9)}`);
  for (const f of figures) {
    if (f.bench === "export-vs-baseline") {
      lines.push(`${`  ${f.format}: export/baseline`.padEnd(22)}${`×${f.timeRatio}`.padStart(9)}${"".padStart(10)}${`×${f.rssRatio}`.padStart(11)}`);
      continue;
    }
    const flag = f.bench === "export" ? (f.underRssLimit ? " ok" : ` OVER ${RSS_LIMIT_MB} MB`) : "";
    lines.push(`${`${f.bench} ${f.format}`.padEnd(22)}${f.seconds.toFixed(1).padStart(9)}${f.rowsPerSecond.toLocaleString("en-US").padStart(10)}${`${f.peakRssMB} MB`.padStart(11)}${(f.liveHeapEarlyMB === null ? "-" : `${f.liveHeapEarlyMB}→${f.liveHeapLateMB} MB`).padStart(16)}${`${f.fileMB} MB`.padStart(9)}${flag}`);
  }
  process.stderr.write(`${lines.join("\n")}\n`);
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] === "--child") {
    await childMain(process.argv.slice(3));
  } else {
    const { values } = parseArgs({ options: { customers: { type: "string", default: "100000" }, concurrency: { type: "string", default: "16" } } });
    const figures = await runExportBench({ customers: Number(values.customers), concurrency: Number(values.concurrency) });
    process.exitCode = figures.every((f) => f.bench !== "export" || f.underRssLimit) ? 0 : 1;
  }
}
