// What an export knows of each listed customer, in typed arrays and a file: tens of bytes a customer in memory, however many.
import { join } from "node:path";
import type { ListedCustomer } from "../api/list-entries.js";
import { CodeTable } from "../customers/code-table.js";
import type { Message } from "../i18n/text.js";
import { JsonLog } from "./json-log.js";

/** How a time compares with the run's start: absent, without a zone (cannot be placed), before, after. */
export type TimeMark = "absent" | "unplaced" | "before" | "after";
const MARKS: readonly TimeMark[] = ["absent", "unplaced", "before", "after"];

/** What a fetched record tells, noted against its customer. */
export interface FetchedNote {
  createdAt: string | undefined;
  updatedAt: string | undefined;
  widths: { contacts: number; banks: number };
  oddities: Message[];
  otherType: boolean;
  /** where the record sits in the records spool */
  seq: number;
}

const FETCHED = 1;
const NOT_FOUND = 2;
const DELETED = 4;
const OTHER_TYPE = 8;
/** the latest listing shows the --type asked (or none was asked) */
const LISTED_AS_TYPE = 16;

const BYTE_FIELDS = ["firstPass", "lastListed", "flags", "times"] as const;
const WORD_FIELDS = ["idAt", "summaryNo", "odditiesNo", "summaryOdd", "recordOdd", "seq", "contacts", "banks", "textHash", "lineHash", "lineHash2"] as const;
type ByteField = (typeof BYTE_FIELDS)[number];
type WordField = (typeof WORD_FIELDS)[number];

/**
 * Customers are numbered in first-listed order. Per customer, memory holds the id (in a CodeTable,
 * 16 bytes for a UUID) and a few numbers; its latest summary and its record's odd fields go to a
 * JSON log in the spool folder and are read back only to name it or, with --summary, to write it.
 * A summary is logged again only when it differs (64 bits of hash of its JSON); whether its code,
 * name or type changed (a refetch) is decided exactly.
 */
export class Ledger {
  private readonly ids = new CodeTable();
  private readonly log: JsonLog<ListedCustomer | Message[]>;
  private capacity = 1024;
  private count = 0;
  private readonly bytes = {} as Record<ByteField, Uint8Array>;
  private readonly words = {} as Record<WordField, Uint32Array>;

  constructor(
    folder: string,
    private readonly startedMs: number,
    private readonly type: string | undefined,
  ) {
    this.log = new JsonLog(join(folder, "summaries.jsonl"));
    for (const field of BYTE_FIELDS) this.bytes[field] = new Uint8Array(this.capacity);
    for (const field of WORD_FIELDS) this.words[field] = new Uint32Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  indexOf(customerId: string): number | undefined {
    return this.ids.get(customerId);
  }

  /** A customer listed for the first time, in pass `pass`; returns its number. */
  add(summary: ListedCustomer, pass: number): number {
    if (this.count === this.capacity) this.grow();
    const index = this.count++;
    this.ids.set(summary.customer_id, index);
    this.words.idAt[index] = this.ids.placeOf(summary.customer_id)!;
    this.bytes.firstPass[index] = pass;
    this.keepSummary(index, summary, JSON.stringify(summary), pass, true);
    return index;
  }

  /** A customer listed again; true when its code, name or type changed since it was fetched (fetch it again). */
  relist(index: number, summary: ListedCustomer, pass: number): boolean {
    const line = JSON.stringify(summary);
    const changed = this.has(index, FETCHED) && this.textChanged(index, summary, line);
    this.keepSummary(index, summary, line, pass, false);
    return changed;
  }

  customerId(index: number): string {
    return this.ids.textAt(this.words.idAt[index]!);
  }

  /** Its latest listed summary (read from the log). */
  summary(index: number): ListedCustomer {
    return this.log.read(this.words.summaryNo[index]!) as ListedCustomer;
  }

  firstPass(index: number): number {
    return this.bytes.firstPass[index]!;
  }

  listedIn(index: number, pass: number): boolean {
    return this.bytes.lastListed[index] === pass;
  }

  notedFetched(index: number, note: FetchedNote): void {
    this.set(index, FETCHED, true);
    this.set(index, NOT_FOUND, false);
    this.set(index, OTHER_TYPE, note.otherType);
    this.words.seq[index] = note.seq;
    this.words.contacts[index] = note.widths.contacts;
    this.words.banks[index] = note.widths.banks;
    this.words.recordOdd[index] = note.oddities.length;
    this.words.odditiesNo[index] = note.oddities.length === 0 ? 0 : this.log.append(note.oddities) + 1;
    const times = this.bytes.times[index]! & 0b1100;
    this.bytes.times[index] = times | this.mark(note.createdAt) | (this.mark(note.updatedAt) << 4);
  }

  /** Where its latest fetched record sits in the records spool; undefined if never fetched. */
  seq(index: number): number | undefined {
    return this.has(index, FETCHED) ? this.words.seq[index] : undefined;
  }

  widths(index: number): { contacts: number; banks: number } {
    return { contacts: this.words.contacts[index]!, banks: this.words.banks[index]! };
  }

  /** The record's created_at mark, else the summary's; and the record's updated_at mark. */
  times(index: number): { created: TimeMark; updated: TimeMark } {
    const times = this.bytes.times[index]!;
    const record = MARKS[times & 3]!;
    return { created: record === "absent" ? MARKS[(times >> 2) & 3]! : record, updated: MARKS[(times >> 4) & 3]! };
  }

  /** How many odd fields its latest summary and record had, without reading them. */
  oddityCount(index: number): number {
    return this.words.summaryOdd[index]! + this.words.recordOdd[index]!;
  }

  /** Its latest summary's odd fields, then its record's. */
  oddities(index: number): Message[] {
    const fromSummary = this.words.summaryOdd[index]! > 0 ? (this.summary(index).oddities ?? []) : [];
    const no = this.words.odditiesNo[index]!;
    return [...fromSummary, ...(no === 0 ? [] : (this.log.read(no - 1) as Message[]))];
  }

  isNotFound = (index: number): boolean => this.has(index, NOT_FOUND);
  setNotFound = (index: number, value: boolean): void => this.set(index, NOT_FOUND, value);
  isDeleted = (index: number): boolean => this.has(index, DELETED);
  setDeleted = (index: number, value: boolean): void => this.set(index, DELETED, value);
  isOtherType = (index: number): boolean => this.has(index, OTHER_TYPE);
  setOtherType = (index: number, value: boolean): void => this.set(index, OTHER_TYPE, value);
  /** its latest listing shows the --type asked, or none was asked */
  listedAsType = (index: number): boolean => this.has(index, LISTED_AS_TYPE);

  close(): void {
    this.log.close();
  }

  /** Exact: equal hashes of equal lines say unchanged; any other case compares the text itself. */
  private textChanged(index: number, summary: ListedCustomer, line: string): boolean {
    const text = summaryText(summary);
    if (this.words.textHash[index] !== hash(text)) return true;
    if (this.sameLine(index, line)) return false;
    return summaryText(this.summary(index)) !== text;
  }

  private sameLine(index: number, line: string): boolean {
    return this.words.lineHash[index] === hash(line) && this.words.lineHash2[index] === hash(line, SECOND_SEED);
  }

  private keepSummary(index: number, summary: ListedCustomer, line: string, pass: number, isNew: boolean): void {
    this.bytes.lastListed[index] = pass;
    this.words.textHash[index] = hash(summaryText(summary));
    // the same summary again (64 bits of hash agree) is not logged twice
    if (isNew || !this.sameLine(index, line)) {
      this.words.summaryNo[index] = this.log.appendJson(line);
      this.words.lineHash[index] = hash(line);
      this.words.lineHash2[index] = hash(line, SECOND_SEED);
    }
    this.words.summaryOdd[index] = summary.oddities?.length ?? 0;
    this.set(index, LISTED_AS_TYPE, this.type === undefined || summary.general_info.type.trim().toLowerCase() === this.type);
    this.bytes.times[index] = (this.bytes.times[index]! & ~0b1100) | (this.mark(summary.created_at) << 2);
  }

  private mark(iso: string | undefined): number {
    if (iso === undefined) return 0;
    const ms = timeOf(iso);
    return ms === undefined ? 1 : ms > this.startedMs ? 3 : 2;
  }

  private has(index: number, flag: number): boolean {
    return (this.bytes.flags[index]! & flag) !== 0;
  }

  private set(index: number, flag: number, value: boolean): void {
    this.bytes.flags[index] = value ? this.bytes.flags[index]! | flag : this.bytes.flags[index]! & ~flag;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const field of BYTE_FIELDS) this.bytes[field] = grown(this.bytes[field], new Uint8Array(this.capacity));
    for (const field of WORD_FIELDS) this.words[field] = grown(this.words[field], new Uint32Array(this.capacity));
  }
}

function grown<T extends Uint8Array | Uint32Array>(old: T, into: T): T {
  into.set(old);
  return into;
}

/** What a refetch is decided on: the fields a listing shows. */
function summaryText({ general_info: info }: ListedCustomer): string {
  return JSON.stringify([info.customer_code, info.name, info.type]);
}

const SECOND_SEED = 0x9e3779b9;

/** FNV-1a over UTF-16 units; another seed gives another 32 bits. */
function hash(text: string, seed = 0x811c9dc5): number {
  let value = seed;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

/** Milliseconds of an ISO time that names its zone; undefined otherwise. */
function timeOf(iso: string): number | undefined {
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim())) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
