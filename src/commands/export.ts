import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import type { Io } from "../io.js";
import { writeLine } from "../io.js";
import { parseColumnSelection } from "../export/columns.js";
import { createProgressLine } from "../output/progress.js";
import { MAX_WARNINGS } from "../export/changes.js";
import { runExport } from "../export/run.js";
import { DEFAULT_TIME_ZONE, checkTimeZone } from "../export/cell-words.js";
import { render, t } from "../i18n/text.js";
import type { ExportFormat, ExportResult, NamedCustomer } from "../export/run.js";
import { defineCommand } from "./define.js";
import { headerLang, numberOption, pacingOptions, withNetworkFlags } from "./options.js";

/** Customers named per line of the summary; --json names them all. */
const NAMED = 10;

/** `finan-bulk export <file>`: exit 0 with the whole list written, 2 with nothing written, 130 interrupted. */
export const exportCommand = defineCommand({
  builder: (y, lang) =>
    withNetworkFlags(y.positional("file", { type: "string", demandOption: true, describe: "The .csv or .xlsx to write" }))
      .option("summary", { type: "boolean", default: false, describe: "Only the list's summary fields (no per-customer fetch)" })
      .option("type", { choices: ["personal", "company"] as const, describe: "Only this type of customer" })
      .option("columns", { type: "string", describe: "Comma-separated headers or field paths to write, in that order; contact_persons or bank_accounts for every group the data needs" })
      .option("bom", { type: "boolean", default: true, describe: "CSV: start with a UTF-8 BOM so Excel shows Vietnamese (--no-bom to omit)" })
      .option("page-size", { type: "number", default: 100, describe: "Customers per list request" })
      .option("mkdir", { type: "boolean", default: false, describe: "Create the output folder if it does not exist (otherwise a missing folder is an error)" })
      .option("timezone", { type: "string", describe: t(lang, "export.help.timezone") })
      .example("$0 export customers.xlsx", "Everything, Excel")
      .example("$0 export out/customers.xlsx --mkdir", "Into out/, creating it if needed")
      .example("$0 export companies.csv --type company --json", "Companies only, summary as JSON")
      .example('$0 export banks.csv --columns "Customer code,Name,bank_accounts"', "Chosen columns only"),
  run: async (args, io) => {
    const format = formatOf(args.file);
    const selection = args.columns === undefined ? undefined : parseColumnSelection(args.columns, args.summary);
    const pageSize = numberOption(args.pageSize, "--page-size", { min: 1, integer: true });
    const pacing = { ...pacingOptions(args), ...(args.debug ? { onRetry: logRetry(io) } : {}) };
    const lang = headerLang(args.lang);
    // a nightly English export keeps the server's times unless asked; a Vietnamese one reads them in Vietnam's zone
    const timeZone = args.timezone !== undefined ? checkTimeZone(args.timezone) : lang === "vi" ? DEFAULT_TIME_ZONE : undefined;
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr, io.lang);
    const file = resolve(io.cwd, args.file);
    await checkWritable(file, args.file, args.mkdir);

    const progress = createProgressLine(io.stderr, io.isTTY, io.now);
    let result: ExportResult;
    try {
      result = await runExport({
        file,
        format,
        summaryOnly: args.summary,
        type: args.type,
        selection,
        lang,
        timeZone,
        bom: args.bom,
        pageSize,
        pacing,
        connection,
        signal: io.signal,
        now: io.now,
        onProgress: (state) => progress.update(state),
      });
    } finally {
      progress.clear();
    }
    printSummary(io, { file: args.file, json: args.json, type: args.type }, result, args.summary);
    return { failing: 0 };
  },
});

function printSummary(io: Io, asked: { file: string; json: boolean; type: string | undefined }, result: ExportResult, summaryOnly: boolean): void {
  const seconds = result.elapsedMs / 1000;
  const customersPerSecond = seconds > 0 ? Math.round((result.customers / seconds) * 10) / 10 : result.customers;
  if (asked.json) {
    // --json speaks English: the warnings' messages rendered so
    const english = { warnings: result.warnings.map((warning) => ({ ...warning, message: render("en", warning.message) })), fileWarnings: result.fileWarnings.map((warning) => render("en", warning)) };
    writeLine(io.stdout, JSON.stringify({ command: "export", ok: true, ...result, ...english, pace: result.pace?.bound ?? null, summaryOnly, type: asked.type ?? null, customersPerSecond }));
    return;
  }
  const count = (n: number) => `${n.toLocaleString("en-US")} customer${n === 1 ? "" : "s"}`;
  writeLine(io.stderr, `Exported ${count(result.customers)} to ${asked.file} in ${seconds.toFixed(1)} s (${customersPerSecond.toLocaleString("en-US")} customers/s, ${result.requests.toLocaleString("en-US")} request${result.requests === 1 ? "" : "s"}).`);
  if (result.pace) writeLine(io.stderr, render(io.lang, result.pace.said));
  const changes = [
    [result.deletedDuringExport, "deleted during the export and are not in the file"],
    [result.createdDuringExport, "created during the export and are in the file"],
    [result.changedDuringExport, "changed during the export; the file has them as they were when fetched"],
  ] as const;
  for (const [customers, what] of changes) {
    if (customers.length === 0) continue;
    const verb = customers.length === 1 ? "customer was" : "customers were";
    writeLine(io.stderr, `${customers.length} ${verb} ${what}: ${nameSome(customers.map(nameOf))}.`);
  }
  for (const warning of result.fileWarnings) writeLine(io.stderr, `warning: ${render(io.lang, warning)}`);
  const { warnings, warningCount } = result;
  if (warningCount > 0) {
    writeLine(io.stderr, `${warningCount.toLocaleString("en-US")} warning${warningCount === 1 ? "" : "s"} about the data (the file keeps every value as text; check these in Finan):`);
    for (const warning of warnings.slice(0, NAMED)) writeLine(io.stderr, `  ${nameOf(warning)}: ${render(io.lang, warning.message)}`);
    if (warningCount > NAMED) writeLine(io.stderr, `  and ${(warningCount - NAMED).toLocaleString("en-US")} more (--json lists the first ${MAX_WARNINGS.toLocaleString("en-US")}).`);
  }
}

function nameOf(customer: NamedCustomer): string {
  return `${customer.customer_code || "(no code)"} (${customer.name || customer.customer_id})`;
}

function nameSome(names: string[]): string {
  return names.length > NAMED ? `${names.slice(0, NAMED).join(", ")} and ${names.length - NAMED} more` : names.join(", ");
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
async function checkWritable(file: string, given: string, makeFolder: boolean): Promise<void> {
  const folder = dirname(file);
  // A missing folder is often an unmounted share: creating it would write to the local disk instead.
  if (!makeFolder && !(await stat(folder).catch(() => undefined))) {
    throw new ToolError("E_FILE_UNWRITABLE", `Cannot write ${given}: its folder ${folder} does not exist.`, {
      hint: "Check the path (is the network share or disk mounted?), create the folder, or add --mkdir to create it.",
    });
  }
  try {
    if (makeFolder) await mkdir(folder, { recursive: true });
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
