// Import into the sandbox: (a) against its rate limit, (b) unlimited beside a bare undici loop, with client CPU per row (context).
// The sandbox runs here, in the parent; each client (our CLI, the bare loop) in a child process.
// Needs `npm run build` first.
//   node bench/import.mjs [--quick] [--rows N] [--rate-rows N] [--repeat N] [--only rate|throughput]
// Figures as JSON lines on stdout (the protocol of bench/run.mjs); progress on stderr.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { failedBy429, importChild } from "./lib/cli.mjs";
import { writeCsv } from "./lib/data.mjs";
import { alternate, childMain, figure, log, runChild, scriptMain, spread } from "./lib/measure.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL("../dist/", import.meta.url);
const RATE_LIMIT = 200;
const CONCURRENCY = 16;

const TASKS = {
  /** `finan-bulk import` as a user runs it, with a CSV report. */
  async ours(file, report, rate) {
    return importChild(["import", file, "--report", report, "--rate", rate, "--concurrency", String(CONCURRENCY)], (summary) => ({ rows: summary.counts?.created ?? 0, counts: summary.counts }));
  },
  /** What a script would do: the same payloads, signed POSTs, CONCURRENCY at a time, no pacing. */
  async bare(file) {
    const { Pool } = await import("undici");
    const { signRequest } = await import(new URL("api/sign.js", DIST).href);
    const { readInput } = await import(new URL("customers/read-input.js", DIST).href);
    const bodies = [];
    for await (const row of (await readInput(file)).rows) if (row.outcome.ok) bodies.push(JSON.stringify(row.outcome.payload));
    const base = new URL(process.env.FINAN_BASE_URL);
    const { FINAN_CLIENT_ID: clientId, FINAN_SECRET_KEY: secret } = process.env;
    return childMain(async () => {
      const pool = new Pool(base.origin, { connections: CONCURRENCY });
      let next = 0;
      let created = 0;
      const worker = async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const timestamp = Math.floor(Date.now() / 1000);
          const signature = signRequest(secret, "POST", "/api/v1/customers", body, timestamp);
          const headers = { "content-type": "application/json", "x-client-id": clientId, "x-timestamp": String(timestamp), "x-signature": signature };
          const response = await pool.request({ path: `${base.pathname}/api/v1/customers`, method: "POST", headers, body });
          await response.body.text();
          if (response.statusCode === 201 || response.statusCode === 200) created++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await pool.close();
      return { rows: created };
    });
  },
};

async function withSandbox(options, work) {
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const posts = [];
  const sandbox = await startSandbox({ port: 0, ...options, onRequest: (entry) => entry.method === "POST" && posts.push({ at: performance.now(), status: entry.status }) });
  const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
  try {
    return await work({ sandbox, env, posts });
  } finally {
    await sandbox.close();
  }
}

async function rateBench(dir, rows) {
  const file = join(dir, "rate.csv");
  await writeCsv(file, rows);
  log(`import: ${rows.toLocaleString("en-US")} rows, sandbox --rate-limit ${RATE_LIMIT}, --rate ${RATE_LIMIT} --concurrency ${CONCURRENCY} (about ${Math.ceil(rows / RATE_LIMIT)} s)`);
  await withSandbox({ rateLimit: RATE_LIMIT }, async ({ sandbox, env, posts }) => {
    const report = join(dir, "rate.report.csv");
    const result = await runChild(SELF, ["ours", file, report, String(RATE_LIMIT)], { env });
    const failed429 = await failedBy429(report);
    const rate = result.rows / (result.ms / 1000);
    // The run's spread: rows created in each 10-second window, whole windows only.
    const created = posts.filter((p) => p.status === 201 || p.status === 200).map((p) => p.at);
    const windows = [];
    for (let start = created[0]; start + 10_000 <= created.at(-1); start += 10_000) windows.push(created.filter((t) => t >= start && t < start + 10_000).length / 10);
    const refused = sandbox.stats.byStatus[429] ?? 0;
    log(`  ours: ${result.rows} created in ${(result.ms / 1000).toFixed(1)} s = ${rate.toFixed(1)}/s; 429 answers ${refused}, rows failed by 429: ${failed429}; counts ${JSON.stringify(result.counts)}`);
    if (result.rows !== rows) throw new Error(`import created ${result.rows} of ${rows} rows (exit ${result.code}): ${JSON.stringify(result.counts)}`);
    const range = windows.length > 0 ? spread(windows) : { min: rate, max: rate };
    const line = figure({ bench: "import", figure: `Import ${rows.toLocaleString("en-US")} rows, sandbox --rate-limit ${RATE_LIMIT}, --rate ${RATE_LIMIT} --concurrency ${CONCURRENCY}`, unit: "rows/s", ours: rate, baseline: RATE_LIMIT, baselineName: `the sandbox's limit (${RATE_LIMIT}/s)`, goal: "ratio ≥ 0.95", pass: ({ ratio }) => ratio >= 0.95, note: `1 run (the pacer is deterministic; ${Math.ceil(rows / RATE_LIMIT)} s); rate = rows created / whole command time; range = 10-s windows seen by the sandbox: ${range.min.toFixed(1)}–${range.max.toFixed(1)}/s; 429 answers: ${refused}` });
    void line;
    figure({ bench: "import", figure: `Import ${rows.toLocaleString("en-US")} rows at the rate limit: rows failed by 429`, unit: "rows", better: "lower", ours: failed429, baseline: null, goal: "= 0", pass: ({ ours }) => ours === 0, note: `rows with status failed and http_status 429 in the report; the sandbox answered ${refused} requests with 429 in all` });
  });
}

async function throughputBench(dir, rows, repeat) {
  const file = join(dir, "throughput.csv");
  await writeCsv(file, rows);
  log(`import: ${rows.toLocaleString("en-US")} rows, no limit, concurrency ${CONCURRENCY}, fresh sandbox per run; ${repeat}× each side`);
  let run = 0;
  const side = (task) => () =>
    withSandbox({}, async ({ sandbox, env }) => {
      const report = join(dir, `throughput-${++run}.report.csv`);
      const result = await runChild(SELF, task === "ours" ? ["ours", file, report, "0"] : ["bare", file], { env });
      if (result.rows !== rows || sandbox.store.count() !== rows) throw new Error(`${task} created ${result.rows} of ${rows} rows (sandbox holds ${sandbox.store.count()})`);
      return result;
    });
  const r = await alternate({ ours: side("ours"), "bare undici": side("bare") }, repeat, log);
  const perSecond = (results) => results.map((x) => rows / (x.ms / 1000));
  // Context, not a goal (#17): no real API is unlimited, and here the sandbox and the client share two cores.
  const cpuPerRow = (results) => results.map((x) => (x.cpuMs * 1000) / rows);
  const cpu = (results) => `${Math.round(spread(cpuPerRow(results)).median)} µs`;
  figure({ bench: "import", figure: `Import ${rows.toLocaleString("en-US")} rows, no limit, concurrency ${CONCURRENCY}`, unit: "rows/s", ours: perSecond(r.ours), baseline: perSecond(r["bare undici"]), baselineName: "bare undici Pool loop, signed POSTs of the same payloads", note: `context: the sandbox shares the cores; client CPU per row ${cpu(r.ours)} (ours), ${cpu(r["bare undici"])} (loop); ours is the whole command: read, validate, list existing codes, journal (fdatasync), report; the loop's payloads are prepared before its clock starts` });
  figure({ bench: "import", figure: `Import ${rows.toLocaleString("en-US")} rows, no limit: client CPU per row`, unit: "µs/row", better: "lower", ours: cpuPerRow(r.ours), baseline: cpuPerRow(r["bare undici"]), baselineName: "bare undici Pool loop (POSTs only)", note: "context: CPU time of the client's process (all its threads) over the measured run, per row created" });
}

export async function runImportBench({ quick = false, only, rows, rateRows, repeat } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-import-"));
  try {
    if (only === undefined || only === "rate") await rateBench(dir, rateRows ?? (quick ? 1_000 : 20_000));
    if (only === undefined || only === "throughput") await throughputBench(dir, rows ?? (quick ? 2_000 : 20_000), repeat ?? (quick ? 1 : 3));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await scriptMain(import.meta.url, { tasks: TASKS, flags: { quick: "boolean", only: "string", rows: "number", "rate-rows": "number", repeat: "number" }, run: runImportBench });
