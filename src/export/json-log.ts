// A private file of JSON values, each read back by its number: what an export knows of a customer beyond a few numbers waits on disk.
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { cannotWrite } from "../file-errors.js";
import { msg } from "../i18n/text.js";

/** Bytes gathered before one write: a page of summaries is a few kilobytes. */
const FLUSH_AT = 64 * 1024;

/**
 * Values are appended as JSON and read back by the number append() returned, in any order.
 * Sync I/O on purpose: appends are buffered, reads are rare (a customer named in a message or a
 * summary-only export), and the caller's state stays consistent without awaiting.
 */
export class JsonLog<T> {
  private readonly fd: number;
  /** starts[n]: where value n begins; starts[count]: where the next goes */
  private starts = new Float64Array(1024);
  private count = 0;
  private flushed = 0;
  private pending: string[] = [];
  private pendingBytes = 0;
  private closed = false;

  /** Creates `file` (0600, must not exist): it holds customers' personal data. */
  constructor(private readonly file: string) {
    try {
      this.fd = openSync(file, "wx+", 0o600);
    } catch (error) {
      throw this.failure(error);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Keeps `value`; returns its number for read(). */
  append(value: T): number {
    return this.appendJson(JSON.stringify(value));
  }

  /** Keeps a value the caller has already made JSON (of a T). */
  appendJson(json: string): number {
    const line = `${json}\n`;
    const bytes = Buffer.byteLength(line);
    if (this.count + 1 >= this.starts.length) {
      const starts = new Float64Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.starts[this.count + 1] = this.starts[this.count]! + bytes;
    this.pending.push(line);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
    return this.count++;
  }

  read(n: number): T {
    if (n < 0 || n >= this.count) throw new RangeError(`no value ${n} in ${this.file}`);
    const start = this.starts[n]!;
    const length = this.starts[n + 1]! - start;
    if (start + length > this.flushed) this.flush();
    const buffer = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const read = readSync(this.fd, buffer, got, length - got, start + got);
      if (read === 0) throw new RangeError(`value ${n} cut short in ${this.file}`);
      got += read;
    }
    return JSON.parse(buffer.toString("utf8")) as T;
  }

  /** Closes the file; the caller removes the folder it is in. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingBytes = 0;
    try {
      let done = 0;
      while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done, this.flushed + done);
    } catch (error) {
      throw this.failure(error);
    }
    this.flushed += chunk.length;
  }

  private failure(error: unknown): Error {
    return cannotWrite(this.file, error, { what: msg("export.spool.what"), then: msg("export.spool.then") });
  }
}
