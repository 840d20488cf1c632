import { createRequire } from "node:module";
import yargs from "yargs";
import type { Argv } from "yargs";
import { globalFlags } from "./commands/define.js";
import type { Command, GlobalFlags } from "./commands/define.js";
import { EXIT_CANNOT_PROCEED, ToolError, describeError, exitCodeFor, exitCodeOf } from "./errors.js";
import type { RunOutcome } from "./errors.js";
import { guardOutput, processIo, writeLine } from "./io.js";
import { msg, t, verbatim } from "./i18n/text.js";
import type { MessageKey } from "./i18n/text.js";
import { commandWord, usageProblem, yargsStrings } from "./commands/usage.js";
import { langFromArgv, langFromEnv } from "./i18n/lang.js";
import type { Lang } from "./i18n/lang.js";
import { holdJsonSummary } from "./output/json.js";
import type { KnownOptions } from "./commands/usage.js";
import type { Io, IoInput } from "./io.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** Every command, in the order help lists them; a command's module loads only when it is chosen. */
const COMMANDS = {
  template: { usage: "template <file>", describe: "cli.help.command.template", load: async () => (await import("./commands/template.js")).templateCommand },
  validate: { usage: "validate <input>", describe: "cli.help.command.validate", load: async () => (await import("./commands/validate.js")).validateCommand },
  import: { usage: "import <input>", describe: "cli.help.command.import", load: async () => (await import("./commands/import.js")).importCommand },
  export: { usage: "export <file>", describe: "cli.help.command.export", load: async () => (await import("./commands/export.js")).exportCommand },
  undo: { usage: "undo <report>", describe: "cli.help.command.undo", load: async () => (await import("./commands/undo.js")).undoCommand },
  runs: { usage: "runs <report>", describe: "cli.help.command.runs", load: async () => (await import("./commands/runs.js")).runsCommand },
  sandbox: { usage: "sandbox", describe: "cli.help.command.sandbox", load: async () => (await import("./commands/sandbox.js")).sandboxCommand },
} satisfies Record<string, { usage: string; describe: MessageKey; load: () => Promise<Command> }>;

type CommandName = keyof typeof COMMANDS;
const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/** The whole CLI: argv in, exit code out. Never calls process.exit, so tests drive it in-process. */
export async function main(argv: string[], input: IoInput = processIo(new AbortController().signal)): Promise<number> {
  // the language is chosen before yargs runs, so that its help and its errors speak it too
  const io: Io = { ...input, lang: langFromArgv(argv) ?? input.lang ?? langFromEnv(input.env) };
  guardOutput(io, io.lang);
  // yargs needs a command's builder before parsing: load the one named, and only it.
  const named = commandWord(argv);
  const loaded = named !== undefined && isCommandName(named) ? { name: named, command: await COMMANDS[named].load() } : undefined;
  let chosen: { name: CommandName; run: (io: Io) => Promise<RunOutcome> } | undefined;
  const parser = buildParser(loaded, io.lang, (name, run) => {
    chosen = { name, run };
  });
  const { error, output, flags, known } = await parse(parser, argv);
  if (error) {
    const problem = usageError(argv, loaded?.name, known, error.message, io.lang);
    if (typeof problem.said !== "string" && problem.said.key === "cli.help.nameACommand") {
      // no command at all: the overview of the commands is what helps; yargs's output is that help and its reason
      const help = output.replace(error.message, "").trimEnd();
      // help yargs assembled from catalogue strings (the language's, through yargsStrings)
      if (help) writeLine(io.stderr, verbatim(`${help}\n`));
    }
    writeLine(io.stderr, loaded ? t(io.lang, "common.commandFailed", { command: loaded.name, text: describeError(problem, io.lang) }) : t(io.lang, "cli.usage.line", { text: describeError(problem, io.lang) }));
    if (argv.includes("--json")) {
      // --json stays English: yargs's own reason too, from a parse in English
      const english = io.lang === "en" ? undefined : await parse(buildParser(loaded, "en", () => undefined), argv);
      const said = english?.error ? usageError(argv, loaded?.name, english.known, english.error.message, "en") : problem;
      holdJsonSummary(argv.find(isCommandName), io.stdout, io.stderr).print(EXIT_CANNOT_PROCEED, said);
    }
    return EXIT_CANNOT_PROCEED;
  }
  if (!chosen) {
    // help or version, assembled by yargs from catalogue strings
    if (output) writeLine(io.stdout, verbatim(output));
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
    // a stack trace is for the developer, as Node wrote it
    if (flags.debug && caught instanceof Error && caught.stack) writeLine(io.stderr, verbatim(caught.stack));
    const code = exitCodeOf(caught);
    json?.print(code, caught);
    return code;
  } finally {
    process.off("exit", endedAtOnce);
  }
}

/** Why the process ended while a command still ran: a second Ctrl-C or signal, or a crash. */
function endedEarly(code: number): ToolError {
  if (code > 128) return new ToolError("E_INTERRUPTED", msg("cli.endedAtOnce"), { exitCode: code });
  return new ToolError("E_INTERNAL", msg("cli.endedUnexpectedly", { code: String(code) }), { exitCode: code });
}

interface Parsed {
  error: Error | undefined;
  output: string;
  flags: Partial<GlobalFlags>;
  known: KnownOptions;
}

function parse(parser: Argv<GlobalFlags>, argv: string[]): Promise<Parsed> {
  return new Promise<Parsed>((done) => {
    void parser.parse(argv, {}, (err, args, out) => done({ error: err ?? undefined, output: out, flags: args, known: knownOptions(parser) }));
  });
}

/** The flags the chosen command declared, read while yargs still holds them (it resets after the parse). */
function knownOptions(parser: Argv<GlobalFlags>): KnownOptions {
  // getOptions is yargs API that @types/yargs does not list
  const options = (parser as unknown as { getOptions(): KnownOptions }).getOptions();
  return { key: { ...options.key }, alias: { ...options.alias } };
}

/** A command line yargs refused, as one usage error: what is wrong, and where to see what is right. */
function usageError(argv: string[], loaded: CommandName | undefined, known: KnownOptions, reason: string, lang: Lang): ToolError {
  const chosen = loaded === undefined ? undefined : { name: loaded, usage: COMMANDS[loaded].usage };
  const problem = usageProblem(argv, Object.keys(COMMANDS), chosen, known, reason, lang);
  return new ToolError("E_USAGE", problem.said, { hint: problem.hint });
}

function buildParser(loaded: { name: CommandName; command: Command } | undefined, lang: Lang, chosen: (name: CommandName, run: (io: Io) => Promise<RunOutcome>) => void): Argv<GlobalFlags> {
  let parser = yargs()
    .scriptName("finan-bulk")
    .usage(t(lang, "cli.help.usage"))
    .version(version)
    .help()
    .alias("h", "help")
    .strict()
    // yargs 18 takes plural forms here; @types/yargs (written for 17) only knows plain strings.
    .updateStrings(yargsStrings(lang) as unknown as Record<string, string>)
    .demandCommand(1, t(lang, "cli.help.nameACommand"))
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .options(globalFlags(lang))
    .group(["lang", "json", "debug", "help", "version"], t(lang, "cli.help.globalOptions"));
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const { usage } = COMMANDS[name];
    const describe = t(lang, COMMANDS[name].describe);
    parser = loaded?.name === name
      ? loaded.command.register(parser, lang, usage, describe, (run) => chosen(name, run))
      : parser.command(usage, describe, {}, () => {
        // main loads the command it finds first in argv; yargs choosing another would be a defect
        throw new ToolError("E_INTERNAL", msg("cli.notLoaded", { command: name }));
      });
  }
  return parser.epilogue(t(lang, "cli.help.epilogue"));
}
