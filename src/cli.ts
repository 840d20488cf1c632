import { createRequire } from "node:module";
import yargs from "yargs";
import type { Argv } from "yargs";
import { EXIT_CANNOT_PROCEED, ToolError, describeError, exitCodeOf } from "./errors.js";
import { guardOutput, processIo, writeLine } from "./io.js";
import { holdJsonSummary } from "./output/json.js";
import type { Io } from "./io.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

type Args = Record<string, unknown> & { _: (string | number)[] };
type CommandName = "template" | "validate" | "import" | "export" | "undo" | "runs" | "sandbox";

/** The whole CLI: argv in, exit code out. Never calls process.exit, so tests drive it in-process. */
export async function main(argv: string[], io: Io = processIo(new AbortController().signal)): Promise<number> {
  guardOutput(io);
  let chosen: { name: CommandName; args: Args } | undefined;
  const parser = buildParser((name) => (args) => {
    chosen = { name, args: args as Args };
  });
  const { error, output } = await new Promise<{ error: Error | undefined; output: string }>((done) => {
    void parser.parse(argv, {}, (err, _args, out) => done({ error: err ?? undefined, output: out }));
  });
  if (error) {
    // yargs's output is the relevant help followed by the reason; the reason goes last, on its own line.
    const help = output.replace(error.message, "").trimEnd();
    if (help) writeLine(io.stderr, help);
    writeLine(io.stderr, "");
    writeLine(io.stderr, `finan-bulk: ${error.message}`);
    if (argv.includes("--json")) holdJsonSummary(argv.find(isCommandName), io.stdout, io.stderr).print(EXIT_CANNOT_PROCEED, new ToolError("E_USAGE", error.message));
    return EXIT_CANNOT_PROCEED;
  }
  if (!chosen) {
    if (output) writeLine(io.stdout, output);
    return 0;
  }
  // --json: one object however the run ends (the sandbox prints its settings instead)
  const json = chosen.args.json === true && chosen.name !== "sandbox" ? holdJsonSummary(chosen.name, io.stdout, io.stderr) : undefined;
  const endedAtOnce = (code: number) => json?.print(code, endedEarly(code));
  if (json && io.stdout === process.stdout) process.once("exit", endedAtOnce);
  try {
    const command = await loadCommand(chosen.name);
    const code = await command(chosen.args as never, json ? { ...io, stdout: json.stdout } : io);
    json?.print(code);
    return code;
  } catch (caught) {
    writeLine(io.stderr, `finan-bulk ${chosen.name}: ${describeError(caught)}`);
    if (chosen.args.debug && caught instanceof Error && caught.stack) writeLine(io.stderr, caught.stack);
    const code = exitCodeOf(caught);
    json?.print(code, caught);
    return code;
  } finally {
    process.off("exit", endedAtOnce);
  }
}

/** Why the process ended while a command still ran: a second Ctrl-C or signal, or a crash. */
function endedEarly(code: number): ToolError {
  if (code > 128) return new ToolError("E_INTERRUPTED", "Stopped at once, before the run could finish: run the same command again to continue.", { exitCode: code });
  return new ToolError("E_INTERNAL", `The process ended unexpectedly (exit ${code}) before the run could finish: run the same command again, with --debug to see why.`, { exitCode: code });
}

const COMMANDS: readonly string[] = ["template", "validate", "import", "export", "undo", "sandbox"] satisfies CommandName[];
const isCommandName = (word: string): word is CommandName => COMMANDS.includes(word);

// Each command checks its own arguments; yargs has already refused unknown flags.
type Command = (args: never, io: Io) => Promise<number>;

async function loadCommand(name: CommandName): Promise<Command> {
  // Lazy: `finan-bulk template` never loads undici, `validate` never loads the API client.
  switch (name) {
    case "template":
      return (await import("./commands/template.js")).templateCommand;
    case "validate":
      return (await import("./commands/validate.js")).validateCommand;
    case "import":
      return (await import("./commands/import.js")).importCommand;
    case "export":
      return (await import("./commands/export.js")).exportCommand;
    case "undo":
      return (await import("./commands/undo.js")).undoCommand;
    case "runs":
      return (await import("./commands/runs.js")).runsCommand;
    case "sandbox":
      return (await import("./commands/sandbox.js")).sandboxCommand;
  }
}

function buildParser(handler: (name: CommandName) => (args: unknown) => void): Argv {
  return yargs()
    .scriptName("finan-bulk")
    .usage("$0 <command> [options]\n\nMove customer records between spreadsheets (CSV, XLSX) and the Finan One Customers API.")
    .version(version)
    .help()
    .alias("h", "help")
    .strict()
    // yargs 18 takes plural forms here; @types/yargs (written for 17) only knows plain strings.
    .updateStrings({
      "Not enough non-option arguments: got %s, need at least %s": { one: "Missing the file to work on (%s given, %s needed): see the usage above.", other: "Missing the file to work on (%s given, %s needed): see the usage above." },
      "Unknown argument: %s": { one: "Unknown option or command: %s", other: "Unknown options or commands: %s" },
    } as unknown as Record<string, string>)
    .demandCommand(1, "Name a command: template, validate, import, export, undo, runs or sandbox.")
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .option("json", { type: "boolean", default: false, describe: "Print the run summary as one JSON object on stdout, also when the run fails" })
    .option("debug", { type: "boolean", default: false, describe: "Print stack traces of errors (never secrets)" })
    .group(["json", "debug", "help", "version"], "Global options:")
    .command("template <file>", "Write a blank template (.xlsx with instructions, or .csv)", (y) =>
      y
        .positional("file", { type: "string", demandOption: true, describe: "The template to write (.xlsx or .csv)" })
        .option("lang", { choices: ["en", "vi"] as const, default: "en", describe: "Header language" })
        .option("force", { type: "boolean", describe: "Replace the file if it exists (by default an existing file is left alone)" })
        .example("$0 template customers.xlsx", "Excel template with an Instructions sheet")
        .example("$0 template khach-hang.xlsx --lang vi", "Vietnamese headers"), handler("template"))
    .command("validate <input>", "Check a spreadsheet without sending anything; writes a report", (y) =>
      readerOptions(y.positional("input", { type: "string", demandOption: true, describe: "The .csv or .xlsx to check" }))
        .option("report", { type: "string", describe: "Report file (default <input>.check.<ext>)" })
        .option("force", { type: "boolean", describe: "Overwrite a report changed since finan-bulk wrote it" })
        .example("$0 validate customers.xlsx", "Writes customers.check.xlsx beside it"), handler("validate"))
    .command("import <input>", "Validate, then create or replace customers through the API", (y) =>
      networkOptions(readerOptions(y.positional("input", { type: "string", demandOption: true, describe: "The .csv or .xlsx to import" })))
        .option("mode", { choices: ["create", "upsert", "merge"] as const, default: "upsert", describe: "create: skip existing codes; upsert: replace them (blank cells clear); merge: replace, keeping what the row leaves blank" })
        .option("dry-run", { type: "boolean", default: false, describe: "Plan only: say per row what would happen, send no write" })
        .option("report", { type: "string", describe: "Report file (default <input>.report.<ext>; for a report or check as input, <name>.report-2.<ext>, -3, …)" })
        .option("force", { type: "boolean", describe: "Overwrite a report changed since finan-bulk wrote it" })
        .option("only", { type: "string", describe: "Re-run only rows of a report with these statuses, e.g. failed,invalid" })
        .option("backup", { type: "boolean", default: true, describe: "Journal each record before replacing it, so undo can restore it (--no-backup skips the GET)" })
        .example("$0 import customers.xlsx --dry-run", "See what would be created, replaced or cleared")
        .example("$0 import customers.report.xlsx --only failed,invalid", "Re-run the rows you fixed in the report"), handler("import"))
    .command("export <file>", "Write every customer to a spreadsheet (.xlsx or .csv)", (y) =>
      networkOptions(y.positional("file", { type: "string", demandOption: true, describe: "The .csv or .xlsx to write" }))
        .option("summary", { type: "boolean", default: false, describe: "Only the list's summary fields (no per-customer fetch)" })
        .option("type", { choices: ["personal", "company"] as const, describe: "Only this type of customer" })
        .option("columns", { type: "string", describe: "Comma-separated headers or field paths to write, in that order; contact_persons or bank_accounts for every group the data needs" })
        .option("lang", { choices: ["en", "vi"] as const, default: "en", describe: "Header language" })
        .option("bom", { type: "boolean", default: true, describe: "CSV: start with a UTF-8 BOM so Excel shows Vietnamese (--no-bom to omit)" })
        .option("page-size", { type: "number", default: 100, describe: "Customers per list request" })
        .option("mkdir", { type: "boolean", default: false, describe: "Create the output folder if it does not exist (otherwise a missing folder is an error)" })
        .example("$0 export customers.xlsx", "Everything, Excel")
        .example("$0 export out/customers.xlsx --mkdir", "Into out/, creating it if needed")
        .example("$0 export companies.csv --type company --json", "Companies only, summary as JSON")
        .example('$0 export banks.csv --columns "Customer code,Name,bank_accounts"', "Chosen columns only"), handler("export"))
    .command("undo <report>", "Reverse an import run: delete what it created, restore what it replaced", (y) =>
      networkOptions(y.positional("report", { type: "string", demandOption: true, describe: "The report the import wrote" }))
        .option("dry-run", { type: "boolean", default: false, describe: "Plan only" })
        .option("force", { type: "boolean", default: false, describe: "Also undo records changed on the server since the run, or a run a later run touched" })
        .option("run", { type: "number", describe: "The run to undo, as `runs` lists them (default the latest)" })
        .example("$0 undo customers.report.xlsx --dry-run", "See what undo would do")
        .example("$0 undo customers.report.xlsx --run 1", "Undo an earlier run (after undoing the later ones)"), handler("undo"))
    .command("runs <report>", "List the runs of a report that undo can reverse", (y) =>
      y
        .positional("report", { type: "string", demandOption: true, describe: "The report an import wrote" })
        .option("prune", { type: "number", describe: "Remove the journals of runs started more than DAYS days ago (never the latest)" })
        .example("$0 runs customers.report.xlsx", "When each run ran, its counts, its journal's size"), handler("runs"))
    .command("sandbox", "Run the local emulator of the Finan Customers API", (y) =>
      y
        .option("port", { type: "number", default: 8787, describe: "Port on 127.0.0.1 (0 picks a free one)" })
        .option("data", { type: "string", describe: "Persist customers in this JSON file" })
        .option("rate-limit", { type: "number", describe: "Answer 429 beyond N requests per second" })
        .option("fail-rate", { type: "number", describe: "Fraction (0-1) of requests that fail: 500/503, dropped connections, writes applied then dropped" })
        .option("latency", { type: "number", describe: "Milliseconds added to every answer" })
        .option("paging", { choices: ["meta", "short", "ignore"] as const, default: "meta", describe: "How the list pages" })
        .option("page-size-max", { type: "number", describe: "Silently cap page_size" })
        .option("unpaid-code", { type: "string", array: true, describe: "Customer codes marked as having unpaid invoices (DELETE refused)" })
        .example("$0 sandbox --port 0", "Start on a free port; prints the base URL and credentials"), handler("sandbox"))
    .epilogue("Credentials: FINAN_CLIENT_ID and FINAN_SECRET_KEY from the environment or --env-file. Exit codes: 0 ok, 1 some rows invalid or failed, 2 could not proceed, 130/143/129 interrupted (Ctrl-C, SIGTERM, SIGHUP).");
}

function readerOptions<T>(y: Argv<T>) {
  return y
    .option("sheet", { type: "string", describe: "XLSX: the sheet to read (default the first visible one)" })
    .option("encoding", { type: "string", describe: "CSV: the file's encoding if not UTF-8/UTF-16, e.g. windows-1258" })
    .option("delimiter", { type: "string", describe: "CSV: the delimiter if detection gets it wrong" })
    .option("columns", { type: "string", describe: "A JSON file mapping your headers to fields" });
}

function networkOptions<T>(y: Argv<T>) {
  return y
    .option("base-url", { type: "string", describe: "API base (env FINAN_BASE_URL, default https://api.finan.one/open)" })
    .option("client-id", { type: "string", describe: "Client id (env FINAN_CLIENT_ID); the secret comes only from FINAN_SECRET_KEY" })
    .option("env-file", { type: "string", describe: "Read FINAN_* variables from this file" })
    .option("insecure-http", { type: "boolean", default: false, describe: "Allow plain http:// to a host other than this machine" })
    .option("rate", { type: "number", default: 10, describe: "At most N requests start in any one second" })
    .option("concurrency", { type: "number", describe: "At most N requests in flight (default: follows --rate × the round trip, up to 64)" })
    .option("retries", { type: "number", default: 5, describe: "Retries for 429, 5xx, timeouts and dropped connections" })
    .option("max-wait", { type: "number", default: 120, describe: "Seconds of Retry-After worth waiting; longer fails the row" })
    .option("timeout", { type: "number", default: 30, describe: "Seconds a whole request may take, its answer included" });
}
