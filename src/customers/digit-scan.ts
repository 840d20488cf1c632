// A delimited file's digit columns read once more, only when a row needs their verdict: whether a spreadsheet rounded them.
import { fieldKind } from "./cell-text.js";
import { createEvidenceCounter, mayBeRounded } from "./digit-damage.js";
import type { ColumnEvidence } from "./digit-damage.js";
import type { ColumnBinding } from "./header.js";
import { openSheet } from "../spreadsheet/open.js";
import type { ReadOptions, SheetRow } from "../spreadsheet/types.js";

/** The evidence, and `before(row)` to await ahead of mapping a row: it scans the file the first time a row may hold a rounded value. */
export interface DigitColumnScan extends ColumnEvidence {
  before(row: SheetRow): Promise<void> | undefined;
}

/**
 * A verdict on row 5 may depend on row 500, and most files never need one: the file is read a
 * second time (digit columns only, nothing kept but counts) the first time a row holds a
 * 16+-digit value ending in 0, the only kind of value a spreadsheet's rounding can leave.
 */
export function digitColumnScan(file: string, options: ReadOptions, bindings: readonly ColumnBinding[], headerRow: number): DigitColumnScan {
  const columns = bindings.filter((binding) => fieldKind(binding.field) !== "text").map((binding) => binding.column);
  const counter = createEvidenceCounter();
  let scanned: Promise<void> | undefined;
  let done = false;
  const scan = async (): Promise<void> => {
    const source = await openSheet(file, options);
    for await (const row of source.rows) {
      if (row.row <= headerRow) continue;
      for (const column of columns) {
        const cell = row.cells[column];
        if (cell?.kind === "text") counter.add(column, cell.text.trim());
      }
    }
    done = true;
  };
  return {
    before(row) {
      if (done || !columns.some((column) => { const cell = row.cells[column]; return cell?.kind === "text" && mayBeRounded(cell.text.trim()); })) return undefined;
      return (scanned ??= scan());
    },
    verdict: (column) => counter.verdict(column),
  };
}
