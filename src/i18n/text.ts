// Messages as data (a catalogue key and its values), rendered in a language only where they are shown.
import { CATALOGUE } from "./catalogue.js";
import type { Catalogue } from "./catalogue.js";
import { LOCALE } from "./lang.js";
import type { Lang } from "./lang.js";

/** A catalogue entry's text: one sentence, or forms chosen by the `count` value (Intl.PluralRules). */
export type Entry = string | { readonly one: string; readonly other: string };
/** Every entry in both languages; `{name}` marks a value. */
export interface Translated {
  readonly en: Entry;
  readonly vi: Entry;
}

export type MessageKey = keyof Catalogue;

/** Text made in each language already (e.g. a reason with the row's own values taken out), shown in the message's. */
export type InLangs = Readonly<Record<Lang, string>>;

/** A value in a message: text quoted from a file or a server, a number (formatted for the language), another message, text in each language, or a list of them. */
export type Param = string | number | Message | InLangs | readonly (string | number | Message)[];

type Names<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;
type EntryNames<E> = E extends string ? Names<E> : E extends { one: infer One; other: infer Other } ? Names<One> | Names<Other> | "count" : never;
type ParamNames<K extends MessageKey> = EntryNames<Catalogue[K]["en"]> | EntryNames<Catalogue[K]["vi"]>;
export type ParamsOf<K extends MessageKey> = { readonly [P in ParamNames<K>]: P extends "count" ? number : Param };
type ParamsArg<K extends MessageKey> = [ParamNames<K>] extends [never] ? [] : [params: ParamsOf<K>];

declare const rendered: unique symbol;
/** Text for a person, from the catalogue: what writeLine prints. */
export type Text = string & { readonly [rendered]: true };

export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, Param>>;
}

/** A message to show later, in whatever language the run speaks. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return { key, params: (params[0] ?? {}) as Readonly<Record<string, Param>> };
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const listFormats = new Map<Lang, Intl.ListFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();
function cached<T>(cache: Map<Lang, T>, lang: Lang, make: (locale: string) => T): T {
  let value = cache.get(lang);
  if (value === undefined) cache.set(lang, (value = make(LOCALE[lang])));
  return value;
}

/** A number as the language writes it: 1,234.5 (en), 1.234,5 (vi). */
export function formatNumber(lang: Lang, value: number): string {
  return cached(numberFormats, lang, (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(value);
}

function formatParam(lang: Lang, value: Param): string {
  if (typeof value === "number") return formatNumber(lang, value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return cached(listFormats, lang, (locale) => new Intl.ListFormat(locale, { type: "conjunction" })).format(value.map((item: string | number | Message) => formatParam(lang, item)));
  if ("key" in value) return render(lang, value as Message);
  return (value as InLangs)[lang];
}

/** The entry's text in a language, its plural form chosen by `count`. */
export function entryText(entry: Entry, lang: Lang, count: Param | undefined): string {
  if (typeof entry === "string") return entry;
  const form = typeof count === "number" ? cached(pluralRules, lang, (locale) => new Intl.PluralRules(locale)).select(count) : "other";
  return form === "one" ? entry.one : entry.other;
}

/** A message in a language: its entry with every `{name}` replaced by the formatted value. */
export function render(lang: Lang, message: Message): Text {
  const entry: Translated = CATALOGUE[message.key];
  const text = entryText(entry[lang], lang, message.params.count);
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
    const value = message.params[name];
    return value === undefined ? whole : formatParam(lang, value);
  }) as Text;
}

/** Shorthand for render(lang, msg(key, params)). */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsArg<K>): Text {
  return render(lang, msg(key, ...params));
}

/**
 * Text shown as it is, not from the catalogue: a file name, a value quoted from the user's file,
 * text quoted from a server, help that yargs assembled from catalogue strings. Each use says which.
 */
export function verbatim(text: string): Text {
  return text as Text;
}
