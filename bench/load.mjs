// Load benchmark of `finan-bulk import`: 100,000 rows against the sandbox with a rate limit and
// random faults; every row must be accounted for and peak RSS must stay under 300 MB.
// Needs `npm run build` first.
//   node bench/load.mjs [--quick] [--rows 100000] [--rate-limit 500] [--fail-rate 0.05] [--rate 450] [--concurrency 16] [--seed 1]
// --quick: 2,000 rows, a smoke check.
// One JSON line per figure on stdout; a line for people on stderr. Exit 1 if a row is lost or RSS ≥ 300 MB.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { peakRssKB } from "./lib/measure.mjs";

const DIST = new URL("../dist/", import.meta.url);
const SELF = fileURLToPath(import.meta.url);
export const RSS_LIMIT_MB = 300;

const HEADER = ["Customer code", "Name", "Type", "Phone code", "Phone", "Email", "Tax ID", "Province", "Street address", "Contact 1 name", "Contact 1 phone", "Bank 1 code", "Bank 1 account number"];

/** One deterministic row: Vietnamese text, leading zeros, a company every third row. */
export function row(i) {
  const company = i % 3 === 0;
  return [
    `KH${String(i).padStart(6, "0")}`,
    `Nguyễn Thị Ánh Dương ${i}`,
    company ? "company" : "personal",
    "+84",
    `09${String(i % 1e8).padStart(8, "0")}`,
    `khach${i}@example.vn`,
    `03${String(i).padStart(8, "0")}`,
    "Hồ Chí Minh",
    `${i} Lê Lợi, Phường Bến Nghé, Quận 1`,
    company ? "Trần Văn Đức" : "",
    company ? "+84 933 456 789" : "",
    "203",
    `0${String(i).padStart(14, "0")}`,
  ];
}

/** Runs the benchmark; returns the figures (also printed as JSON lines). */
export async function runLoadBench({ rows = 100_000, rateLimit = 500, failRate = 0.05, rate = 450, concurrency = 16, seed = 1, print = true } = {}) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const sandbox = await startSandbox({ port: 0, rateLimit, failRate, seed });
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-load-"));
  // Ctrl-C or a timeout: stop the importer and leave no temp folder behind.
  const stop = async () => {
    activeChild?.kill("SIGKILL");
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const figures = [];
  const emit = (figure) => {
    figures.push(figure);
    if (print) process.stdout.write(`${JSON.stringify(figure)}\n`);
  };
  try {
    const input = join(dir, "customers.csv");
    await writeInput(input, rows);
    const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
    const args = ["import", input, "--json", "--rate", String(rate), "--concurrency", String(concurrency), "--retries", "10"];
    const run = await child(args, env, () => sandbox.store.count(), (sample) => print && emit({ bench: "import-progress", ...sample }));
    const report = await accountFor(join(dir, "customers.report.csv"), sandbox, rows);
    const seconds = run.ms / 1000;
    const peakRssMB = round(run.maxRssKB / 1024, 1);
    emit({
      bench: "import",
      rows,
      rateLimit,
      failRate,
      rate,
      concurrency,
      exitCode: run.code,
      seconds: round(seconds, 1),
      rowsPerSecond: Math.round(rows / seconds),
      requests: run.summary?.requests,
      serverRequests: sandbox.stats.requests,
      serverStatuses: sandbox.stats.byStatus,
      serverFaults: sandbox.stats.faults,
      statuses: report.statuses,
      stored: sandbox.store.count(),
      everyRowAccountedFor: report.ok,
      problems: report.problems.slice(0, 5),
      peakRssMB,
      rssMBByProgress: run.rssByProgress,
      underRssLimit: peakRssMB < RSS_LIMIT_MB,
    });
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  const result = figures.at(-1);
  if (print) {
    const rss = result.rssMBByProgress.map(({ percent, rssMB }) => `${percent}%:${rssMB}`).join(" ");
    process.stderr.write(
      `import load: ${rows.toLocaleString("en-US")} rows against --rate-limit ${rateLimit} --fail-rate ${failRate}: ` +
        `${result.seconds} s (${result.rowsPerSecond} rows/s), exit ${result.exitCode}, ` +
        `${result.everyRowAccountedFor ? "every row accounted for" : `ROWS LOST: ${result.problems.join("; ")}`}, ` +
        `peak RSS ${result.peakRssMB} MB${result.underRssLimit ? "" : ` OVER ${RSS_LIMIT_MB} MB`} (RSS by progress ${rss || "n/a"}).\n`,
    );
  }
  return result;
}

async function writeInput(file, rows) {
  const out = createWriteStream(file);
  const line = (cells) => `${cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")}\r\n`;
  out.write(`\uFEFF${line(HEADER)}`);
  for (let i = 1; i <= rows; i += 1) if (!out.write(line(row(i)))) await once(out, "drain");
  out.end();
  await once(out, "close");
}

/** Every input row has one report line with a final status; the server holds each created code once. */
async function accountFor(reportFile, sandbox, rows) {
  const { parse } = await import("csv-parse/sync");
  const records = parse(await readFile(reportFile, "utf8"), { bom: true, columns: true });
  const statuses = {};
  const problems = [];
  const seen = new Set();
  for (const record of records) {
    statuses[record.status] = (statuses[record.status] ?? 0) + 1;
    const code = record["Customer code"];
    if (seen.has(code)) problems.push(`${code} reported twice`);
    seen.add(code);
    if (record.status === "created" && sandbox.store.byCode(code)?.customer_id !== record.customer_id) problems.push(`${code}: reported id is not the stored one`);
    if (record.status !== "created" && !record.message) problems.push(`${code}: ${record.status} without a reason`);
  }
  if (records.length !== rows) problems.push(`${records.length} report lines for ${rows} rows`);
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  if (new Set(codes).size !== codes.length) problems.push(`${codes.length - new Set(codes).size} codes stored twice`);
  if (codes.length !== (statuses.created ?? 0)) problems.push(`${codes.length} stored, ${statuses.created ?? 0} reported created`);
  return { ok: problems.length === 0, statuses, problems };
}

let activeChild;

/** The import in a child process, so peak RSS is the importer's alone (the sandbox stays here). */
function child(args, env, progress, onSample) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [SELF, "--child", ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
    activeChild = proc;
    let out = "";
    const samples = [];
    const started = performance.now();
    // RSS as /proc shows it (Linux), with how far the import has got, to see that memory stays flat.
    const timer = setInterval(async () => {
      const status = await readFile(`/proc/${proc.pid}/status`, "utf8").catch(() => "");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      if (!kb) return;
      const sample = { seconds: round((performance.now() - started) / 1000, 1), stored: progress(), rssMB: round(kb / 1024, 1) };
      samples.push(sample);
      if (samples.length % 15 === 0) onSample(sample);
    }, 1000);
    proc.stdout.on("data", (chunk) => (out += chunk));
    proc.on("error", reject);
    proc.on("close", (code) => {
      clearInterval(timer);
      const last = out.trim().split("\n").pop() ?? "";
      try {
        resolve({ ...JSON.parse(last), code, rssByProgress: byProgress(samples) });
      } catch {
        reject(new Error(`bench child exited ${code} without a result: ${out.slice(0, 500)}`));
      }
    });
  });
}

function byProgress(samples) {
  const total = samples.at(-1)?.stored ?? 0;
  if (total === 0) return [];
  return [10, 25, 50, 75, 100].flatMap((percent) => {
    const sample = samples.find((s) => s.stored >= (total * percent) / 100);
    return sample ? [{ percent, rssMB: sample.rssMB }] : [];
  });
}

async function childMain(args) {
  const started = performance.now();
  const { main } = await import(new URL("cli.js", DIST).href);
  const { processIo } = await import(new URL("io.js", DIST).href);
  const stdout = new PassThrough();
  let json = "";
  stdout.on("data", (chunk) => (json += chunk));
  const code = await main(args, { ...processIo(new AbortController().signal), stdout, isTTY: false });
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, maxRssKB: peakRssKB(), code, summary: json ? JSON.parse(json) : undefined })}\n`);
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] === "--child") {
    await childMain(process.argv.slice(3));
  } else {
    const { values } = parseArgs({
      options: {
        quick: { type: "boolean", default: false },
        rows: { type: "string" },
        "rate-limit": { type: "string", default: "500" },
        "fail-rate": { type: "string", default: "0.05" },
        rate: { type: "string", default: "450" },
        concurrency: { type: "string", default: "16" },
        seed: { type: "string", default: "1" },
      },
    });
    const result = await runLoadBench({
      rows: Number(values.rows ?? (values.quick ? 2000 : 100_000)),
      rateLimit: Number(values["rate-limit"]),
      failRate: Number(values["fail-rate"]),
      rate: Number(values.rate),
      concurrency: Number(values.concurrency),
      seed: Number(values.seed),
    });
    process.exitCode = result.everyRowAccountedFor && result.underRssLimit ? 0 : 1;
  }
}
