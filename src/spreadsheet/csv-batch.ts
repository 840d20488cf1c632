// Records packed in batches: one string and two number arrays each, cheap to hand to another thread
// (structured-cloning arrays of strings cost twice what parsing them did), unpacked into sheet rows.
import { textCell } from "./cells.js";
import { countLineBreaks } from "./lines.js";
import type { Cell, SheetRow } from "./types.js";

export interface CsvBatch {
  /** every field of every record, end to end */
  text: string;
  /** length of each field, in order */
  lengths: Uint32Array;
  /** per record: row, line, number of fields */
  records: Float64Array;
}

/** Batches stay small enough to hand over often, large enough that a message costs little per row. */
export const BATCH_RECORDS = 1024;
export const BATCH_CHARS = 60_000;

export class BatchPacker {
  // Fields are joined once per batch: a string built by += is a rope of thousands of pieces, and
  // postMessage flattened it at several times the cost of one join.
  #parts: string[] = [];
  #chars = 0;
  #lengths: Uint32Array<ArrayBuffer> = new Uint32Array(BATCH_RECORDS * 32);
  #fieldCount = 0;
  #records = new Float64Array(BATCH_RECORDS * 3);
  #recordCount = 0;
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
    const start = this.#fieldCount;
    if (start + fields.length > this.#lengths.length) this.#lengths = grow(this.#lengths, start + fields.length);
    let blank = true;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      this.#lengths[this.#fieldCount++] = field.length;
      if (field === "") continue;
      blank = false;
      this.#parts.push(field);
      this.#chars += field.length;
    }
    if (blank) {
      this.#fieldCount = start;
      return;
    }
    const at = this.#recordCount++ * 3;
    this.#records[at] = row;
    this.#records[at + 2] = fields.length;
  }

  /** The physical line record `row` starts on, every record before it added: one line each, plus breaks in cells. */
  lineOf(row: number): number {
    return row + this.#breaks + this.#fillLines(false, this.#parts.join(""));
  }

  /** the batch so far (copies: the packer's arrays are reused) */
  take(): CsvBatch {
    const text = this.#parts.join("");
    this.#breaks += this.#fillLines(true, text);
    const batch = { text, lengths: this.#lengths.slice(0, this.#fieldCount), records: this.#records.slice(0, this.#recordCount * 3) };
    this.#parts = [];
    this.#chars = 0;
    this.#fieldCount = 0;
    this.#recordCount = 0;
    return batch;
  }

  /** Line breaks inside the pending records' cells; `write`: set each record's line. Most files have none. */
  #fillLines(write: boolean, text: string): number {
    const records = this.#records;
    if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1) {
      if (write) for (let at = 0; at < this.#recordCount * 3; at += 3) records[at + 1] = records[at]! + this.#breaks;
      return 0;
    }
    let breaks = 0;
    let offset = 0;
    let field = 0;
    for (let at = 0; at < this.#recordCount * 3; at += 3) {
      if (write) records[at + 1] = records[at]! + this.#breaks + breaks;
      for (let i = 0; i < records[at + 2]!; i++) {
        const length = this.#lengths[field++]!;
        if (length > 0) breaks += countLineBreaks(text.slice(offset, (offset += length)));
      }
    }
    return breaks;
  }
}

/** A batch's records as sheet rows, cells made by textCell as in the in-thread reader. */
export function unpackRows(batch: CsvBatch): SheetRow[] {
  const { text, lengths, records } = batch;
  const rows = new Array<SheetRow>(records.length / 3);
  let at = 0;
  let field = 0;
  for (let r = 0; r < records.length; r += 3) {
    const cells = new Array<Cell | undefined>(records[r + 2]!);
    for (let i = 0; i < cells.length; i++) {
      const length = lengths[field++]!;
      cells[i] = length === 0 ? undefined : textCell(text.slice(at, (at += length)));
    }
    rows[r / 3] = { row: records[r]!, line: records[r + 1]!, cells };
  }
  return rows;
}

function grow(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}
