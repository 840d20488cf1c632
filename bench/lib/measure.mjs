// Measuring: each measurement in its own child process (peak RSS is that run's alone), sides interleaved.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/**
 * Runs `node <script> --child <args...>` and returns the JSON object on its last stdout line
 * (see `childMain`). Rejects with the child's stderr tail when it fails.
 */
export function runChild(script, args, { env = process.env, nodeArgs = [], timeoutMs = 10 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, "--child", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err = (err + chunk).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").pop() ?? "";
      try {
        const result = JSON.parse(last);
        if (code === 0) return resolve(result);
      } catch {
        // fall through: no result line
      }
      reject(new Error(`bench child ${args.join(" ")} ended ${signal ?? `with exit ${code}`}: ${err.trim() || out.slice(-1000)}`));
    });
  });
}

/**
 * The child side: times `work` (after the caller's imports) and prints one JSON line with
 * `ms`, `cpuMs`, `maxRssKB` and whatever `work` returned.
 */
export async function childMain(work) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const extra = (await work()) ?? {};
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const result = { ms, cpuMs: (used.user + used.system) / 1000, maxRssKB: peakRssKB(), ...extra };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * This process's own peak RSS. On Linux, getrusage's maxRSS also counts the parent's RSS at the
 * fork before exec (a bench that just wrote a 1M-row workbook made every child "peak" at ~900 MB);
 * VmHWM in /proc/self/status is the peak of this program alone.
 */
export function peakRssKB() {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux: getrusage is the best there is
  }
  return process.resourceUsage().maxRSS;
}

/** Runs each side `repeat` times, alternating sides so drift on a shared machine hits both alike. */
export async function alternate(sides, repeat, log = () => {}) {
  const results = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (let round = 1; round <= repeat; round++) {
    for (const [name, run] of Object.entries(sides)) {
      const result = await run();
      results[name].push(result);
      log(`  ${name} #${round}: ${(result.ms / 1000).toFixed(2)} s, peak RSS ${Math.round(result.maxRssKB / 1024)} MB`);
    }
  }
  return results;
}

/** Median, min and max of some numbers. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}

export function round(value, digits = 0) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * One figure in the protocol run.mjs reads (one JSON line on stdout):
 * ours/baseline are medians; oursRange/baselineRange are [min, max]; ratio = ours / baseline;
 * pairedRatios (when both sides ran alike) = each run of ours over the baseline's run of the same round.
 */
export function figure({ bench, figure, unit, ours, baseline, baselineName, goal, pass, better = "higher", runs, note }) {
  const o = Array.isArray(ours) ? spread(ours) : ours === null ? null : { median: ours, min: ours, max: ours };
  const b = Array.isArray(baseline) ? spread(baseline) : baseline == null ? null : { median: baseline, min: baseline, max: baseline };
  const digits = unit === "MB" || unit === "ratio" ? 1 : unit.endsWith("/s") && (o?.median ?? 0) < 100 ? 1 : 0;
  const ratio = o && b && b.median !== 0 ? round(o.median / b.median, 3) : null;
  const line = {
    bench,
    figure,
    unit,
    better,
    ours: o && round(o.median, digits),
    oursRange: o && [round(o.min, digits), round(o.max, digits)],
    baseline: b && round(b.median, digits),
    baselineRange: b && [round(b.min, digits), round(b.max, digits)],
    baselineName: baselineName ?? null,
    ratio,
    goal: goal ?? null,
    pass: typeof pass === "function" ? pass({ ours: o?.median, baseline: b?.median, ratio }) : (pass ?? null),
    runs: runs ?? (Array.isArray(ours) ? ours.length : 1),
    // each run of ours over the baseline run beside it: alternating sides share the machine's drift
    pairedRatios: Array.isArray(ours) && Array.isArray(baseline) && ours.length === baseline.length && ours.length > 1 ? ours.map((value, i) => round(value / baseline[i], 2)) : null,
    note: note ?? null,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
}

export const log = (text) => process.stderr.write(`${text}\n`);

/**
 * The entry of a bench script run directly (`url`: its import.meta.url): `--child TASK ARGS...` runs
 * one measurement (`tasks[TASK](...ARGS)`); otherwise `run` gets the flags, camelCased, with
 * "number" flags as numbers. Imported (by run.mjs), the script does nothing here.
 */
export async function scriptMain(url, { tasks, flags, run }) {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== url) return;
  if (process.argv[2] === "--child") {
    const [task, ...args] = process.argv.slice(3);
    return tasks[task](...args);
  }
  const options = Object.fromEntries(Object.entries(flags).map(([name, type]) => [name, { type: type === "boolean" ? "boolean" : "string" }]));
  const { values } = parseArgs({ options });
  const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
  await run(Object.fromEntries(Object.entries(values).map(([name, value]) => [camel(name), flags[name] === "number" ? Number(value) : value])));
}
