// A private temporary JSON-lines file: records wait on disk, not in memory, until the columns are known.
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from "node:fs";
import type { WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { cannotWrite } from "../file-errors.js";
import { msg } from "../i18n/text.js";
import { sweepLeftovers, trackTemp, untrackTemp } from "../temp-files.js";

export interface SpoolDir {
  path: string;
  /** a new spool file in this folder */
  spool<T>(name: string): Spool<T>;
  /** removes the folder and everything in it; safe to call twice */
  remove(): Promise<void>;
}

/** Where one value sits in its spool file, for reading values back in another order. */
export interface SpoolPlace {
  offset: number;
  length: number;
}

export interface Spool<T> {
  /** appends one value; says where it went */
  append(value: T): Promise<SpoolPlace>;
  /** flushes and closes the file; then `read` may start */
  finish(): Promise<void>;
  read(): AsyncGenerator<T>;
  /** the values at these places, in the order given: one at a time, so memory stays flat */
  readAt(places: Iterable<SpoolPlace>): AsyncGenerator<T>;
  readonly count: number;
}

/** `finan-bulk-export-<pid>-<random>`: the pid tells a later run whether its maker is gone. */
const SPOOL_DIR_NAME = /^finan-bulk-export-(\d+)-[A-Za-z0-9]{6}$/;

/** Removes the spool folders of exports that were killed (their process is gone); every export starts with it. */
export async function removeKilledSpools(parent = tmpdir()): Promise<void> {
  await sweepLeftovers(parent, SPOOL_DIR_NAME);
}

/**
 * A folder only this user can read (0700, files 0600): the spool holds every customer's personal
 * data, so it is removed on every exit, and a killed export's folder by the next export.
 */
export async function createSpoolDir(parent = tmpdir()): Promise<SpoolDir> {
  const path = await mkdtemp(join(parent, `finan-bulk-export-${process.pid}-`));
  trackTemp(path);
  let removed = false;
  return {
    path,
    spool: <T>(name: string) => createSpool<T>(join(path, name)),
    async remove() {
      if (removed) return;
      removed = true;
      await rm(path, { recursive: true, force: true });
      untrackTemp(path);
    },
  };
}

function createSpool<T>(file: string): Spool<T> {
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  let count = 0;
  let bytes = 0;
  const open = (): WriteStream => {
    if (stream) return stream;
    stream = createWriteStream(file, { mode: 0o600, flags: "wx" });
    // Remembered and rethrown by the next call, so a full disk is an error, never a crash.
    stream.on("error", (error) => {
      failure ??= error;
    });
    return stream;
  };
  const check = (): void => {
    if (failure) throw cannotWrite(file, failure, { what: msg("export.spool.what"), then: msg("export.spool.then") });
  };
  return {
    async append(value) {
      check();
      const out = open();
      count += 1;
      // One object per line: JSON.stringify escapes line breaks inside strings.
      const line = `${JSON.stringify(value)}\n`;
      const place = { offset: bytes, length: Buffer.byteLength(line) };
      bytes += place.length;
      // once() rejects on a write error: the error listener above has it, and check() says it
      if (!out.write(line)) await once(out, "drain").catch(() => undefined);
      check();
      return place;
    },
    async finish() {
      const out = open();
      if (!out.closed) {
        const closing = once(out, "close").catch(() => undefined);
        out.end();
        await closing;
      }
      check();
    },
    async *read() {
      if (count === 0) return;
      const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
      try {
        for await (const line of lines) {
          if (line !== "") yield JSON.parse(line) as T;
        }
      } finally {
        lines.close();
      }
    },
    async *readAt(places) {
      // read synchronously: one small read each, and an async read's thread-pool hop cost 25 s per 100k records
      const fd = openSync(file, "r");
      let buffer = Buffer.alloc(1 << 16);
      try {
        for (const { offset, length } of places) {
          if (length > buffer.length) buffer = Buffer.alloc(length);
          readSync(fd, buffer, 0, length, offset);
          yield JSON.parse(buffer.toString("utf8", 0, length)) as T;
        }
      } finally {
        closeSync(fd);
      }
    },
    get count() {
      return count;
    },
  };
}
