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
  #text = "";
  #lengths: Uint32Array<ArrayBuffer> = new Uint32Array(BATCH_RECORDS * 32);
  #fieldCount = 0;
  #records = new Float64Array(BATCH_RECORDS * 3);
  #recordCount = 0;

  get size(): number {
    return this.#recordCount;
  }

  /** whether the batch should go now */
  get full(): boolean {
    return this.#recordCount >= BATCH_RECORDS || this.#text.length >= BATCH_CHARS;
  }

  /**
   * Adds a record, unless all its fields are blank (a blank line is skipped but counted by the
   * caller); returns the line breaks inside its fields. One pass: this runs for every field of the file.
   */
  add(fields: string[], row: number, line: number): number {
    const start = this.#fieldCount;
    if (start + fields.length > this.#lengths.length) this.#lengths = grow(this.#lengths, start + fields.length);
    let breaks = 0;
    let blank = true;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      this.#lengths[this.#fieldCount++] = field.length;
      if (field === "") continue;
      blank = false;
      this.#text += field;
      breaks += countLineBreaks(field);
    }
    if (blank) {
      this.#fieldCount = start;
      return 0;
    }
    const at = this.#recordCount++ * 3;
    this.#records[at] = row;
    this.#records[at + 1] = line;
    this.#records[at + 2] = fields.length;
    return breaks;
  }

  /** the batch so far (copies: the packer's arrays are reused) */
  take(): CsvBatch {
    const batch = { text: this.#text, lengths: this.#lengths.slice(0, this.#fieldCount), records: this.#records.slice(0, this.#recordCount * 3) };
    this.#text = "";
    this.#fieldCount = 0;
    this.#recordCount = 0;
    return batch;
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
