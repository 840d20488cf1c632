// Figures from bench scripts written before the run.mjs protocol (load.mjs as first written):
// their own JSON lines mapped to protocol figures. Delete once load.mjs prints figures.

/** Protocol figures from one script's non-protocol JSON lines (unknown shapes give none). */
export function adaptLegacy(script, lines) {
  if (script === "load") return fromLoad(lines);
  return [];
}

function base(bench, figure, fields) {
  return { bench, figure, better: "higher", oursRange: null, baseline: null, baselineRange: null, baselineName: null, ratio: null, goal: null, pass: null, runs: 1, note: null, ...fields };
}

const ratio = (ours, baseline) => (typeof ours === "number" && typeof baseline === "number" && baseline !== 0 ? Math.round((ours / baseline) * 1000) / 1000 : null);

function fromLoad(lines) {
  const run = lines.find((line) => line.bench === "import" && "everyRowAccountedFor" in line);
  if (run === undefined) return [];
  const n = Number(run.rows).toLocaleString("en-US");
  const setting = `sandbox --rate-limit ${run.rateLimit} --fail-rate ${run.failRate}, --rate ${run.rate} --concurrency ${run.concurrency}`;
  return [
    base("load", `Import ${n} rows under faults (${setting})`, {
      unit: "rows/s",
      ours: run.rowsPerSecond,
      baseline: run.rate,
      baselineName: `the client's --rate (${run.rate}/s)`,
      ratio: ratio(run.rowsPerSecond, run.rate),
      note: `exit ${run.exitCode}; ${run.seconds} s; statuses ${JSON.stringify(run.statuses)}`,
    }),
    base("load", `Import ${n} rows under faults: every row accounted for, no duplicate`, { unit: "check", ours: run.everyRowAccountedFor ? 1 : 0, goal: "yes", pass: run.everyRowAccountedFor === true, note: (run.problems ?? []).join("; ") || null }),
    base("load", `Import ${n} rows under faults: peak RSS`, { unit: "MB", better: "lower", ours: run.peakRssMB, goal: "ours < 300 MB", pass: run.underRssLimit === true }),
  ];
}
