// Rows to RFC 4180 CSV through csv-stringify: UTF-8 (BOM for Excel), control characters as _xHHHH_, formula-safe.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { encodeCsvText } from "./csv-text.js";
import { neutraliseFormula } from "./formula-guard.js";
import type { Cell, CellMark, WriteOptions } from "./types.js";

/** A format writer over an open stream; write.ts owns the file (temp name, mode, rename). */
export interface StreamSheetWriter {
  /** CSV has no place for marks and ignores them */
  write(values: (string | undefined)[], marks?: CellMark[], cells?: readonly (Cell | undefined)[]): Promise<void>;
  /** finish the file and wait until every byte reached `output` */
  close(): Promise<void>;
  /** stop at once; what was written is discarded by the caller */
  destroy(): void;
}

/** Header first, then one record per write; `delimiter` is tab for .tsv. */
export function createCsvWriter(output: Writable, options: WriteOptions, delimiter = ","): StreamSheetWriter {
  const stringifier = stringify({
    bom: options.bom ?? true, // Excel reads BOM-less UTF-8 as the local legacy encoding
    delimiter,
    record_delimiter: "windows",
    quoted_match: /[\r\n]/, // csv-stringify leaves a lone LF unquoted under CRLF records; RFC 4180 quotes it
  });
  stringifier.pipe(output);
  const neutralise = options.neutraliseFormulas === true;
  const push = async (record: string[]): Promise<void> => {
    if (!stringifier.write(record)) await once(stringifier, "drain");
  };
  let ready = push(options.columns);
  return {
    async write(values) {
      await ready;
      // escaped before the guard: an escape never starts with a formula trigger, nor hides one
      const record = values.map((value) => (value === undefined ? "" : neutralise ? neutraliseFormula(encodeCsvText(value)) : encodeCsvText(value)));
      ready = push(record);
      await ready;
    },
    async close() {
      await ready;
      stringifier.end();
      await finished(output);
    },
    destroy() {
      stringifier.destroy();
    },
  };
}
