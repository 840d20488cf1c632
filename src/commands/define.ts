// A command: its flags declared once, in a yargs builder, and a run typed from what the builder declares.
import type { ArgumentsCamelCase, Argv, InferredOptionTypes, Options } from "yargs";
import type { RunOutcome } from "../errors.js";
import type { Io } from "../io.js";
import { LANGS } from "../i18n/lang.js";
import type { Lang } from "../i18n/lang.js";

/** Flags typed from their declaration: camelCase and kebab-case keys, defaults applied. */
export type FlagsOf<O extends Record<string, Options>> = ArgumentsCamelCase<InferredOptionTypes<O>>;

/** On every command (shown under "Global options:"); cli.ts reads them too. */
export const GLOBAL_FLAGS = {
  json: { type: "boolean", default: false, describe: "Print the run summary as one JSON object on stdout, also when the run fails" },
  debug: { type: "boolean", default: false, describe: "Print stack traces of errors (never secrets)" },
  // no default: template and export change their headers only when --lang is given (a nightly export keeps its shape)
  lang: { choices: LANGS, describe: "Language of everything said (default: FINAN_BULK_LANG, then LC_ALL/LC_MESSAGES/LANG, else en); of headers too, when given" },
} as const satisfies Record<string, Options>;
export type GlobalFlags = InferredOptionTypes<typeof GLOBAL_FLAGS>;

export interface CommandDefinition<Flags> {
  /** the command's positionals, flags and examples, on top of the global flags */
  builder: (y: Argv<GlobalFlags>, lang: Lang) => Argv<Flags>;
  /** does the work; the exit code comes from what it returns (errors.ts exitCodeFor) */
  run: (args: ArgumentsCamelCase<Flags>, io: Io) => Promise<RunOutcome>;
}

/** What cli.ts registers: the builder, with a handler that hands back the run bound to the parsed flags. */
export interface Command {
  register(y: Argv<GlobalFlags>, lang: Lang, usage: string, describe: string, chosen: (run: (io: Io) => Promise<RunOutcome>) => void): Argv<GlobalFlags>;
}

export function defineCommand<Flags>(definition: CommandDefinition<Flags>): CommandDefinition<Flags> & Command {
  return {
    ...definition,
    register: (y, lang, usage, describe, chosen) => y.command(usage, describe, (inner) => definition.builder(inner, lang), (args) => chosen((io) => definition.run(args, io))),
  };
}
