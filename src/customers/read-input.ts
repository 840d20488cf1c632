// A customer list read from a sheet: its header found and bound, each data row mapped to a payload (import, validate, undo).
import { createDuplicateTracker } from "./duplicates.js";
import type { DuplicateTracker } from "./duplicates.js";
import { DELETED_CHANGE, bindColumns, headerText, unknownColumnWarnings } from "./header.js";
import type { BoundColumns, ResultColumn } from "./header.js";
import { loadColumnsFile } from "../profiles/plan.js";
import type { SourcePlan } from "../profiles/plan.js";
import { findSource, refuseUnsureType } from "../profiles/source.js";
import { createRowMapper } from "./to-payload.js";
import { digitColumnScan } from "./digit-scan.js";
import type { RowOutcome } from "./to-payload.js";
import type { RuleOptions } from "./rules/apply.js";
import { normaliseHeader, templateColumns } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { ToolError } from "../errors.js";
import { displayCell } from "../spreadsheet/display-cell.js";
import { unneutraliseFormula } from "../spreadsheet/formula-guard.js";
import { openSheet } from "../spreadsheet/open.js";
import type { Cell, ReadOptions, SheetRow, SheetSource } from "../spreadsheet/types.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { parseStatus } from "../rows/status.js";

export interface InputOptions extends ReadOptions {
  /** path of a JSON file mapping the user's headers to fields (--columns) */
  columnsFile?: string | undefined;
  /** --mode delete: a file with customer_code or customer_id alone will do */
  codesOnly?: boolean | undefined;
  /** --strict, --fix-bank-codes, --update-provinces */
  rules?: RuleOptions;
  /** --default FIELD=VALUE: filled into blank fields (a replace keeps the server's values for them) */
  defaults?: ReadonlyMap<FieldKey, string> | undefined;
  /** the in-file duplicate check, when the caller keeps the codes already (an import's code index) */
  duplicates?: DuplicateTracker | undefined;
  /** told the header row and how it is read, before its columns are bound (validate --save-columns) */
  onHeader?: ((headers: string[], plan: SourcePlan | undefined) => Promise<void>) | undefined;
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
  /** result columns of an earlier report, when the input is one; a status in either language comes as the machine's word (`failed`) */
  previous: Partial<Record<ResultColumn, string>>;
  /** the Action (Thao tác) cell, when the file has that column and it is filled */
  action?: string;
  /** hidden in the sheet (an XLSX row filtered out) */
  hidden?: boolean;
}

export interface InputTable {
  source: SheetSource;
  /** the input's own headers, in order, without an earlier report's result columns */
  headers: string[];
  /** where each of the input's own columns sits in the file */
  kept: number[];
  bound: BoundColumns;
  headerRow: number;
  /** the program recognised and the unknown columns, said in a few lines at most, for the run's warnings */
  warnings: Message[];
  /** how the columns were read, when --columns or a recognised program's profile said (validate --save-columns) */
  plan: SourcePlan | undefined;
  rows: AsyncGenerator<InputRow>;
}

/** An opened sheet with its header found and bound; `head` holds the rows read to find it. */
async function openTable(file: string, options: InputOptions) {
  const userPlan = options.columnsFile ? await loadColumnsFile(options.columnsFile) : undefined;
  const source = await openSheet(file, options);
  const iterator = source.rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < 10) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const codesOnly = options.codesOnly === true;
  // another program's file (KiotViet, MISA, ...) is recognised by its headers, or read by the --columns plan
  const { found, mapping, plan, reshaper, warnings } = findSource(head, userPlan, options.defaults, codesOnly);
  if (!found) throw headerNotFound(file, head.length, source);
  await options.onHeader?.(found.row.cells.map(headerText), plan);
  refuseUnsureType(reshaper);
  const bound = withFileName(file, () => bindColumns(reshaper?.header ?? found.row, { ...(mapping ? { mapping } : {}), ...(reshaper ? { ignore: reshaper.ignore } : {}), codesOnly }));
  reshaper?.finishBind(bound);
  const result = new Set(bound.resultColumns);
  const kept = found.row.cells.map((_, column) => column).filter((column) => !result.has(column));
  // a row to delete may name its customer by customer_id alone, which is a result column
  const idColumn = codesOnly ? bound.resultColumns.find((column) => bound.resultNames.get(column) === "customer_id") : undefined;
  const dataColumns = idColumn === undefined ? kept : [...kept, idColumn];
  return { source, iterator, head, found, bound, kept, dataColumns, plan, reshaper, sourceWarnings: warnings };
}

/** The rows readInput would yield, counted without mapping them: a total for the progress line before the real run. */
export async function countRecords(file: string, options: InputOptions = {}, onRow?: (row: SheetRow) => void): Promise<number> {
  const { source, iterator, head, found, dataColumns } = await openTable(file, options);
  let count = 0;
  const visit = (row: SheetRow): void => {
    if (!hasData(row, dataColumns)) return;
    count += 1;
    onRow?.(row);
  };
  head.slice(found.index + 1).forEach(visit);
  for (let row = await nextRow(source, iterator); row !== undefined; row = source.takeReady?.() ?? (await nextRow(source, iterator))) visit(row);
  return count;
}

/** Opens a spreadsheet, finds and binds its header, and maps each data row to a payload. */
export async function readInput(file: string, options: InputOptions = {}): Promise<InputTable> {
  const { source, iterator, head, found, bound, kept, dataColumns, plan, reshaper, sourceWarnings } = await openTable(file, options);
  const width = headerWidth(found.row);
  // Cells past the header fail the row in a CSV (a stray delimiter shifted them) and in our report,
  // which keeps them there from its input; in a workbook they are notes, said and not read.
  const pastHeaderFails = source.format === "csv" || bound.statusColumn !== undefined;
  const headers = kept.map((column) => headerText(found.row.cells[column]));
  const warnings = [...sourceWarnings, ...unknownColumnWarnings(bound.unknown)];
  const resultAt = [...bound.resultNames];
  const digits = source.format === "csv" ? digitColumnScan(file, options, bound.bindings, found.row.row) : undefined;
  const mapCells = createRowMapper(bound.bindings, { duplicates: options.duplicates ?? createDuplicateTracker(), digitEvidence: digits, ...(options.rules === undefined ? {} : { rules: options.rules }) });
  const mapRow = reshaper === undefined ? mapCells : (row: SheetRow) => reshaper.outcome(mapCells(reshaper.row(row)));
  // The report neutralises formula-like cells again as it writes them: a value from a CSV (perhaps
  // our own report, or converted to XLSX by a spreadsheet) loses the apostrophe it carried, or each round trip would add one ('+84 → ''+84).
  const ownValue = (cell: Cell | undefined): string | undefined => {
    const value = displayCell(cell);
    return value !== undefined && cell?.kind === "text" ? unneutraliseFormula(value) : value;
  };

  async function* rows(): AsyncGenerator<InputRow> {
    const toInput = (sheetRow: SheetRow): InputRow => {
      const previous: Partial<Record<ResultColumn, string>> = {};
      for (const [column, name] of resultAt) {
        const value = displayCell(sheetRow.cells[column]);
        // "không thành công" is `failed`: --only and the carried status read one word; a status edited into nonsense stays as written
        if (value !== undefined) previous[name] = name === "status" ? (parseStatus(value) ?? value) : value;
      }
      const outcome = deletedInChanges(sheetRow, bound.changeColumn, beyondHeader(sheetRow, width, pastHeaderFails, mapRow(sheetRow)));
      const values = kept.map((column) => ownValue(sheetRow.cells[column]));
      const overflow = pastHeaderFails ? overflowOf(sheetRow, width, ownValue) : undefined;
      const action = bound.actionColumn === undefined ? undefined : displayCell(sheetRow.cells[bound.actionColumn])?.trim();
      // most rows have none of these: then no objects made only to be spread (four a row)
      const extra = overflow === undefined && !action && !sheetRow.hidden ? undefined : { ...(overflow === undefined ? {} : { overflow }), ...(action ? { action } : {}), ...(sheetRow.hidden ? { hidden: true } : {}) };
      if (source.format !== "xlsx") return { row: sheetRow.row, values, outcome, previous, ...extra };
      return { row: sheetRow.row, values, cells: kept.map((column) => sheetRow.cells[column]), outcome, previous, ...extra };
    };
    for (const sheetRow of head.slice(found.index + 1)) {
      if (hasData(sheetRow, dataColumns)) {
        const scanning = digits?.before(sheetRow);
        if (scanning) await scanning;
        yield toInput(sheetRow);
      }
    }
    for (;;) {
      // a row the reader holds already is taken without an await: a tick per row cost more than mapping a cell
      const row = source.takeReady?.() ?? (await nextRow(source, iterator));
      if (row === undefined) return;
      if (hasData(row, dataColumns)) {
        const scanning = digits?.before(row);
        if (scanning) await scanning;
        yield toInput(row);
      }
    }
  }

  return { source, headers, kept, bound, headerRow: found.row.row, warnings, plan, rows: rows() };
}

/** The sheet's next row (undefined at the end): one the reader holds already, else the iterator's next. */
async function nextRow(source: SheetSource, iterator: AsyncIterator<SheetRow>): Promise<SheetRow | undefined> {
  const ready = source.takeReady?.();
  if (ready !== undefined) return ready;
  const next = await iterator.next();
  return next.done === true ? undefined : next.value;
}

/** Whole-run errors about the header name the file they are about. */
function withFileName<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ToolError) || error.message.includes(file)) throw error;
    throw new ToolError(error.code, msg("common.inFile", { file, text: error.said }), { cause: error.cause, ...(error.hintSaid ? { hint: error.hintSaid } : {}), exitCode: error.exitCode });
  }
}

/** The filled cells past the header, up to the last filled one; undefined when there are none. */
function overflowOf(row: SheetRow, width: number, show: (cell: Cell | undefined) => string | undefined): (string | undefined)[] | undefined {
  if (row.cells.length <= width) return undefined;
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
  // values quoted from the file: the same in every language
  const values = extra.slice(0, 3).map((value) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`).join(", ");
  if (!fails) return { ...outcome, warnings: [...outcome.warnings, msg("customers.cell.notRead", { values })] };
  const cells = row.cells.findLastIndex((cell) => displayCell(cell)?.trim()) + 1;
  const message = msg("customers.cell.shifted", { cells: String(cells), width: String(width), values });
  return { row: outcome.row, ok: false, ...(outcome.customerCode === undefined ? {} : { customerCode: outcome.customerCode }), issues: [{ message }], warnings: outcome.warnings };
}

/** A changes-only export's `deleted` row: the customer is gone from Finan, and importing it would create it again. */
function deletedInChanges(row: SheetRow, column: number | undefined, outcome: RowOutcome): RowOutcome {
  const change = column === undefined ? undefined : displayCell(row.cells[column]);
  if (change === undefined || !DELETED_CHANGE.has(normaliseHeader(change))) return outcome;
  const message = msg("accounting.import.deletedRow", { value: change.trim() });
  return { row: outcome.row, ok: false, ...(outcome.customerCode === undefined ? {} : { customerCode: outcome.customerCode }), issues: [{ message }], warnings: outcome.warnings };
}

/** A row whose own cells are all blank is not a record (a report's result cells alone do not make one). */
function hasData(row: SheetRow, kept: number[]): boolean {
  return kept.some((column) => {
    const cell = row.cells[column];
    return cell !== undefined && !(cell.kind === "text" && cell.text.trim() === "");
  });
}

function headerNotFound(file: string, rowsSeen: number, source: SheetSource): ToolError {
  const sheet = source.sheetName;
  // the other sheets as messages name them ("(hidden)" in the run's language)
  const labels = source.sheetLabels ?? source.sheetNames ?? [];
  const others = labels.filter((_, at) => source.sheetNames?.[at] !== sheet);
  const otherSheets = others.length > 0 ? msg("customers.file.otherSheets", { sheets: others }) : "";
  if (rowsSeen === 0) {
    return new ToolError("E_FILE_EMPTY", sheet === undefined ? msg("customers.file.empty", { file }) : msg("customers.file.sheetEmpty", { sheet, file }), {
      hint: msg("customers.file.emptyHint", { others: otherSheets }),
    });
  }
  // header names of both languages, quoted: the same words whichever language is spoken
  const examples = templateColumns("en", 0, 0).slice(0, 3).map(({ header }) => `"${header}"`).join(", ");
  const vietnamese = templateColumns("vi", 0, 0).slice(0, 3).map(({ header }) => `"${header}"`).join(", ");
  const rows = rowsSeen === 1 ? msg("customers.headerRow.onlyRow") : msg("customers.headerRow.firstRows", { count: Math.min(rowsSeen, 10) });
  const where = sheet === undefined ? msg("customers.headerRow.inFile", { file }) : msg("customers.headerRow.inSheet", { sheet, file });
  return new ToolError("E_HEADER_NOT_FOUND", msg("customers.headerRow.notFound", { rows, where, examples, vietnamese }), {
    hint: msg("customers.headerRow.notFoundHint", { others: otherSheets }),
  });
}
