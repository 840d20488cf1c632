// Which of `,` `;` tab separates the cells: the one that splits the first lines most consistently.

const CANDIDATES = [",", ";", "\t"] as const;
const SAMPLE_LINES = 20;

/**
 * Count each candidate outside quotes on the first lines and keep the one whose most common
 * non-zero count is shared by the most lines (ties: more cells, then `,` `;` tab). A file with a
 * single column has no delimiter at all: `,`.
 */
export function detectDelimiter(sample: string): string {
  const lines = countsPerLine(sample);
  let best: { delimiter: string; lines: number; cells: number } = { delimiter: ",", lines: 0, cells: 0 };
  for (const [index, delimiter] of CANDIDATES.entries()) {
    const counts = lines.map((line) => line[index] ?? 0).filter((count) => count > 0);
    const [mode, frequency] = mostCommon(counts);
    if (frequency > best.lines || (frequency === best.lines && mode > best.cells)) {
      best = { delimiter, lines: frequency, cells: mode };
    }
  }
  return best.delimiter;
}

// Per line (a quoted cell may span lines), how often each candidate appears outside quotes.
function countsPerLine(sample: string): number[][] {
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const ch = sample[i];
    if (inQuotes) {
      if (ch === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    const candidate = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
    if (candidate !== -1) {
      counts[candidate] = (counts[candidate] ?? 0) + 1;
      fieldStart = true;
      blank = false;
    } else if (ch === "\n" || ch === "\r") {
      if (!blank) lines.push(counts);
      counts = [0, 0, 0];
      fieldStart = true;
      blank = true;
    } else {
      if (ch === '"' && fieldStart) inQuotes = true;
      fieldStart = false;
      blank = false;
    }
  }
  if (!blank && lines.length < SAMPLE_LINES) lines.push(counts);
  return lines;
}

function mostCommon(values: number[]): [value: number, frequency: number] {
  const tally = new Map<number, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  let best: [number, number] = [0, 0];
  for (const [value, frequency] of tally) {
    if (frequency > best[1] || (frequency === best[1] && value > best[0])) best = [value, frequency];
  }
  return best;
}
