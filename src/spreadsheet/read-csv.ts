// Delimited text (.csv/.tsv/.txt) as SheetRows: parsed on a worker thread for large files, in this one for small.
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { CsvBatch } from "./csv-batch.js";
import { detectDelimiter } from "./csv-delimiter.js";
import { chooseEncoding, decodeText } from "./csv-encoding.js";
import type { TextEncodingPlan } from "./csv-encoding.js";
import { csvBatches } from "./csv-records.js";
import { CsvRows } from "./csv-rows.js";
import type { CsvWorkerInput, CsvWorkerMessage } from "./csv-worker.js";
import type { ReadOptions, SheetSource } from "./types.js";

/**
 * Below this (about 60,000 customer rows) parsing takes well under a second, and a thread's start-up
 * and its own heap (~30 MB of peak RSS) cost more than they save.
 */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

// The built worker beside this module; under the test runner, which runs the TypeScript sources (a
// worker cannot load them), the build of the same sources (`npm test` builds before it runs vitest).
const WORKER_SCRIPT = import.meta.url.endsWith(".ts") ? new URL("../../dist/spreadsheet/csv-worker.js", import.meta.url) : new URL("./csv-worker.js", import.meta.url);
const WORKER_WINDOW = 8;

/**
 * Open a delimited text file: encoding and delimiter are settled from its first bytes (`head`),
 * so a wrong encoding fails here; rows stream when iterated.
 */
export async function readCsv(file: string, head: Uint8Array, options: ReadOptions = {}): Promise<SheetSource> {
  const plan = chooseEncoding(head, options.encoding, file);
  const sample = await decodeHead(head, plan, file);
  const delimiter = options.delimiter === undefined ? detectDelimiter(sample) : delimiterOption(options.delimiter);
  const parser = await chooseParser(file, options.csvWorker);
  const rows = new CsvRows(parser === "worker" ? batchesOnWorker(file, plan, delimiter) : csvBatches(file, plan, delimiter));
  return { file, format: "csv", delimiter, encoding: plan.encoding, parser, rows, takeReady: () => rows.takeReady() };
}

async function chooseParser(file: string, wanted: boolean | undefined): Promise<"worker" | "main"> {
  const available = WORKER_SCRIPT.protocol === "file:" && existsSync(fileURLToPath(WORKER_SCRIPT));
  if (wanted === true && !available) throw new ToolError("E_INTERNAL", msg("sheet.workerMissing", { url: WORKER_SCRIPT.href }));
  if (wanted !== undefined) return wanted ? "worker" : "main";
  return available && (await stat(file)).size >= WORKER_MIN_BYTES ? "worker" : "main";
}

/** csvBatches on a worker thread: the same batches and the same errors, a few batches ahead. */
async function* batchesOnWorker(file: string, plan: TextEncodingPlan, delimiter: string): AsyncGenerator<CsvBatch> {
  const input: CsvWorkerInput = { file, plan, delimiter, window: WORKER_WINDOW };
  // execArgv: the worker needs none of the parent's flags, and some stop it from starting at all
  // (--input-type, which `node -e` harnesses pass, is refused in a worker). Its garbage is short-lived:
  // a young generation of 8 MB (not V8's default, up to 48) saves ~25 MB of peak RSS at no measurable cost.
  const worker = new Worker(WORKER_SCRIPT, { workerData: input, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const inbox: (CsvWorkerMessage | { exit: number } | { crash: Error })[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: (typeof inbox)[number]) => {
    inbox.push(message);
    wake?.();
    wake = undefined;
  };
  worker.on("message", deliver);
  worker.on("error", (crash: Error) => deliver({ crash }));
  worker.on("exit", (exit: number) => deliver({ exit }));
  try {
    for (;;) {
      if (inbox.length === 0) {
        // Held open only while waiting for it: a consumer that drops the rows without closing them
        // must not leave the process running for a thread nobody reads.
        worker.ref();
        while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        worker.unref();
      }
      const message = inbox.shift()!;
      if ("batch" in message) {
        worker.postMessage(1); // the worker parses the next batch while this one is mapped
        yield message.batch;
      } else if ("done" in message) return;
      else if ("toolError" in message) {
        const { code, said, hintSaid, exitCode } = message.toolError;
        throw new ToolError(code, said, { hint: hintSaid, exitCode });
      } else if ("failure" in message) throw new ToolError("E_INTERNAL", msg("sheet.readFailed", { file, problem: message.failure }));
      else if ("crash" in message) throw new ToolError("E_INTERNAL", msg("sheet.readFailed", { file, problem: message.crash.message }), { cause: message.crash });
      else throw new ToolError("E_INTERNAL", msg("sheet.readFailed", { file, problem: msg("sheet.workerStopped", { code: String(message.exit) }) }));
    }
  } finally {
    await worker.terminate();
  }
}

// The head may end inside a character: decode without the final flush, for sniffing only.
async function decodeHead(head: Uint8Array, plan: TextEncodingPlan, file: string): Promise<string> {
  let text = "";
  for await (const chunk of decodeText([head], plan, file, { partial: true })) text += chunk;
  return text;
}

function delimiterOption(delimiter: string): string {
  if (delimiter === "tab" || delimiter === "\\t") return "\t";
  if (delimiter === "" || /["\r\n]/.test(delimiter)) {
    throw new ToolError("E_USAGE", msg("sheet.badDelimiter", { delimiter: JSON.stringify(delimiter) }), {
      hint: msg("sheet.delimiterChoices"),
    });
  }
  return delimiter;
}
