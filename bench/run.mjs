// `npm run bench`: runs every bench/*.mjs, one after the other, and writes BENCHMARKS.md and BENCHMARKS.json.
//   node bench/run.mjs [--quick] [--only read,import] [--save] [--strict] [--render]
//
// The on-demand scripts (memory, load) are too long for every run: `--only memory --save` measures
// them and merges their figures into BENCHMARKS.md/.json, where a later full run keeps them, dated.
//
// The protocol a bench script follows to be picked up:
// - it is `bench/<name>.mjs`, runnable as `node bench/<name>.mjs [--quick]` after `npm run build`;
//   `--quick` means small sizes and one run per side (a smoke check, seconds not minutes);
// - each figure is one JSON line on stdout with at least
//     {"bench": "<name>", "figure": "what is measured, with its size", "unit": "rows/s" | "MB" | "MB/s" | ...,
//      "ours": <median>, "baseline": <median> | null, "ratio": ours/baseline | null,
//      "goal": "ratio ≥ 0.8" | null, "pass": true | false | null}
//   and optionally "oursRange"/"baselineRange": [min, max], "baselineName", "better": "higher"|"lower",
//   "runs", "note", "pairedRatios" (bench/lib/measure.mjs `figure()` prints exactly this);
// - other stdout lines are ignored, progress goes to stderr, exit code non-zero only when the bench
//   itself broke (a missed goal is `"pass": false`, not a crash).
import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { adaptLegacy } from "./lib/legacy.mjs";
import { machineInfo, renderMarkdown } from "./lib/report.mjs";

const BENCH = new URL("./", import.meta.url);
const ROOT = new URL("../", import.meta.url);
// Scripts run in this order; any other bench/*.mjs follows, alphabetically.
const ORDER = ["read", "import", "export", "load"];
// Too long for the ~10 minute `npm run bench`; run on demand (memory: a 1,000,000-row import, about 10 minutes).
const ON_DEMAND = ["load", "memory"];

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, only: { type: "string" }, strict: { type: "boolean", default: false }, render: { type: "boolean", default: false }, save: { type: "boolean", default: false } } });
if (values.save && (values.quick || !values.only)) {
  process.stderr.write("bench: --save goes with --only (a full run always writes BENCHMARKS.md), never with --quick\n");
  process.exit(2);
}

// --render: rewrite BENCHMARKS.md from BENCHMARKS.json (after a change to the layout), measuring nothing.
if (values.render) {
  const saved = JSON.parse(await readFile(new URL("BENCHMARKS.json", ROOT), "utf8"));
  await writeFile(new URL("BENCHMARKS.md", ROOT), renderMarkdown(saved));
  process.exit(0);
}

async function scripts() {
  const names = (await readdir(BENCH)).filter((name) => name.endsWith(".mjs") && name !== "run.mjs").map((name) => name.slice(0, -4));
  const wanted = values.only?.split(",").map((name) => name.trim());
  // load.mjs (issue 6's 100,000-row soak, about 15 minutes) and memory.mjs run only when named: --only load,memory
  const chosen = wanted ? names.filter((name) => wanted.includes(name)) : names.filter((name) => !ON_DEMAND.includes(name));
  const rank = (name) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  return chosen.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Runs one script; resolves with its JSON lines (figures and others) and how it ended. */
async function runScript(name) {
  const file = fileURLToPath(new URL(`${name}.mjs`, BENCH));
  return new Promise((resolve) => {
    const args = [file, ...(values.quick ? ["--quick"] : [])];
    const child = spawn(process.execPath, args, { cwd: fileURLToPath(ROOT), stdio: ["ignore", "pipe", "inherit"] });
    let buffered = "";
    const lines = [];
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const part of parts) {
        try {
          const line = JSON.parse(part);
          if (line && typeof line === "object") lines.push(line);
        } catch {
          // not a figure: ignored
        }
      }
    });
    child.on("close", (code, signal) => resolve({ lines, code, signal }));
  });
}

const started = new Date();
const machine = machineInfo();
const figures = [];
const errors = [];
const raw = {};
const list = await scripts();
process.stderr.write(`bench: ${list.join(", ")}${values.quick ? " (quick)" : ""}; Node ${machine.node}, ${machine.cores} cores, load ${machine.loadAverage.join(" ")}\n`);
for (const name of list) {
  const t0 = performance.now();
  process.stderr.write(`\n== bench/${name}.mjs\n`);
  const { lines, code, signal } = await runScript(name);
  const own = lines.filter((line) => typeof line.figure === "string" && "ours" in line).map((line) => ({ ...line, bench: line.bench ?? name, script: name }));
  const others = lines.filter((line) => !(typeof line.figure === "string" && "ours" in line));
  const adapted = adaptLegacy(name, others).map((line) => ({ ...line, script: name }));
  figures.push(...own, ...adapted);
  if (others.length > 0 && adapted.length === 0) raw[name] = others;
  if (code !== 0) errors.push({ script: name, error: `exited ${signal ?? code}${own.length + adapted.length > 0 ? " after printing some figures" : ""}` });
  process.stderr.write(`== bench/${name}.mjs: ${own.length + adapted.length} figure(s) in ${Math.round((performance.now() - t0) / 1000)} s\n`);
}

const measuredAt = started.toISOString().slice(0, 10);
for (const f of figures) f.measuredAt = measuredAt;
const result = { startedAt: started.toISOString(), durationSeconds: Math.round((Date.now() - started.getTime()) / 1000), quick: values.quick, machine: { ...machine, loadAverageAtEnd: machineInfo().loadAverage }, figures, errors, ...(Object.keys(raw).length > 0 ? { raw } : {}) };
// A quick run is a smoke check: it never overwrites the committed figures.
const outDir = values.quick || (values.only && !values.save) ? new URL("results/", BENCH) : ROOT;
await mkdir(outDir, { recursive: true });
const stem = outDir === ROOT ? "BENCHMARKS" : values.quick ? "quick" : "partial";
const written = outDir !== ROOT ? result : await withCommitted(result);
await writeFile(new URL(`${stem}.json`, outDir), `${JSON.stringify(written, null, 2)}\n`);
await writeFile(new URL(`${stem}.md`, outDir), renderMarkdown(written));

process.stderr.write(`\n${figures.map((f) => `${f.pass === true ? "pass" : f.pass === false ? "FAIL" : "    "}  ${f.figure}: ${f.ours} ${f.unit}${f.ratio === null || f.ratio === undefined ? "" : ` = ${f.ratio} × ${f.baselineName}`}`).join("\n")}\n`);
process.stderr.write(`\nwrote ${fileURLToPath(new URL(`${stem}.md`, outDir))} and .json in ${result.durationSeconds} s\n`);
const failedGoal = figures.some((f) => f.pass === false);
process.exitCode = errors.length > 0 ? 2 : values.strict && failedGoal ? 1 : 0;

/**
 * The committed figures this run does not replace: a full run keeps the on-demand scripts' last
 * figures (dated), a --save run replaces only its own scripts' figures in the committed file.
 */
async function withCommitted(run) {
  let saved;
  try {
    saved = JSON.parse(await readFile(new URL("BENCHMARKS.json", ROOT), "utf8"));
  } catch {
    return run;
  }
  const date = saved.startedAt?.slice(0, 10);
  const dated = (f) => ({ ...f, measuredAt: f.measuredAt ?? date });
  if (!values.save) return { ...run, figures: [...run.figures, ...saved.figures.filter((f) => ON_DEMAND.includes(f.script) && !list.includes(f.script)).map(dated)] };
  const kept = saved.figures.filter((f) => !list.includes(f.script)).map(dated);
  return { ...saved, figures: [...kept, ...run.figures], errors: [...(saved.errors ?? []), ...run.errors] };
}
