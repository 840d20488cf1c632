// Export: `finan-bulk export` of sandbox customers to XLSX and CSV (the whole command, over HTTP)
// against the bare libraries (exceljs streaming writer / csv-stringify) writing the same rows, no network.
// The sandbox runs here, in the parent, seeded once; each writer in a child process. Needs `npm run build` first.
//   node bench/export.mjs [--quick] [--only xlsx|csv] [--customers N] [--repeat N] [--concurrency N]
// Figures as JSON lines on stdout (the protocol of bench/run.mjs); progress on stderr.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { alternate, childMain, figure, log, round, runChild, scriptMain } from "./lib/measure.mjs";

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL("../dist/", import.meta.url);
export const RSS_LIMIT_MB = 250;
// One round (both formats, both sides) of 100,000 customers took 57 s on this 2-core machine, seeding 1.5 s:
// 3 rounds add ~2 minutes, keeping `npm run bench` (436 s with 1 round) near 9 minutes; 5 would pass 10.
const REPEAT = 3;
const HEAP_SAMPLE_MS = 5000;

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

/** Live heap after a full GC every few seconds (child runs with --expose-gc): a leak rises, GC slack does not. */
function sampleLiveHeap() {
  const samples = [];
  const timer = setInterval(() => {
    globalThis.gc?.();
    samples.push(round(process.memoryUsage().heapUsed / 1024 ** 2, 1));
  }, HEAP_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return samples;
  };
}

/** The child side: one export of one format, by our command or by the bare library. */
const TASKS = {
  async ours(format, file, concurrency) {
    const { main } = await import(new URL("cli.js", DIST).href);
    const { processIo } = await import(new URL("io.js", DIST).href);
    // loaded before the clock starts, as the bare side's library is: the figure is throughput
    await import(new URL("commands/export.js", DIST).href);
    return childMain(async () => {
      const stop = sampleLiveHeap();
      const stdout = new PassThrough();
      let json = "";
      stdout.on("data", (chunk) => (json += chunk));
      const args = ["export", file, "--json", "--rate", "0", "--concurrency", concurrency];
      const code = await main(args, { ...processIo(new AbortController().signal), stdout, isTTY: false });
      const liveHeapMB = stop();
      const summary = json ? JSON.parse(json) : undefined;
      return { code, rows: summary?.customers, liveHeapMB };
    });
  },
  /** The same rows and columns written with the bare library, no network: the floor for the writers. */
  async bare(format, file, customers) {
    const { layoutColumns, rowValues } = await import(new URL("export/columns.js", DIST).href);
    // only the library this format needs, as a script would load it
    const { stringify } = format === "csv" ? await import("csv-stringify") : {};
    const ExcelJS = format === "xlsx" ? (await import("exceljs")).default : undefined;
    const n = Number(customers);
    return childMain(async () => {
      const stop = sampleLiveHeap();
      const { keys, headers } = layoutColumns(undefined, { lang: "en", summaryOnly: false, widths: { contacts: 3, banks: 2 } });
      const now = new Date().toISOString();
      const row = (i) => rowValues({ ...customer(i), customer_id: `id-${i}`, created_at: now, updated_at: now }, keys).map((v) => v ?? "");
      if (format === "csv") {
        const out = createWriteStream(file);
        const csv = stringify({ bom: true, record_delimiter: "windows" });
        csv.pipe(out);
        if (!csv.write(headers)) await once(csv, "drain");
        for (let i = 1; i <= n; i++) if (!csv.write(row(i))) await once(csv, "drain");
        csv.end();
        await once(out, "close");
      } else {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
        const sheet = workbook.addWorksheet("Customers");
        sheet.addRow(headers).commit();
        for (let i = 1; i <= n; i++) {
          sheet.addRow(row(i)).commit();
          if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        sheet.commit();
        await workbook.commit();
      }
      return { rows: n, liveHeapMB: stop() };
    });
  },
};

/** Largest live heap in the first and in the last third of a run's samples, as "early→late". */
function heapTrend({ liveHeapMB: heap = [] }) {
  if (heap.length < 2) return null;
  const third = Math.max(1, Math.floor(heap.length / 3));
  return `${Math.max(...heap.slice(0, third))}→${Math.max(...heap.slice(-third))}`;
}

async function formatBench({ format, dir, env, customers, concurrency, repeat }) {
  const files = { ours: join(dir, `ours.${format}`), bare: join(dir, `bare.${format}`) };
  const library = format === "xlsx" ? "exceljs streaming writer alone" : "csv-stringify alone";
  log(`export: ${format.toUpperCase()}, ${customers.toLocaleString("en-US")} customers, --rate 0 --concurrency ${concurrency}; ${repeat}× each side`);
  const side = (task, args) => async () => {
    const result = await runChild(SELF, [task, format, files[task], ...args], { env, nodeArgs: ["--expose-gc"] });
    if (result.code !== undefined && result.code !== 0) throw new Error(`export to ${format} exited ${result.code}`);
    if (result.rows !== customers) throw new Error(`${task} wrote ${result.rows} customers to ${format}, expected ${customers}`);
    return { ...result, bytes: (await stat(files[task])).size };
  };
  const r = await alternate({ ours: side("ours", [String(concurrency)]), [library]: side("bare", [String(customers)]) }, repeat, log);
  const perSecond = (results) => results.map((x) => customers / (x.ms / 1000));
  const peakMB = (results) => results.map((x) => x.maxRssKB / 1024);
  const trends = (results) => results.map(heapTrend).filter(Boolean).join(", ") || "run too short to sample";
  const fileMB = (results) => (results[0].bytes / 1024 ** 2).toFixed(1);
  const what = `Export ${customers.toLocaleString("en-US")} customers to ${format.toUpperCase()}`;
  figure({ bench: "export", figure: what, unit: "rows/s", ours: perSecond(r.ours), baseline: perSecond(r[library]), baselineName: `${library}, same rows, no network`, note: `ours lists and fetches every customer over HTTP from the sandbox, then writes; the baseline only writes; files ${fileMB(r.ours)} MB (ours), ${fileMB(r[library])} MB (baseline)` });
  figure({ bench: "export", figure: `${what}: peak RSS`, unit: "MB", better: "lower", ours: peakMB(r.ours), baseline: peakMB(r[library]), baselineName: library, goal: `ours < ${RSS_LIMIT_MB} MB in every run`, pass: () => Math.max(...peakMB(r.ours)) < RSS_LIMIT_MB, note: `leak check, live heap after a full GC, most in the first → last third of each run (MB): ours ${trends(r.ours)}; baseline ${trends(r[library])}` });
}

export async function runExportBench({ quick = false, only, customers, concurrency = 16, repeat } = {}) {
  const n = customers ?? (quick ? 2_000 : 100_000);
  const times = repeat ?? (quick ? 1 : REPEAT);
  const { startSandbox } = await import(new URL("sandbox/server.js", DIST).href);
  const sandbox = await startSandbox({ port: 0 });
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-bench-export-"));
  try {
    const t0 = performance.now();
    const now = new Date().toISOString();
    for (let i = 1; i <= n; i++) sandbox.store.insert(customer(i), now);
    log(`export: seeded ${n.toLocaleString("en-US")} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
    for (const format of ["xlsx", "csv"]) {
      if (only === undefined || only === format) await formatBench({ format, dir, env, customers: n, concurrency, repeat: times });
    }
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await scriptMain(import.meta.url, { tasks: TASKS, flags: { quick: "boolean", only: "string", customers: "number", concurrency: "number", repeat: "number" }, run: runExportBench });
