// What a resumed import needs of its journal, compact: per row a key, two offsets and a fingerprint, not the entries.
import { createHash } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { CodeTable } from "../customers/code-table.js";
import type { CustomerPayload } from "../customers/types.js";
import type { RowResult } from "../rows/result.js";
import { isWritten } from "../rows/status.js";
import { entryAt, forEachEntry, rowKey } from "./journal.js";
import type { Intent, JournalEntry, RunHeader } from "./journal.js";

/** Bytes of a payload's fingerprint: 128 bits of SHA-256, so an edited row never passes for the one sent. */
const PRINT = 16;
const HAS_DONE = 1;
const HAS_INTENT = 2;
const HAS_SENT = 4;
const WRITTEN = 8;
const SEEN = 16;

/** A finished row's result as the journal holds it, and where it was in the journal. */
interface Done {
  at: number;
  result: RowResult;
}

/**
 * The rows of an unfinished run, known by rowKey (code, not position). Memory per row: its key
 * in a CodeTable, two journal offsets, a fingerprint of what was sent and a few flags (~60 bytes);
 * a row's result and intent are read back from the journal when that row comes. Holds the
 * journal open for reading until close().
 */
export class ResumeState {
  private readonly keys = new CodeTable();
  private capacity = 1024;
  private count = 0;
  private flags = new Uint8Array(this.capacity);
  private doneAt = new Float64Array(this.capacity);
  private intentAt = new Float64Array(this.capacity);
  private prints = Buffer.alloc(this.capacity * PRINT);
  private fd: number | undefined;
  header: RunHeader | undefined;
  finished = false;
  damaged: number[] = [];

  /** Reads `path` through, keeping per row only where its latest intent and result are. */
  static read(path: string): ResumeState {
    const state = new ResumeState(path);
    state.damaged = forEachEntry(path, (entry, at) => state.take(entry, at));
    return state;
  }

  private constructor(private readonly path: string) {}

  /** Rows the journal has an intent or a result for. */
  get size(): number {
    return this.count;
  }

  /** The row's final result in the earlier run, if it finished. */
  done(key: string): RowResult | undefined {
    const slot = this.keys.get(key);
    if (slot === undefined || !this.has(slot, HAS_DONE)) return undefined;
    return this.doneEntry(this.doneAt[slot]!).result;
  }

  /** The row's latest intent (a request that may have been sent). */
  intent(key: string): Intent | undefined {
    const slot = this.keys.get(key);
    if (slot === undefined || !this.has(slot, HAS_INTENT)) return undefined;
    const entry = this.entry(this.intentAt[slot]!);
    return entry?.t === "intent" ? entry : undefined;
  }

  /** Whether `payload` differs from what the latest intent sent; false when it sent nothing. */
  sentOtherThan(key: string, payload: CustomerPayload): boolean {
    const slot = this.keys.get(key);
    if (slot === undefined || !this.has(slot, HAS_SENT)) return false;
    const print = fingerprint(payload);
    return !this.prints.subarray(slot * PRINT, (slot + 1) * PRINT).equals(print);
  }

  /** Notes that the file still has this row. */
  markSeen(key: string): void {
    const slot = this.keys.get(key);
    if (slot !== undefined) this.flags[slot]! |= SEEN;
  }

  /** Rows written to the server whose key the file no longer has, in the order they finished. */
  *goneSinceSent(): Generator<RowResult> {
    const gone: number[] = [];
    for (let slot = 0; slot < this.count; slot++) if (this.has(slot, HAS_DONE | WRITTEN, true) && !this.has(slot, SEEN)) gone.push(this.doneAt[slot]!);
    gone.sort((a, b) => a - b);
    for (const at of gone) yield this.doneEntry(at).result;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private take(entry: JournalEntry, at: number): void {
    if (entry.t === "run") this.header = entry;
    else if (entry.t === "end") this.finished = true;
    else if (entry.t === "intent") {
      const slot = this.slotFor(rowKey(entry));
      this.intentAt[slot] = at;
      this.set(slot, HAS_INTENT, true);
      this.set(slot, HAS_SENT, Boolean(entry.sent));
      if (entry.sent) this.prints.set(fingerprint(entry.sent), slot * PRINT);
    } else if (entry.t === "done") {
      const slot = this.slotFor(rowKey(entry));
      this.doneAt[slot] = at;
      this.set(slot, HAS_DONE, true);
      this.set(slot, WRITTEN, isWritten(entry.status));
    }
  }

  private slotFor(key: string): number {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    if (this.count === this.capacity) this.grow();
    this.keys.set(key, this.count);
    return this.count++;
  }

  private doneEntry(at: number): Done {
    const entry = this.entry(at);
    if (entry?.t !== "done") throw new Error(`journal ${this.path} changed under the run at byte ${at}`);
    const { t: _t, ...result } = entry;
    return { at, result };
  }

  private entry(at: number): JournalEntry | undefined {
    this.fd ??= openSync(this.path, "r");
    return entryAt(this.fd, at);
  }

  private has(slot: number, flags: number, all = false): boolean {
    const held = this.flags[slot]! & flags;
    return all ? held === flags : held !== 0;
  }

  private set(slot: number, flag: number, value: boolean): void {
    this.flags[slot] = value ? this.flags[slot]! | flag : this.flags[slot]! & ~flag;
  }

  private grow(): void {
    this.capacity *= 2;
    const flags = new Uint8Array(this.capacity);
    flags.set(this.flags);
    this.flags = flags;
    for (const name of ["doneAt", "intentAt"] as const) {
      const grown = new Float64Array(this.capacity);
      grown.set(this[name]);
      this[name] = grown;
    }
    const prints = Buffer.alloc(this.capacity * PRINT);
    this.prints.copy(prints);
    this.prints = prints;
  }
}

/** 128 bits of SHA-256 of the payload's JSON, as the journal wrote it. */
export function fingerprint(payload: CustomerPayload): Buffer {
  return createHash("sha256").update(JSON.stringify(payload)).digest().subarray(0, PRINT);
}
