// The one shape every reader yields and every writer takes; exceljs never leaks past src/spreadsheet/.
import type { Message } from "../i18n/text.js";

/** A cell normalised from whatever the file held. Blank cells are `undefined` in a row's array. */
export type Cell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; scientific?: boolean }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: Date }
  /** an error value such as #N/A, or a formula whose cached result is an error */
  | { kind: "error"; error: string }
  /** a formula cell saved without a cached result: nothing to read */
  | { kind: "formula-without-value"; formula: string };

export interface SheetRow {
  /** the row number a spreadsheet program shows (CSV: 1-based record number, header included) */
  row: number;
  /** the physical line the record starts on (CSV only; equals `row` unless cells span lines) */
  line?: number;
  /** cells by column index (0-based); a blank cell is `undefined` */
  cells: (Cell | undefined)[];
  /** XLSX: the row is hidden (filtered out, or hidden by hand) */
  hidden?: boolean;
}

export type SheetFormat = "csv" | "xlsx";

export interface ReadOptions {
  /** XLSX: sheet name; default the first visible sheet */
  sheet?: string;
  /** delimited text: a WHATWG encoding label such as windows-1258; default UTF-8/UTF-16 by BOM */
  encoding?: string;
  /** delimited text: override detection */
  delimiter?: string;
  /** delimited text: parse on a worker thread; default: when the file is 16 MiB or more */
  csvWorker?: boolean;
}

export interface SheetSource {
  file: string;
  format: SheetFormat;
  /** XLSX: the sheet read; CSV: undefined */
  sheetName?: string;
  /** XLSX: every sheet of the workbook, hidden ones marked, for messages that suggest --sheet */
  sheetNames?: string[];
  /** XLSX: the same, hidden ones marked in the language a message is shown in */
  sheetLabels?: (Message | string)[];
  /** CSV: the delimiter used */
  delimiter?: string;
  /** CSV: the encoding used */
  encoding?: string;
  /** CSV: where csv-parse ran: a worker thread (large files) or the main thread */
  parser?: "worker" | "main";
  /** non-blank rows, in order; blank rows are skipped but counted in `row` */
  rows: AsyncIterable<SheetRow>;
  /** CSV: the next of those rows if the reader holds it already, taken without awaiting; undefined: await the rows' iterator */
  takeReady?: () => SheetRow | undefined;
}

/** A note attached to one cell of a written row (XLSX: highlight + comment; CSV: ignored). */
export interface CellMark {
  column: number;
  note: string;
  severity: "error" | "warning";
}

export interface WriteOptions {
  /** header labels, in order */
  columns: string[];
  sheetName?: string;
  /** CSV: write a UTF-8 BOM (default true) */
  bom?: boolean;
  /** .csv/.txt: the delimiter (a report uses its input's, so a ; list stays a ; list); default "," */
  delimiter?: string;
  /** CSV: prefix formula-like cells with an apostrophe (export); default false */
  neutraliseFormulas?: boolean;
  /** file permissions (reports and journals hold personal data: 0o600) */
  mode?: number;
  /** XLSX: data validation list per column index (template's Type dropdown) */
  dropdowns?: Record<number, string[]>;
  /** XLSX: extra sheets written after the data sheet, e.g. Instructions */
  extraSheets?: { name: string; rows: string[][]; /** the first row is a header: bold, frozen */ header?: boolean }[];
}

export interface SheetWriter {
  /**
   * One data row of strings (undefined/"" = blank cell); marks colour and annotate cells. `cells`,
   * by column like `values`: the cells as read from a workbook, so an XLSX output writes a number,
   * date, error or formula back as such (a report re-read must see what the input held); a CSV
   * output, and any text or missing cell, writes `values`.
   */
  write(values: (string | undefined)[], marks?: CellMark[], cells?: readonly (Cell | undefined)[]): Promise<void>;
  /** finish the file and rename it into place */
  close(): Promise<void>;
  /** stop and remove what was written; an older file under the name is left as it was */
  abort(): Promise<void>;
}
