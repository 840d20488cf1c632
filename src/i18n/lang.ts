// Which language the tool speaks: --lang, else FINAN_BULK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.

export const LANGS = ["en", "vi"] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (word: string | undefined): word is Lang => word === "en" || word === "vi";

/** A locale or language name as a user writes it: `vi`, `vi_VN.UTF-8`, `VI`, `en-US`; anything else is not ours. */
function langOfLocale(value: string | undefined): Lang | undefined {
  const language = value?.trim().toLowerCase().split(/[_.@-]/)[0];
  if (language === "vi") return "vi";
  if (language === "en" || language === "c" || language === "posix") return "en";
  return undefined;
}

/**
 * The environment's choice: FINAN_BULK_LANG first; then the POSIX order, where the first of
 * LC_ALL, LC_MESSAGES, LANG that is set decides (a French locale means English here, not "keep looking").
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const own = langOfLocale(env.FINAN_BULK_LANG);
  if (own) return own;
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (value !== undefined && value !== "") return langOfLocale(value) ?? "en";
  }
  return "en";
}

/** `--lang vi` or `--lang=vi` in argv, read before yargs so that its help and errors speak the language too. */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let at = 0; at < argv.length; at++) {
    const word = argv[at] ?? "";
    if (word === "--") break;
    const value = word === "--lang" ? argv[at + 1] : word.startsWith("--lang=") ? word.slice("--lang=".length) : undefined;
    const lang = value === undefined ? undefined : langOfLocale(value);
    if (lang) found = lang; // the last one wins, as yargs reads it
  }
  return found;
}

/** The BCP 47 locale for numbers, lists and plurals. */
export const LOCALE: Record<Lang, string> = { en: "en-US", vi: "vi-VN" };
