// A command: its flags declared once, in a yargs builder, and a run typed from what the builder declares.
import type { ArgumentsCamelCase, Argv, InferredOptionTypes, Options } from "yargs";
import type { RunOutcome } from "../errors.js";
import type { Io } from "../io.js";
import { LANGS } from "../i18n/lang.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/text.js";

/** Flags typed from their declaration: camelCase and kebab-case keys, defaults applied. */
export type FlagsOf<O extends Record<string, Options>> = ArgumentsCamelCase<InferredOptionTypes<O>>;

/** On every command (shown under "Global options:"), described in the language; cli.ts reads them too. */
export const globalFlags = (lang: Lang) => ({
  json: { type: "boolean", default: false, describe: t(lang, "cli.help.flag.json") },
  debug: { type: "boolean", default: false, describe: t(lang, "cli.help.flag.debug") },
  // no default: template and export change their headers only when --lang is given (a nightly export keeps its shape)
  lang: { choices: LANGS, describe: t(lang, "cli.help.flag.lang") },
}) as const satisfies Record<string, Options>;
export type GlobalFlags = InferredOptionTypes<ReturnType<typeof globalFlags>>;

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
