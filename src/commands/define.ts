// A command: its flags declared once, in a yargs builder, and a run typed from what the builder declares.
import type { ArgumentsCamelCase, Argv, InferredOptionTypes, Options } from "yargs";
import type { RunOutcome } from "../errors.js";
import type { Io } from "../io.js";

/** Flags typed from their declaration: camelCase and kebab-case keys, defaults applied. */
export type FlagsOf<O extends Record<string, Options>> = ArgumentsCamelCase<InferredOptionTypes<O>>;

/** On every command (shown under "Global options:"); cli.ts reads them too. */
export const GLOBAL_FLAGS = {
  json: { type: "boolean", default: false, describe: "Print the run summary as one JSON object on stdout, also when the run fails" },
  debug: { type: "boolean", default: false, describe: "Print stack traces of errors (never secrets)" },
} as const satisfies Record<string, Options>;
export type GlobalFlags = InferredOptionTypes<typeof GLOBAL_FLAGS>;

export interface CommandDefinition<Flags> {
  /** the command's positionals, flags and examples, on top of the global flags */
  builder: (y: Argv<GlobalFlags>) => Argv<Flags>;
  /** does the work; the exit code comes from what it returns (errors.ts exitCodeFor) */
  run: (args: ArgumentsCamelCase<Flags>, io: Io) => Promise<RunOutcome>;
}

/** What cli.ts registers: the builder, with a handler that hands back the run bound to the parsed flags. */
export interface Command {
  register(y: Argv<GlobalFlags>, usage: string, describe: string, chosen: (run: (io: Io) => Promise<RunOutcome>) => void): Argv<GlobalFlags>;
}

export function defineCommand<Flags>(definition: CommandDefinition<Flags>): CommandDefinition<Flags> & Command {
  return {
    ...definition,
    register: (y, usage, describe, chosen) => y.command(usage, describe, definition.builder, (args) => chosen((io) => definition.run(args, io))),
  };
}
