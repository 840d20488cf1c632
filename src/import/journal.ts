import { constants, existsSync, readFileSync, renameSync } from "node:fs";
import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import type { CustomerPayload } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { cannotWrite } from "../file-errors.js";

/** A row's final result, as reported and as journaled. */
export interface RowResult {
  row: number;
  status: string;
  customerCode?: string | undefined;
  customerId?: string | undefined;
  httpStatus?: number | undefined;
  apiCode?: number | undefined;
  requestId?: string | undefined;
  message?: string | undefined;
  attempts?: number | undefined;
}

export type JournalEntry =
  | { t: "run"; version: 1; command: string; input: string; mode: string; startedAt: string }
  /** written before a write is sent: a crash after it leaves a request of unknown outcome */
  | { t: "intent"; row: number; op: "create" | "replace" | "delete" | "restore"; code: string; customerId?: string; before?: CustomerPayload; sent: CustomerPayload | null }
  | ({ t: "done" } & RowResult)
  | { t: "end"; finishedAt: string };

export interface JournalState {
  header: Extract<JournalEntry, { t: "run" }> | undefined;
  intents: Map<number, Extract<JournalEntry, { t: "intent" }>>;
  done: Map<number, RowResult>;
  finished: boolean;
}

/** Reads a journal; a torn last line (the process died mid-write) is ignored. */
export function readJournal(path: string): JournalState {
  const state: JournalState = { header: undefined, intents: new Map(), done: new Map(), finished: false };
  if (!existsSync(path)) return state;
  const lines = readFileSync(path, "utf8").split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch (error) {
      if (index >= lines.length - 2) break;
      throw new ToolError("E_JOURNAL", `The journal ${path} is damaged at line ${index + 1}.`, { cause: error, hint: "Move it aside to start a new run (the report of the interrupted run is still beside it)." });
    }
    if (entry.t === "run") state.header = entry;
    else if (entry.t === "intent") state.intents.set(entry.row, entry);
    else if (entry.t === "done") {
      const { t: _t, ...result } = entry;
      state.done.set(entry.row, result);
    } else if (entry.t === "end") state.finished = true;
  }
  return state;
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

  /** A new journal (an older finished one is kept as `<path>.<time>` for undo of that run). */
  static async create(path: string, header: Extract<JournalEntry, { t: "run" }>): Promise<JournalWriter> {
    if (existsSync(path)) renameSync(path, `${path}.${Date.now()}`);
    const writer = await JournalWriter.open(path);
    await writer.append(header);
    return writer;
  }

  /** Goes on with an unfinished journal after an interruption. */
  static async resume(path: string): Promise<JournalWriter> {
    return JournalWriter.open(path);
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
  return cannotWrite(path, error, { code: "E_JOURNAL", what: "the journal", then: "Nothing more was sent: the run stopped there, and the same command continues it once this is fixed." });
}
