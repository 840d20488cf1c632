// --state: what the last successful export wrote (per customer: code, name, type, a hash per field), for --changes-only.
import { createReadStream, createWriteStream, lstatSync } from "node:fs";
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { FieldKey } from "../customers/columns.js";
import type { CustomerType } from "../customers/types.js";
import { ToolError } from "../errors.js";
import { cannotWrite } from "../file-errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { Baseline, BaselineCustomer } from "./compare.js";

const MARK = "finan-bulk export state";

interface StateHeader {
  format: typeof MARK;
  version: 1;
  writtenAt: string;
  file: string;
  type: CustomerType | null;
  keys: FieldKey[];
}

/** One JSON line a customer: [customer_id, code, name, type, hashes]. */
type StateLine = [string, string, string, string, string];

/** The state file's baseline; undefined when there is none yet (the first run). */
export async function readState(path: string): Promise<Baseline | undefined> {
  const info = statOf(path);
  if (!info) return undefined;
  if (!info.isFile()) throw badState(path, msg("accounting.state.notAFile"));
  const customers = new Map<string, BaselineCustomer>();
  let header: StateHeader | undefined;
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw badState(path, msg("accounting.state.badLine", { line: String(number) }));
      }
      if (!header) {
        if (!isHeader(value)) throw badState(path, msg("accounting.state.noHeader"));
        header = value;
        continue;
      }
      if (!isLine(value)) throw badState(path, msg("accounting.state.badLine", { line: String(number) }));
      const [id, code, name, type, hashes] = value;
      customers.set(id, { code, name, type, hashes });
    }
  } finally {
    lines.close();
  }
  if (!header) throw badState(path, msg("accounting.state.noHeader"));
  return { path, keys: header.keys, customers, scope: header.type ?? undefined };
}

export interface StateWriter {
  /** the fields each customer's hashes are of: the file's columns, known once laid out */
  begin(keys: FieldKey[]): void;
  add(id: string, customer: BaselineCustomer): Promise<void>;
  /** renames the new state over the old: only after the export's file is in place */
  commit(): Promise<void>;
  /** removes the new state; the old one stays as it was */
  abort(): Promise<void>;
}

/** Written beside the state file (0600, exclusive), renamed over it on commit: never through a link. */
export function createStateWriter(path: string, header: { file: string; type: CustomerType | undefined; now: number }): StateWriter {
  const temp = `${path}.${process.pid}.tmp`;
  let keys: FieldKey[] = [];
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  const open = (): WriteStream => {
    if (stream) return stream;
    stream = createWriteStream(temp, { flags: "wx", mode: 0o600 });
    stream.on("error", (error) => {
      failure ??= error;
    });
    const first: StateHeader = { format: MARK, version: 1, writtenAt: new Date(header.now).toISOString(), file: header.file, type: header.type ?? null, keys };
    stream.write(`${JSON.stringify(first)}\n`);
    return stream;
  };
  const check = () => {
    if (failure) throw cannotWrite(path, failure, { what: msg("accounting.state.what"), then: msg("accounting.state.then") });
  };
  const close = async () => {
    const out = open();
    if (out.closed) return;
    const closing = once(out, "close").catch(() => undefined);
    out.end();
    await closing;
  };
  return {
    begin(fields) {
      keys = fields;
      open();
    },
    async add(id, { code, name, type, hashes }) {
      check();
      const line: StateLine = [id, code, name, type, hashes];
      if (!open().write(`${JSON.stringify(line)}\n`)) await once(open(), "drain").catch(() => undefined);
    },
    async commit() {
      await close();
      check();
      try {
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw cannotWrite(path, error as Error, { what: msg("accounting.state.what"), then: msg("accounting.state.then") });
      }
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

function statOf(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is StateHeader {
  const header = value as Partial<StateHeader> | null;
  return typeof header === "object" && header !== null && header.format === MARK && Array.isArray(header.keys);
}

function isLine(value: unknown): value is StateLine {
  return Array.isArray(value) && value.length === 5 && value.every((item) => typeof item === "string");
}

function badState(path: string, why: Message): ToolError {
  return new ToolError("E_FILE_FORMAT", msg("accounting.state.unreadable", { path, why }), { hint: msg("accounting.state.unreadableHint") });
}
