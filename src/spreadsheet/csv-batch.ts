// Records packed in batches: one string (fields separated by NUL) and two number arrays each, cheap to
// hand to another thread (structured-cloning arrays of strings cost twice what parsing them did).
// NUL can separate because no field holds one: the decoders stop at a NUL in any encoding.
import { nfc, normalisedTextCell } from "./cells.js";
import { decodeCsvText } from "./csv-text.js";
import { countLineBreaks } from "./lines.js";
import type { Cell, SheetRow } from "./types.js";

export interface CsvBatch {
  /** every field of every record, in order, separated by NUL; as read (eachRow normalises it) */
  text: string;
  /** per record: row, line, number of fields */
  records: Float64Array;
  /** per field, in order: where it ends in `text` (the unpacking thread slices; a search for each NUL cost it a tenth of its mapping time) */
  ends: Uint32Array;
}

const SEPARATOR = "\u0000";

/** Batches stay small enough to hand over often, large enough that a message costs little per row. */
export const BATCH_RECORDS = 1024;
export const BATCH_CHARS = 60_000;

export class BatchPacker {
  // One join per record and one per batch: per-field work in JavaScript cost more than csv-parse's
  // own, and a string built by += is a rope that postMessage flattens at several times a join's cost.
  #parts: string[] = [];
  #chars = 0;
  #records = new Float64Array(BATCH_RECORDS * 3);
  #recordCount = 0;
  #ends = new Uint32Array(BATCH_RECORDS * 32);
  #fieldCount = 0;
  /** line breaks inside the fields of every record taken so far */
  #breaks = 0;

  get size(): number {
    return this.#recordCount;
  }

  /** whether the batch should go now */
  get full(): boolean {
    return this.#recordCount >= BATCH_RECORDS || this.#chars >= BATCH_CHARS;
  }

  /** Adds a record, unless all its fields are blank (a blank record is skipped, its row still counted). */
  add(fields: string[], row: number): void {
    const joined = fields.join(SEPARATOR);
    if (fields.length === 0 || joined.length === fields.length - 1) return; // separators only: every field blank
    this.#parts.push(joined);
    this.#chars += joined.length;
    const at = this.#recordCount++ * 3;
    this.#records[at] = row;
    this.#records[at + 2] = fields.length;
    if (this.#fieldCount + fields.length > this.#ends.length) this.#grow(this.#fieldCount + fields.length);
    // the record starts past the separator after the last field so far
    let end = this.#fieldCount === 0 ? 0 : this.#ends[this.#fieldCount - 1]! + 1;
    for (let i = 0; i < fields.length; i++) {
      end += fields[i]!.length;
      this.#ends[this.#fieldCount++] = end++; // past the separator
    }
  }

  /** The physical line record `row` starts on, every record before it added: one line each, plus breaks in cells. */
  lineOf(row: number): number {
    return row + this.#breaks + this.#fillLines(false);
  }

  /** the batch so far (copies: the packer's arrays are reused) */
  take(): CsvBatch {
    this.#breaks += this.#fillLines(true);
    const batch = { text: this.#parts.join(SEPARATOR), records: this.#records.slice(0, this.#recordCount * 3), ends: this.#ends.slice(0, this.#fieldCount) };
    this.#parts = [];
    this.#chars = 0;
    this.#recordCount = 0;
    this.#fieldCount = 0;
    return batch;
  }

  #grow(needed: number): void {
    const grown = new Uint32Array(Math.max(needed, this.#ends.length * 2));
    grown.set(this.#ends.subarray(0, this.#fieldCount));
    this.#ends = grown;
  }

  /**
   * Line breaks inside the pending records' cells; `write`: set each record's line. A separator
   * between cells keeps a CR ending one and an LF starting the next from counting as one CRLF.
   */
  #fillLines(write: boolean): number {
    const records = this.#records;
    let breaks = 0;
    for (let r = 0; r < this.#recordCount; r++) {
      if (write) records[r * 3 + 1] = records[r * 3]! + this.#breaks + breaks;
      breaks += countLineBreaks(this.#parts[r]!);
    }
    return breaks;
  }
}

/** Where each of `count` NUL-separated fields ends in `text`. */
function fieldEnds(text: string, count: number): Uint32Array {
  const ends = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = text.indexOf(SEPARATOR, at);
    ends[i] = end < 0 ? text.length : end;
    at = ends[i]! + 1;
  }
  return ends;
}

/** A batch's records as sheet rows, cells made as textCell makes them; _xHHHH_ as written by our CSV writer decoded. */
export function unpackRows(batch: CsvBatch): SheetRow[] {
  return [...eachRow(batch)];
}

/** unpackRows one row at a time: a batch's rows made at once outlive a young-generation GC, and every promoted row is garbage the old space has to grow for. */
export function* eachRow(batch: CsvBatch): Generator<SheetRow> {
  const { records } = batch;
  // NFC here, on the thread that maps, not the one that parses (the busier of the two). It distributes
  // over the NUL separators (a starter nothing composes with): one call a batch. Composing changes
  // lengths (decomposed text: a Mac's, a Unikey set to "Unicode tổ hợp"): then the ends are found again.
  const text = nfc(batch.text);
  const ends = text === batch.text ? batch.ends : fieldEnds(text, batch.ends.length);
  // escapes are rare: looked for once a batch, not once a cell
  const escaped = text.includes("_x");
  let at = 0;
  let field = 0;
  for (let r = 0; r < records.length; r += 3) {
    const cells = new Array<Cell | undefined>(records[r + 2]!);
    for (let i = 0; i < cells.length; i++) {
      const end = ends[field++]!;
      const value = text.slice(at, end);
      // the text is NFC now; an escape decodes to a control character or "_", which compose with nothing
      cells[i] = value === "" ? undefined : normalisedTextCell(escaped ? decodeCsvText(value) : value);
      at = end + 1;
    }
    yield { row: records[r]!, line: records[r + 1]!, cells };
  }
}
