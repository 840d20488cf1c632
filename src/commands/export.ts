import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { createClient } from "../api/client.js";
import { resolveConnection } from "../config.js";
import type { Lang } from "../customers/columns.js";
import type { CustomerType } from "../customers/types.js";
import { EXIT_OK, ToolError } from "../errors.js";
import type { Io } from "../io.js";
import { writeLine } from "../io.js";
import { parseColumnSelection } from "../export/columns.js";
import { createProgressLine } from "../export/progress.js";
import { runExport } from "../export/run.js";
import type { ExportFormat, ExportResult } from "../export/run.js";
import { numberOption, pacingOptions } from "./options.js";
import type { NetworkArgs } from "./options.js";

interface ExportArgs extends NetworkArgs {
  file: string;
  summary?: boolean;
  type?: CustomerType;
  columns?: string;
  lang?: Lang;
  bom?: boolean;
  pageSize?: number;
  json?: boolean;
  debug?: boolean;
}

const NAMED_DELETIONS = 10;

/** `finan-bulk export <file>`: exit 0 with the whole list written, 2 with nothing written, 130 interrupted. */
export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const format = formatOf(args.file);
  const summaryOnly = args.summary ?? false;
  const selection = args.columns === undefined ? undefined : parseColumnSelection(args.columns, summaryOnly);
  const pageSize = numberOption(args.pageSize, "--page-size", 100, { min: 1, integer: true });
  const pacing = { ...pacingOptions(args), ...(args.debug ? { onRetry: logRetry(io) } : {}) };
  const connection = resolveConnection(args, io.env, io.cwd, io.stderr);
  const file = resolve(io.cwd, args.file);
  await checkWritable(file, args.file);

  const client = createClient({ ...connection, headersTimeoutMs: connection.timeoutMs, bodyTimeoutMs: connection.timeoutMs, connections: pacing.concurrency });
  const progress = createProgressLine(io.stderr, io.isTTY, io.now);
  let result: ExportResult;
  try {
    result = await runExport(client, {
      file,
      format,
      summaryOnly,
      type: args.type,
      selection,
      lang: args.lang ?? "en",
      bom: args.bom ?? true,
      pageSize,
      pacing,
      clientId: connection.clientId,
      signal: io.signal,
      now: io.now,
      onProgress: (state) => progress.update(state),
    });
  } finally {
    progress.clear();
    await client.close();
  }
  printSummary(io, args, result, summaryOnly);
  return EXIT_OK;
}

function printSummary(io: Io, args: ExportArgs, result: ExportResult, summaryOnly: boolean): void {
  const seconds = result.elapsedMs / 1000;
  const customersPerSecond = seconds > 0 ? Math.round((result.customers / seconds) * 10) / 10 : result.customers;
  if (args.json) {
    writeLine(io.stdout, JSON.stringify({ command: "export", ok: true, ...result, pace: result.pace?.bound ?? null, summaryOnly, type: args.type ?? null, customersPerSecond }));
    return;
  }
  const count = (n: number) => `${n.toLocaleString("en-US")} customer${n === 1 ? "" : "s"}`;
  writeLine(io.stderr, `Exported ${count(result.customers)} to ${args.file} in ${seconds.toFixed(1)} s (${customersPerSecond.toLocaleString("en-US")} customers/s, ${result.requests.toLocaleString("en-US")} request${result.requests === 1 ? "" : "s"}).`);
  if (result.pace) writeLine(io.stderr, result.pace.note);
  const deleted = result.deletedDuringExport;
  if (deleted.length > 0) {
    const named = deleted.slice(0, NAMED_DELETIONS).map((c) => `${c.customer_code || "(no code)"} (${c.name || c.customer_id})`);
    const more = deleted.length > NAMED_DELETIONS ? ` and ${deleted.length - NAMED_DELETIONS} more` : "";
    const verb = deleted.length === 1 ? "customer was" : "customers were";
    writeLine(io.stderr, `${deleted.length} ${verb} deleted during the export and are not in the file: ${named.join(", ")}${more}.`);
  }
  for (const warning of result.warnings) writeLine(io.stderr, `warning: ${warning}`);
}

function formatOf(file: string): ExportFormat {
  const extension = extname(file).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".csv") return "csv";
  throw new ToolError("E_USAGE", `export writes .xlsx or .csv, not "${extension || "(no extension)"}": ${file}`, {
    hint: "Name the file out.xlsx (Excel) or out.csv (UTF-8 text).",
  });
}

/** Fail before hours of fetching, not after, when the target cannot be written. */
async function checkWritable(file: string, given: string): Promise<void> {
  const folder = dirname(file);
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unwritable";
    throw new ToolError("E_FILE_UNWRITABLE", `Cannot write ${given}: its folder ${folder} is not writable (${code}).`, { cause: error, hint: "Choose a folder you can write to." });
  }
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new ToolError("E_USAGE", `Cannot write ${given}: it is a folder.`, { hint: "Give a file name ending in .xlsx or .csv." });
  }
}

function logRetry(io: Io) {
  return ({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: Error }) => {
    writeLine(io.stderr, `retry ${attempt} in ${(delayMs / 1000).toFixed(1)} s: ${error.message}`);
  };
}
