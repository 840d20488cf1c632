// The journal of a run: JSON lines appended durably as rows are sent; resume and undo read it.
import { closeSync, constants, existsSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import type { CustomerPayload } from "../customers/types.js";
import type { RowResult } from "../rows/result.js";
import { ToolError } from "../errors.js";
import { cannotWrite } from "../file-errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

// The truth of a run: rows are keyed by customer_code (their identity), never by position.

export type RunHeader = {
  t: "run";
  version: 1;
  command: string;
  input: string;
  mode: string;
  startedAt: string;
  /** the run's number in its report's history */
  run?: number | undefined;
  /** undo: the number of the import run it reverses */
  undoes?: number | undefined;
};
export type Intent = { t: "intent"; row: number; op: "create" | "replace" | "delete" | "restore"; code: string; customerId?: string; before?: CustomerPayload; sent: CustomerPayload | null };

export type JournalEntry =
  | RunHeader
  /** written before a write is sent: a crash after it leaves a request of unknown outcome */
  | Intent
  | ({ t: "done" } & RowResult)
  /** something that happened to the journal itself (a torn line cut on resume) */
  | { t: "note"; at: string; text: string }
  | { t: "end"; finishedAt: string }
  /** appended to an import's journal when an undo of that run finished with every row reversed */
  | { t: "undone"; at: string; by: string };

export interface JournalState {
  header: RunHeader | undefined;
  /** the latest intent per row identity (rowKey) */
  intents: Map<string, Intent>;
  /** the final result per row identity (rowKey), in the order the rows finished */
  done: Map<string, RowResult>;
  finished: boolean;
  undone: string | undefined;
  /** line numbers (from 1) that could not be read, a torn last line excepted */
  damaged: number[];
}

/** A row's identity in a journal: its customer_code (unique in a run's input); a row without one by position. */
export function rowKey(entry: { row: number; customerCode?: string | undefined; code?: string | undefined }): string {
  const code = entry.customerCode ?? entry.code;
  return code === undefined || code === "" ? `#${entry.row}` : `code:${code}`;
}

/**
 * Reads a journal. A torn last line (the process died mid-write) is ignored; other unreadable lines
 * are listed in `damaged`. Read a chunk at a time: a million rows' journal is larger than the
 * longest string V8 can make. `entries: false` keeps only the header and whether the run finished
 * (or was undone): what a new run needs of the one before it, whatever its length.
 */
export function readJournal(path: string, { entries = true }: { entries?: boolean } = {}): JournalState {
  const state: JournalState = { header: undefined, intents: new Map(), done: new Map(), finished: false, undone: undefined, damaged: [] };
  state.damaged = forEachEntry(path, (entry) => {
    if (entries || (entry.t !== "intent" && entry.t !== "done")) apply(state, entry);
  });
  return state;
}

/**
 * Calls `take` with each readable entry of a journal and the byte offset of its line (for
 * entryAt); returns the line numbers (from 1) that could not be read, a torn last line excepted.
 */
export function forEachEntry(path: string, take: (entry: JournalEntry, at: number) => void): number[] {
  const damaged: number[] = [];
  if (!existsSync(path)) return damaged;
  let number = 0;
  for (const { line, last, at } of linesOf(path)) {
    number += 1;
    if (line.trim() === "") continue;
    const entry = parseLine(line);
    if (!entry) {
      // the last line without its newline is a write the process did not finish
      if (last) break;
      damaged.push(number);
      // an older version appended after a torn line: the whole entry that follows the fragment is still there
      const salvaged = salvage(line);
      if (salvaged) take(salvaged, at);
      continue;
    }
    take(entry, at);
  }
  return damaged;
}

/** The entry whose line starts at byte `at` of an open journal (as forEachEntry gave it). */
export function entryAt(fd: number, at: number): JournalEntry | undefined {
  const chunk = Buffer.allocUnsafe(4096);
  const parts: Buffer[] = [];
  for (let from = at; ; ) {
    const read = readSync(fd, chunk, 0, chunk.length, from);
    const end = chunk.subarray(0, read).indexOf(0x0a);
    parts.push(Buffer.from(chunk.subarray(0, end >= 0 ? end : read)));
    if (end >= 0 || read === 0) break;
    from += read;
  }
  const line = Buffer.concat(parts).toString("utf8");
  return parseLine(line) ?? salvage(line);
}

/** The file's lines, split on LF as they are read; `last`: the text after the final newline; `at`: the line's first byte. */
function* linesOf(path: string): Generator<{ line: string; last: boolean; at: number }> {
  const decoder = new StringDecoder("utf8");
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(path, "r");
  let rest = "";
  let at = 0;
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split("\n");
      rest = lines.pop()!;
      for (const line of lines) {
        yield { line, last: false, at };
        at += Buffer.byteLength(line) + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  yield { line: rest + decoder.end(), last: true, at };
}

/** Where the file's last whole line ends (0 if it has none): found from the end, not by reading it all. */
function wholeLinesEnd(path: string, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  const fd = openSync(path, "r");
  try {
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - chunk.length);
      const read = readSync(fd, chunk, 0, end - start, start);
      const at = chunk.subarray(0, read).lastIndexOf(0x0a);
      if (at >= 0) return start + at + 1;
      end = start;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

function apply(state: JournalState, entry: JournalEntry): void {
  if (entry.t === "run") state.header = entry;
  else if (entry.t === "intent") state.intents.set(rowKey(entry), entry);
  else if (entry.t === "done") {
    const { t: _t, ...result } = entry;
    const key = rowKey(result);
    state.done.delete(key);
    state.done.set(key, result);
  } else if (entry.t === "end") state.finished = true;
  else if (entry.t === "undone") state.undone = entry.at;
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const entry = JSON.parse(line) as JournalEntry | null;
    return entry !== null && typeof entry === "object" && typeof entry.t === "string" ? entry : undefined;
  } catch {
    return undefined;
  }
}

function salvage(line: string): JournalEntry | undefined {
  for (let at = line.lastIndexOf('{"t":'); at > 0; at = line.lastIndexOf('{"t":', at - 1)) {
    const entry = parseLine(line.slice(at));
    if (entry) return entry;
  }
  return undefined;
}

/** Refuses to go on with a journal that has unreadable lines in the middle, naming them. */
export function assertReadable(path: string, state: JournalState, hint: Message): void {
  if (state.damaged.length === 0) return;
  // line numbers as the file counts them, not grouped
  throw new ToolError("E_JOURNAL", msg("import.journal.damaged", { path, lines: state.damaged.join(", ") }), { hint });
}

/**
 * Append-only JSON lines, made durable before the caller goes on: entries that arrive together
 * share one write. Created 0600: it holds personal data.
 */
export class JournalWriter {
  private queue: string[] = [];
  private flushing: Promise<void> | undefined;
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** after a failed write nothing more is appended: a later line after a gap would read as damage */
  private failed: ToolError | undefined;

  /** `size`: bytes known to be whole lines, where a failed write is cut back to */
  private constructor(private readonly handle: FileHandle, readonly path: string, private size: number) {}

  /** A new journal at `path`; the caller has set any earlier one aside (src/import/history.ts). */
  static async create(path: string, header: RunHeader): Promise<JournalWriter> {
    const writer = await JournalWriter.open(path);
    await writer.append(header);
    return writer;
  }

  /** Goes on with a journal; a torn last line is cut first (and said so in a note), so nothing is appended to half an entry. */
  static async resume(path: string): Promise<JournalWriter> {
    // opened first (no link followed), then cut through that handle: a planted link is never truncated
    const writer = await JournalWriter.open(path);
    const torn = await writer.cutTornLine();
    if (torn > 0) await writer.append({ t: "note", at: new Date().toISOString(), text: `cut a torn last line (${torn} bytes) left by an interrupted write` });
    return writer;
  }

  private static async open(path: string): Promise<JournalWriter> {
    const handle = await openDurable(path);
    try {
      return new JournalWriter(handle, path, (await handle.stat()).size);
    } catch (error) {
      await handle.close();
      throw journalError(path, error);
    }
  }

  /** Truncates the file after its last newline; returns how many bytes were cut. */
  private async cutTornLine(): Promise<number> {
    const size = this.size;
    const end = wholeLinesEnd(this.path, size);
    if (end === size) return 0;
    try {
      await this.handle.truncate(end);
    } catch (error) {
      await this.handle.close();
      throw journalError(this.path, error);
    }
    this.size = end;
    return size - end;
  }

  append(entry: JournalEntry): Promise<void> {
    this.queue.push(`${JSON.stringify(entry)}\n`);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = Buffer.from(this.queue.join(""), "utf8");
      const waiters = this.waiters;
      this.queue = [];
      this.waiters = [];
      try {
        if (this.failed) throw this.failed;
        await this.writeWhole(batch);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        if (!this.failed) {
          this.failed = journalError(this.path, error);
          // a full disk takes part of a write: cut it back so the journal ends with a whole line
          await this.handle.truncate(this.size).catch(() => undefined);
        }
        for (const waiter of waiters) waiter.reject(this.failed);
      }
    }
    this.flushing = undefined;
  }

  /** A write may take only part of the bytes (a disk filling up): the rest goes in the next one, or fails. */
  private async writeWhole(bytes: Buffer): Promise<void> {
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    this.size += bytes.length;
  }

  async close(finished: boolean): Promise<void> {
    try {
      if (finished) await this.append({ t: "end", finishedAt: new Date().toISOString() });
    } finally {
      await this.flushing;
      await this.handle.close();
    }
  }
}

/**
 * O_DSYNC: each write returns once its data is on disk, as write + fdatasync would, in one
 * system call (one trip to the thread pool instead of two, per batch). O_NOFOLLOW: a link planted
 * at the journal's name is refused, never followed to create or append to what it points at.
 */
async function openDurable(path: string): Promise<FileHandle> {
  try {
    return await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw journalError(path, error);
  }
}

/** The journal's one failure message: which file, why, and that nothing more was sent. */
function journalError(path: string, error: unknown): ToolError {
  return cannotWrite(path, error, { code: "E_JOURNAL", what: msg("import.journal.what"), then: msg("import.journal.stoppedThere") });
}
