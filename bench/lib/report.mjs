// BENCHMARKS.md from the run's figures: the headline table of ratios, then every figure's spread.
import { cpus, loadavg, release, totalmem } from "node:os";

export function machineInfo() {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model?.trim() ?? "unknown",
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

const number = (value, unit) => {
  if (value === null || value === undefined) return "–";
  if (unit === "check") return value ? "yes" : "no";
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 1 : 0;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
};

const withUnit = (value, unit) => (value === null || value === undefined ? "–" : unit === "check" || unit === "ratio" ? number(value, unit) : `${number(value, unit)} ${unit}`);
const range = (values, unit) => (values && values[0] !== values[1] ? ` (${number(values[0], unit)}–${number(values[1], unit)})` : "");
const verdict = (pass) => (pass === true ? "**pass**" : pass === false ? "**FAIL**" : "context");
const cell = (text) => String(text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderMarkdown(result) {
  const { machine, figures, errors } = result;
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${result.startedAt.slice(0, 10)} (${Math.round(result.durationSeconds)} s in all). Absolute times vary between machines; the **ratio** to a baseline measured in the same run is the headline. Each side runs in its own child process, several times where noted, sides alternating; the table shows medians, with min–max in brackets.`,
    "",
    `Machine: Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; load average at start ${machine.loadAverage.join(" / ")}.`,
    "",
    "| Figure | Ours | Baseline | Ratio | Goal | Result | Runs |",
    "| --- | ---: | --- | ---: | --- | --- | ---: |",
  ];
  for (const f of figures) {
    const baseline = f.baseline === null || f.baseline === undefined ? (f.baselineName ?? "–") : `${withUnit(f.baseline, f.unit)}${range(f.baselineRange, f.unit)}: ${f.baselineName ?? ""}`;
    lines.push(`| ${cell(f.figure)} | ${withUnit(f.ours, f.unit)}${range(f.oursRange, f.unit)} | ${cell(baseline)} | ${f.ratio === null || f.ratio === undefined ? "–" : f.ratio.toFixed(2)} | ${cell(f.goal ?? "–")} | ${verdict(f.pass)} | ${f.runs ?? 1} |`);
  }
  const runDate = result.startedAt.slice(0, 10);
  // an on-demand script's figure (`--only memory --save`) says when and how it was measured
  const onDemand = (f) => (f.measuredAt && f.measuredAt !== runDate ? `measured on ${f.measuredAt} by \`node bench/run.mjs --only ${f.script} --save\`` : "");
  const notes = figures.filter((f) => f.note || f.pairedRatios || onDemand(f));
  if (notes.length > 0) {
    lines.push("", "## Notes", "");
    for (const f of notes) {
      const paired = f.pairedRatios ? `ratio of each round's runs: ${f.pairedRatios.map((r) => r.toFixed(2)).join(", ")}` : "";
      lines.push(`- **${f.figure}**${f.baselineName ? ` vs ${f.baselineName}` : ""}: ${[onDemand(f), f.note, paired].filter(Boolean).join("; ")}`);
    }
  }
  if (errors.length > 0) {
    lines.push("", "## Benchmarks that did not finish", "");
    for (const e of errors) lines.push(`- \`bench/${e.script}.mjs\`: ${cell(e.error)}`);
  }
  lines.push(
    "",
    "## Reproduce",
    "",
    "```sh",
    "npm ci",
    `npm run bench                      # builds, runs every bench/*.mjs, rewrites BENCHMARKS.md and BENCHMARKS.json (${Math.round(result.durationSeconds / 60)} minutes here)`,
    "node bench/run.mjs --quick         # small sizes, one run each: a smoke check; writes bench/results/ (not committed)",
    "node bench/run.mjs --only read     # one script (read, import, export); writes bench/results/",
    "node bench/run.mjs --only memory --save   # an on-demand script (memory, load: too long for every run), merged into BENCHMARKS.md",
    "```",
    "",
    "All input is generated into a temporary directory (realistic Vietnamese customers, unique codes) and removed afterwards; nothing is downloaded. Run it on an otherwise idle machine: other load skews the medians (the load average above tells).",
    "",
  );
  return lines.join("\n");
}
