// A cell reference's column, from its text or its bytes.
import { MAX_EXCEL_COLUMNS } from "./limits.js";

/** The column of the reference in `ref` from `start` to `end` (A → 1, letters up to the first other character); 0 when it has none, -1 past XFD. */
export function referenceColumn(ref: string | Buffer, start = 0, end = ref.length): number {
  let column = 0;
  for (let at = start; at < end; at++) {
    const code = (typeof ref === "string" ? ref.charCodeAt(at) : (ref[at] as number)) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
    if (column > MAX_EXCEL_COLUMNS) return -1;
  }
  return column;
}
