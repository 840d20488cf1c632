// Issue 17: requests in flight follow --rate × the round trip. Import against a sandbox limited to
// 100/s at latency 0, 100 and 300 ms, client --rate 100 and no --concurrency: the rate the sandbox
// sees between its first and last request must be at least 0.95 of 100, with no row failed by 429.
// Export of as many customers at --rate 100, latency 100 ms: the same measure, at least 0.95.
// The sandbox runs here, in the parent; the CLI in a child process. Needs `npm run build` first.
//   node bench/pace.mjs [--quick] [--rows N] [--latency 0,100,300] [--only import|export]
// Figures as JSON lines on stdout (the protocol of bench/run.mjs); progress on stderr.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { failedBy429, importChild } from "./lib/cli.mjs";
import { writeCsv } from "./lib/data.mjs";
import { figure, log, runChild, scriptMain } from "./lib/measure.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL("../dist/", import.meta.url);
const RATE = 100;

const TASKS = {
  /** `finan-bulk import` as a user runs it: --rate, no --concurrency. */
  async ours(file, report) {
    return importChild(["import", file, "--report", report, "--rate", String(RATE)], (summary) => ({ rows: summary.counts?.created ?? 0, counts: summary.counts, pace: summary.pace }));
  },
  /** `finan-bulk export` as a user runs it: --rate, no --concurrency. */
  async export(file) {
    return importChild(["export", file, "--rate", String(RATE)], (summary) => ({ rows: summary.customers ?? 0, pace: summary.pace }), "export");
  },
};

async function atLatency(dir, file, rows, latencyMs) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const seen = [];
  const sandbox = await startSandbox({ port: 0, rateLimit: RATE, latencyMs, onRequest: () => seen.push(performance.now()) });
  const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
  try {
    const report = join(dir, `pace-${latencyMs}.report.csv`);
    log(`pace: ${rows.toLocaleString("en-US")} rows, sandbox --rate-limit ${RATE} --latency ${latencyMs}, --rate ${RATE}, no --concurrency (about ${Math.ceil(rows / RATE)} s)`);
    const result = await runChild(SELF, ["ours", file, report], { env });
    if (result.rows !== rows) throw new Error(`import created ${result.rows} of ${rows} rows (exit ${result.code}): ${JSON.stringify(result.counts)}`);
    const failed429 = await failedBy429(report);
    const refused = sandbox.stats.byStatus[429] ?? 0;
    // every request is logged after the same latency, so answer times are arrival times shifted alike
    const seenRate = ((seen.length - 1) * 1000) / ((seen.at(-1) ?? 0) - (seen[0] ?? 0));
    const rowsPerSecond = result.rows / (result.ms / 1000);
    log(`  ${seen.length} requests, ${seenRate.toFixed(1)}/s seen by the sandbox; whole command ${rowsPerSecond.toFixed(1)} rows/s; 429 answers ${refused}, rows failed by 429: ${failed429}; bound: ${result.pace}`);
    figure({ bench: "pace", figure: `Import ${rows.toLocaleString("en-US")} rows, sandbox --rate-limit ${RATE} --latency ${latencyMs}, --rate ${RATE}, no --concurrency: requests/s seen by the sandbox`, unit: "requests/s", ours: seenRate, baseline: RATE, baselineName: `--rate ${RATE}`, goal: "ratio ≥ 0.95, no row failed by 429", pass: ({ ratio }) => ratio >= 0.95 && failed429 === 0, note: `first to last request at the sandbox; whole command ${rowsPerSecond.toFixed(1)} rows/s; 429 answers ${refused}, rows failed by 429 ${failed429}; summary names ${result.pace ?? "nothing"} as the bound` });
  } finally {
    await sandbox.close();
  }
}

/** Export of `count` customers seeded into a sandbox limited to RATE/s at `latencyMs`: both listing passes and every GET. */
async function exportAtLatency(dir, count, latencyMs) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const { customer } = await import("./export.mjs");
  const seen = [];
  const sandbox = await startSandbox({ port: 0, rateLimit: RATE, latencyMs, onRequest: () => seen.push(performance.now()) });
  const now = new Date().toISOString();
  for (let i = 1; i <= count; i++) sandbox.store.insert(customer(i), now);
  const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
  try {
    log(`pace: export of ${count.toLocaleString("en-US")} customers, sandbox --rate-limit ${RATE} --latency ${latencyMs}, --rate ${RATE}, no --concurrency (about ${Math.ceil(count / RATE)} s)`);
    const result = await runChild(SELF, ["export", join(dir, `export-${latencyMs}.csv`)], { env });
    if (result.rows !== count) throw new Error(`export wrote ${result.rows} of ${count} customers (exit ${result.code})`);
    const refused = sandbox.stats.byStatus[429] ?? 0;
    const seenRate = ((seen.length - 1) * 1000) / ((seen.at(-1) ?? 0) - (seen[0] ?? 0));
    const perSecond = result.rows / (result.ms / 1000);
    log(`  ${seen.length} requests, ${seenRate.toFixed(1)}/s seen by the sandbox; whole command ${perSecond.toFixed(1)} customers/s; 429 answers ${refused}; bound: ${result.pace}`);
    figure({ bench: "pace", figure: `Export ${count.toLocaleString("en-US")} customers, sandbox --rate-limit ${RATE} --latency ${latencyMs}, --rate ${RATE}, no --concurrency: requests/s seen by the sandbox`, unit: "requests/s", ours: seenRate, baseline: RATE, baselineName: `--rate ${RATE}`, goal: "ratio ≥ 0.95", pass: ({ ratio }) => ratio >= 0.95, note: `first to last request at the sandbox, both listing passes and every GET; whole command ${perSecond.toFixed(1)} customers/s; 429 answers ${refused}; summary names ${result.pace ?? "nothing"} as the bound` });
  } finally {
    await sandbox.close();
  }
}

export async function runPaceBench({ quick = false, rows, latency, only } = {}) {
  const count = rows ?? (quick ? 300 : 5_000);
  const latencies = (latency ?? "0,100,300").split(",").map(Number);
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-pace-"));
  try {
    if (only !== "export") {
      const file = join(dir, "pace.csv");
      await writeCsv(file, count);
      for (const ms of latencies) await atLatency(dir, file, count, ms);
    }
    if (only !== "import") await exportAtLatency(dir, count, 100);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await scriptMain(import.meta.url, { tasks: TASKS, flags: { quick: "boolean", rows: "number", latency: "string", only: "string" }, run: runPaceBench });
