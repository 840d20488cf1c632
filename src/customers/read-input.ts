// A customer list read from a sheet: its header found and bound, each data row mapped to a payload (import, validate, undo).
import { createDuplicateTracker } from "./duplicates.js";
import { RESULT_COLUMNS, bindColumns, findHeaderRow, headerText, unknownColumnWarnings } from "./header.js";
import type { BoundColumns, ResultColumn } from "./header.js";
import { loadMappingFile } from "./mapping.js";
import { createRowMapper } from "./to-payload.js";
import type { RowOutcome } from "./to-payload.js";
import { templateColumns } from "./columns.js";
import { ToolError } from "../errors.js";
import { displayCell } from "../spreadsheet/display-cell.js";
import { unneutraliseFormula } from "../spreadsheet/formula-guard.js";
import { openSheet } from "../spreadsheet/open.js";
import type { Cell, ReadOptions, SheetRow, SheetSource } from "../spreadsheet/types.js";

export interface InputOptions extends ReadOptions {
  /** path of a JSON file mapping the user's headers to fields (--columns) */
  columnsFile?: string | undefined;
}

export interface InputRow {
  row: number;
  /** the input's own cells (result columns of an earlier report left out), as text, for the report */
  values: (string | undefined)[];
  /** a workbook's: the same cells as read, for an XLSX report to write them back as they were */
  cells?: (Cell | undefined)[];
  /** cells past the header (in a CSV, pushed out by a stray delimiter): the report keeps them, so nothing is lost and re-reading it fails the row again */
  overflow?: (string | undefined)[];
  outcome: RowOutcome;
  /** result columns of an earlier report, when the input is one */
  previous: Partial<Record<ResultColumn, string>>;
}

export interface InputTable {
  source: SheetSource;
  /** the input's own headers, in order, without an earlier report's result columns */
  headers: string[];
  /** where each of the input's own columns sits in the file */
  kept: number[];
  bound: BoundColumns;
  headerRow: number;
  /** the unknown columns, said in a few lines at most, for the run's warnings */
  warnings: string[];
  rows: AsyncGenerator<InputRow>;
}

/** An opened sheet with its header found and bound; `head` holds the rows read to find it. */
async function openTable(file: string, options: InputOptions) {
  const mapping = options.columnsFile ? await loadMappingFile(options.columnsFile) : undefined;
  const source = await openSheet(file, options);
  const iterator = source.rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < 10) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const found = findHeaderRow(head, mapping ? { mapping } : {});
  if (!found) throw headerNotFound(file, head.length, source);
  const bound = withFileName(file, () => bindColumns(found.row, mapping ? { mapping } : {}));
  const result = new Set(bound.resultColumns);
  const kept = found.row.cells.map((_, column) => column).filter((column) => !result.has(column));
  return { source, iterator, head, found, bound, kept };
}

/** The rows readInput would yield, counted without mapping them: a total for the progress line before the real run. */
export async function countRecords(file: string, options: InputOptions = {}, onRow?: (row: SheetRow) => void): Promise<number> {
  const { iterator, head, found, kept } = await openTable(file, options);
  let count = 0;
  const visit = (row: SheetRow): void => {
    if (!hasData(row, kept)) return;
    count += 1;
    onRow?.(row);
  };
  head.slice(found.index + 1).forEach(visit);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) visit(next.value);
  return count;
}

/** Opens a spreadsheet, finds and binds its header, and maps each data row to a payload. */
export async function readInput(file: string, options: InputOptions = {}): Promise<InputTable> {
  const { source, iterator, head, found, bound, kept } = await openTable(file, options);
  const width = headerWidth(found.row);
  // Cells past the header fail the row in a CSV (a stray delimiter shifted them) and in our report,
  // which keeps them there from its input; in a workbook they are notes, said and not read.
  const pastHeaderFails = source.format === "csv" || bound.statusColumn !== undefined;
  const headers = kept.map((column) => headerText(found.row.cells[column]));
  const warnings = unknownColumnWarnings(bound.unknown);
  const resultAt = resultColumnsOf(found.row, bound.resultColumns);
  const mapRow = createRowMapper(bound.bindings, { duplicates: createDuplicateTracker(), unguardFormulas: source.format === "csv" });
  // The report neutralises formula-like cells again as it writes them: a value from a CSV (perhaps
  // our own report) loses the apostrophe it carried, or each round trip would add one ('+84 → ''+84).
  const ownValue = (cell: Cell | undefined): string | undefined => {
    const value = displayCell(cell);
    return value !== undefined && source.format === "csv" ? unneutraliseFormula(value) : value;
  };

  async function* rows(): AsyncGenerator<InputRow> {
    const toInput = (sheetRow: SheetRow): InputRow => {
      const previous: Partial<Record<ResultColumn, string>> = {};
      for (const [column, name] of resultAt) {
        const value = displayCell(sheetRow.cells[column]);
        if (value !== undefined) previous[name] = value;
      }
      const outcome = beyondHeader(sheetRow, width, pastHeaderFails, mapRow(sheetRow));
      const values = kept.map((column) => ownValue(sheetRow.cells[column]));
      const overflow = pastHeaderFails ? overflowOf(sheetRow, width, ownValue) : undefined;
      const extra = overflow === undefined ? {} : { overflow };
      if (source.format !== "xlsx") return { row: sheetRow.row, values, outcome, previous, ...extra };
      return { row: sheetRow.row, values, cells: kept.map((column) => sheetRow.cells[column]), outcome, previous, ...extra };
    };
    for (const sheetRow of head.slice(found.index + 1)) if (hasData(sheetRow, kept)) yield toInput(sheetRow);
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (hasData(next.value, kept)) yield toInput(next.value);
    }
  }

  return { source, headers, kept, bound, headerRow: found.row.row, warnings, rows: rows() };
}

/** Whole-run errors about the header name the file they are about. */
function withFileName<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ToolError) || error.message.includes(file)) throw error;
    throw new ToolError(error.code, `${file}: ${error.message}`, { cause: error.cause, ...(error.hint ? { hint: error.hint } : {}), exitCode: error.exitCode });
  }
}

/** The filled cells past the header, up to the last filled one; undefined when there are none. */
function overflowOf(row: SheetRow, width: number, show: (cell: Cell | undefined) => string | undefined): (string | undefined)[] | undefined {
  const extra = row.cells.slice(width).map(show);
  while (extra.length > 0 && !extra.at(-1)?.trim()) extra.pop();
  return extra.length > 0 ? extra : undefined;
}

function headerWidth(header: SheetRow): number {
  let width = 0;
  header.cells.forEach((cell, column) => {
    if (headerText(cell) !== "") width = column + 1;
  });
  return width;
}

/**
 * Values past the last header. In a CSV that is the mark of a delimiter inside an unquoted cell:
 * every later cell has moved one column right, so the row must not be sent (`fails`). In a
 * workbook it is a stray note: said, not sent.
 */
function beyondHeader(row: SheetRow, width: number, fails: boolean, outcome: RowOutcome): RowOutcome {
  if (row.cells.length <= width) return outcome;
  const extra = row.cells.slice(width).map(displayCell).filter((value): value is string => value !== undefined && value.trim() !== "");
  if (extra.length === 0) return outcome;
  const shown = extra.slice(0, 3).map((value) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`).join(", ");
  if (!fails) {
    return { ...outcome, warnings: [...outcome.warnings, `values in columns without a header were not read: ${shown}`] } as RowOutcome;
  }
  const cells = row.cells.findLastIndex((cell) => displayCell(cell)?.trim()) + 1;
  const message = `the row has ${cells} cells but the header has ${width} columns (extra: ${shown}): a comma or delimiter inside an unquoted cell has probably shifted the cells; quote that cell or remove the extra cells`;
  return { row: outcome.row, ok: false, ...(outcome.customerCode === undefined ? {} : { customerCode: outcome.customerCode }), issues: [{ message }], warnings: outcome.warnings };
}

function resultColumnsOf(header: SheetRow, columns: number[]): [number, ResultColumn][] {
  const names = new Set<string>(RESULT_COLUMNS);
  return columns.flatMap((column) => {
    const name = headerText(header.cells[column]).toLowerCase();
    return names.has(name) ? [[column, name as ResultColumn]] : [];
  });
}

/** A row whose own cells are all blank is not a record (a report's result cells alone do not make one). */
function hasData(row: SheetRow, kept: number[]): boolean {
  return kept.some((column) => {
    const cell = row.cells[column];
    return cell !== undefined && !(cell.kind === "text" && cell.text.trim() === "");
  });
}

function headerNotFound(file: string, rowsSeen: number, source: SheetSource): ToolError {
  const where = source.sheetName === undefined ? file : `sheet "${source.sheetName}" of ${file}`;
  const others = (source.sheetNames ?? []).filter((name) => name !== source.sheetName);
  const otherSheets = others.length > 0 ? ` If the list is on another sheet, choose it with --sheet NAME (this workbook also has: ${others.join(", ")}).` : "";
  if (rowsSeen === 0) {
    return new ToolError("E_FILE_EMPTY", `${source.sheetName === undefined ? file : `The ${where}`} has no rows at all.`, {
      hint: `Start from the template: finan-bulk template customers.xlsx.${otherSheets}`,
    });
  }
  const examples = templateColumns("en", 0, 0).slice(0, 3).map(({ header }) => `"${header}"`).join(", ");
  const vietnamese = templateColumns("vi", 0, 0).slice(0, 3).map(({ header }) => `"${header}"`).join(", ");
  const rows = rowsSeen === 1 ? "its only row" : `the first ${Math.min(rowsSeen, 10)} rows`;
  return new ToolError("E_HEADER_NOT_FOUND", `No header row in ${rows} of ${where}: no row names at least two known columns (such as ${examples} or ${vietnamese}).`, {
    hint: `Put the header in one of the first 10 rows, name the columns as the template does (finan-bulk template), or map your own names with --columns mapping.json.${otherSheets}`,
  });
}
