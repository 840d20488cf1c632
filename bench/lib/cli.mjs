// The CLI as a bench child runs it (built, in-process, --json), and what its report says about 429s.
import { readFile } from "node:fs/promises";
import { PassThrough } from "node:stream";
import { childMain } from "./measure.mjs";

const DIST = new URL("../../dist/", import.meta.url);

/** Times `finan-bulk <args> --json` in this (child) process and prints its figures; `pick` chooses what of the summary to keep. */
export async function importChild(args, pick, command = "import") {
  const { main } = await import(new URL("cli.js", DIST).href);
  const { processIo } = await import(new URL("io.js", DIST).href);
  // loaded before the clock starts, as the bare loop's modules are: the figure is throughput
  await import(new URL(`commands/${command}.js`, DIST).href);
  return childMain(async () => {
    const stdout = new PassThrough();
    let json = "";
    stdout.on("data", (chunk) => (json += chunk));
    const code = await main([...args, "--json"], { ...processIo(new AbortController().signal), stdout, isTTY: false });
    return { code, ...pick(JSON.parse(json)) };
  });
}

/** Rows of the report that failed on a 429: the figure that must be 0. */
export async function failedBy429(report) {
  const { parse } = await import("csv-parse/sync");
  const [header, ...rows] = parse(await readFile(report), { bom: true, relax_column_count: true });
  const status = header.indexOf("status");
  const http = header.indexOf("http_status");
  return rows.filter((row) => row[status] === "failed" && row[http] === "429").length;
}
