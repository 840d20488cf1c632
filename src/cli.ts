import { createRequire } from "node:module";
import yargs from "yargs";
import type { Argv } from "yargs";
import { GLOBAL_FLAGS } from "./commands/define.js";
import type { Command, GlobalFlags } from "./commands/define.js";
import { EXIT_CANNOT_PROCEED, ToolError, describeError, exitCodeFor, exitCodeOf } from "./errors.js";
import type { RunOutcome } from "./errors.js";
import { guardOutput, processIo, writeLine } from "./io.js";
import { t } from "./i18n/text.js";
import { langFromArgv, langFromEnv } from "./i18n/lang.js";
import type { Lang } from "./i18n/lang.js";
import { holdJsonSummary } from "./output/json.js";
import type { Io, IoInput } from "./io.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** Every command, in the order help lists them; a command's module loads only when it is chosen. */
const COMMANDS = {
  template: { usage: "template <file>", describe: "Write a blank template (.xlsx with instructions, or .csv)", load: async () => (await import("./commands/template.js")).templateCommand },
  validate: { usage: "validate <input>", describe: "Check a spreadsheet without sending anything; writes a report", load: async () => (await import("./commands/validate.js")).validateCommand },
  import: { usage: "import <input>", describe: "Validate, then create or replace customers through the API", load: async () => (await import("./commands/import.js")).importCommand },
  export: { usage: "export <file>", describe: "Write every customer to a spreadsheet (.xlsx or .csv)", load: async () => (await import("./commands/export.js")).exportCommand },
  undo: { usage: "undo <report>", describe: "Reverse an import run: delete what it created, restore what it replaced", load: async () => (await import("./commands/undo.js")).undoCommand },
  runs: { usage: "runs <report>", describe: "List the runs of a report that undo can reverse", load: async () => (await import("./commands/runs.js")).runsCommand },
  sandbox: { usage: "sandbox", describe: "Run the local emulator of the Finan Customers API", load: async () => (await import("./commands/sandbox.js")).sandboxCommand },
} satisfies Record<string, { usage: string; describe: string; load: () => Promise<Command> }>;

type CommandName = keyof typeof COMMANDS;
const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/** The whole CLI: argv in, exit code out. Never calls process.exit, so tests drive it in-process. */
export async function main(argv: string[], input: IoInput = processIo(new AbortController().signal)): Promise<number> {
  // the language is chosen before yargs runs, so that its help and its errors speak it too
  const io: Io = { ...input, lang: langFromArgv(argv) ?? input.lang ?? langFromEnv(input.env) };
  guardOutput(io);
  // yargs needs a command's builder before parsing: load the one named (no global flag takes a value), and only it.
  const named = argv.find((word) => !word.startsWith("-"));
  const loaded = named !== undefined && isCommandName(named) ? { name: named, command: await COMMANDS[named].load() } : undefined;
  let chosen: { name: CommandName; run: (io: Io) => Promise<RunOutcome> } | undefined;
  const parser = buildParser(loaded, io.lang, (name, run) => {
    chosen = { name, run };
  });
  const { error, output, flags } = await new Promise<{ error: Error | undefined; output: string; flags: Partial<GlobalFlags> }>((done) => {
    void parser.parse(argv, {}, (err, args, out) => done({ error: err ?? undefined, output: out, flags: args }));
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
  const json = flags.json === true && chosen.name !== "sandbox" ? holdJsonSummary(chosen.name, io.stdout, io.stderr) : undefined;
  const endedAtOnce = (code: number) => json?.print(code, endedEarly(code));
  if (json && io.stdout === process.stdout) process.once("exit", endedAtOnce);
  try {
    const code = exitCodeFor(await chosen.run(json ? { ...io, stdout: json.stdout } : io));
    json?.print(code);
    return code;
  } catch (caught) {
    writeLine(io.stderr, t(io.lang, "common.commandFailed", { command: chosen.name, text: describeError(caught, io.lang) }));
    if (flags.debug && caught instanceof Error && caught.stack) writeLine(io.stderr, caught.stack);
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

function buildParser(loaded: { name: CommandName; command: Command } | undefined, lang: Lang, chosen: (name: CommandName, run: (io: Io) => Promise<RunOutcome>) => void): Argv<GlobalFlags> {
  let parser = yargs()
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
    .options(GLOBAL_FLAGS)
    .group(["lang", "json", "debug", "help", "version"], "Global options:");
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const { usage, describe } = COMMANDS[name];
    parser = loaded?.name === name
      ? loaded.command.register(parser, lang, usage, describe, (run) => chosen(name, run))
      : parser.command(usage, describe, {}, () => {
        // main loads the command it finds first in argv; yargs choosing another would be a defect
        throw new ToolError("E_INTERNAL", `The ${name} command was not loaded.`);
      });
  }
  return parser.epilogue("Credentials: FINAN_CLIENT_ID and FINAN_SECRET_KEY from the environment or --env-file. Exit codes: 0 ok, 1 some rows invalid or failed, 2 could not proceed, 130/143/129 interrupted (Ctrl-C, SIGTERM, SIGHUP).");
}
