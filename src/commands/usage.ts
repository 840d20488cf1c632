// A command line yargs refused, said in one line (what is wrong, and the closest flag or command meant) and a hint where to look.
import { CATALOGUE } from "../i18n/catalogue.js";
import type { Lang } from "../i18n/lang.js";
import { entryText, msg } from "../i18n/text.js";
import type { Message, MessageKey } from "../i18n/text.js";

/** yargs's own strings (its locales/en.json keys) from the catalogue; plural keys take [one, other]. */
const YARGS_KEYS: Record<string, MessageKey | readonly [MessageKey, MessageKey]> = {
  "Commands:": "cli.yargs.commands",
  "Options:": "cli.yargs.options",
  "Examples:": "cli.yargs.examples",
  "Positionals:": "cli.yargs.positionals",
  boolean: "cli.yargs.boolean",
  count: "cli.yargs.count",
  string: "cli.yargs.string",
  number: "cli.yargs.number",
  array: "cli.yargs.array",
  required: "cli.yargs.required",
  default: "cli.yargs.default",
  "default:": "cli.yargs.defaultColon",
  "choices:": "cli.yargs.choices",
  "aliases:": "cli.yargs.aliases",
  "generated-value": "cli.yargs.generatedValue",
  command: "cli.yargs.command",
  deprecated: "cli.yargs.deprecated",
  "deprecated: %s": "cli.yargs.deprecatedWhy",
  "Show help": "cli.yargs.showHelp",
  "Show version number": "cli.yargs.showVersion",
  "Did you mean %s?": "cli.yargs.didYouMean",
  "Invalid values:": "cli.yargs.invalidValues",
  "Argument: %s, Given: %s, Choices: %s": "cli.yargs.choicesGiven",
  "Argument check failed: %s": "cli.yargs.checkFailed",
  "Implications failed:": "cli.yargs.implications",
  "Not enough arguments following: %s": "cli.yargs.notEnoughFollowing",
  "Invalid JSON config file: %s": "cli.yargs.invalidJson",
  "Path to JSON config file": "cli.yargs.configPath",
  "Arguments %s and %s are mutually exclusive": "cli.yargs.exclusive",
  "Not enough non-option arguments: got %s, need at least %s": ["cli.yargs.notEnough", "cli.yargs.notEnough"],
  "Too many non-option arguments: got %s, maximum of %s": ["cli.yargs.tooMany", "cli.yargs.tooManyMany"],
  "Missing argument value: %s": ["cli.yargs.missingValue", "cli.yargs.missingValueMany"],
  "Missing required argument: %s": ["cli.yargs.missingRequired", "cli.yargs.missingRequiredMany"],
  "Unknown argument: %s": ["cli.yargs.unknownArgument", "cli.yargs.unknownArgumentMany"],
  "Unknown command: %s": ["cli.yargs.unknownCommand", "cli.yargs.unknownCommandMany"],
};

// yargs fills its own %s: the entries are taken as they are, not rendered
const raw = (lang: Lang, key: MessageKey): string => entryText(CATALOGUE[key][lang], lang, undefined);

/** For yargs's updateStrings: its words in the language (yargs 18 takes { one, other } for plural keys). */
export function yargsStrings(lang: Lang): Record<string, string | { one: string; other: string }> {
  return Object.fromEntries(Object.entries(YARGS_KEYS).map(([key, ours]) => [key, typeof ours === "string" ? raw(lang, ours) : { one: raw(lang, ours[0]), other: raw(lang, ours[1]) }]));
}

/** What yargs's options list holds, as parser.getOptions() gives it. */
export interface KnownOptions {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
}

export interface UsageProblem {
  said: Message;
  hint: Message;
}

/**
 * Why yargs refused argv, said by us: an unknown command or flag with the closest one meant, a
 * missing file; otherwise yargs's reason (already in the language). `chosen` is the command named, if any.
 */
export function usageProblem(argv: readonly string[], commands: readonly string[], chosen: { name: string; usage: string } | undefined, known: KnownOptions, reason: string, lang: Lang): UsageProblem {
  const command = chosen?.name;
  const hint = command === undefined ? msg("cli.usage.seeHelp") : msg("cli.usage.seeCommandHelp", { command });
  const named = commandWord(argv);
  if (command === undefined && named !== undefined) {
    return { said: msg("cli.usage.unknownCommand", { command: meant(named, closest(named, commands)) }), hint };
  }
  const unknown = unknownFlags(argv, known);
  if (unknown.length > 0) {
    const names = [...new Set(unknown.map((name) => name.replace(/^no-/, "")))].filter((name) => name !== "");
    const candidates = Object.keys(known.key).filter((name) => name.length > 1 && !/[A-Z]/.test(name));
    const shown = unknown.map((name) => meant(flag(name), closestFlag(name, candidates)));
    return names.length === 1 || shown.length === 1
      ? { said: msg("cli.usage.unknownOption", { option: shown[0] ?? "" }), hint }
      : { said: msg("cli.usage.unknownOptions", { options: shown }), hint };
  }
  if (command === undefined) return { said: msg("cli.help.nameACommand"), hint };
  const missing = raw(lang, "cli.yargs.notEnough").split("%s")[0] ?? "";
  if (chosen !== undefined && missing !== "" && reason.startsWith(missing)) {
    return { said: msg("cli.usage.missingFile", { usage: `finan-bulk ${chosen.usage}` }), hint };
  }
  // yargs's reason, in the language through yargsStrings; its own words name the flag and the choices
  return { said: msg("cli.usage.reason", { text: reason.replace(/\s*\n\s*/g, " ") }), hint };
}

/** The command in argv: its first word that is no flag and no value of --lang (the one global flag that takes one). */
export function commandWord(argv: readonly string[]): string | undefined {
  return argv.find((word, at) => !word.startsWith("-") && argv[at - 1] !== "--lang");
}

const flag = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);
const meant = (given: string, suggestion: string | undefined): string | Message => (suggestion === undefined ? given : msg("cli.usage.didYouMean", { given, suggestion }));

function closestFlag(name: string, candidates: readonly string[]): string | undefined {
  const plain = kebab(name).replace(/^no-/, "");
  const found = closest(plain, candidates);
  return found === undefined ? undefined : flag(name.startsWith("no-") && plain !== name ? `no-${found}` : found);
}

/** Flags in argv (before `--`) that are no option of the command: `--dry-rn`, `-x`. */
function unknownFlags(argv: readonly string[], known: KnownOptions): string[] {
  const names = new Set<string>(Object.keys(known.key));
  for (const [name, aliases] of Object.entries(known.alias)) for (const alias of [name, ...aliases]) names.add(alias);
  const isKnown = (name: string) => names.has(name) || names.has(kebab(name)) || (name.startsWith("no-") && names.has(name.slice(3)));
  const unknown: string[] = [];
  for (const word of argv) {
    if (word === "--") break;
    if (/^-\d/.test(word) || word === "-") continue;
    if (word.startsWith("--")) {
      const name = word.slice(2).split("=")[0] ?? "";
      if (name !== "" && !isKnown(name)) unknown.push(name);
    } else if (word.startsWith("-")) {
      for (const letter of word.slice(1).split("=")[0] ?? "") if (!isKnown(letter)) unknown.push(letter);
    }
  }
  return unknown;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The candidate nearest `word` by edit distance, if near enough to be a typo; or the one it is a clear start of. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lower, name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best !== undefined && best.distance <= Math.max(1, Math.floor(word.length / 3))) return best.name;
  const starting = candidates.filter((name) => lower.length >= 3 && name.startsWith(lower));
  return starting.length === 1 ? starting[0] : undefined;
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}
