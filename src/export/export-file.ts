// The export's side of the sheet writer: opened once the columns are known, counted, atomic.
import { ToolError } from "../errors.js";
import { MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS } from "../spreadsheet/limits.js";
import type { SheetWriter } from "../spreadsheet/types.js";
import { createSheetWriter } from "../spreadsheet/write.js";
import { rowValues } from "./columns.js";
import { createEscapeNotes } from "./csv-escapes.js";
import { formatTimestamp, typeWords } from "./cell-words.js";
import type { ExportColumns } from "./columns.js";
import type { ExportProgress } from "../output/progress.js";
import type { Message } from "../i18n/text.js";

export type ExportFormat = "csv" | "xlsx";
export type ExportRecord = Parameters<typeof rowValues>[0];

export interface ExportFileOptions {
  file: string;
  format: ExportFormat;
  lang: "en" | "vi";
  bom: boolean;
  /** created_at and updated_at as yyyy-mm-dd hh:mm:ss in this zone; undefined: as the server sent them */
  timeZone?: string | undefined;
  onProgress?: ((progress: ExportProgress) => void) | undefined;
}

export type ExportFile = ReturnType<typeof createExportFile>;

/** CSV formula-neutralised (SPEC "export"), XLSX text-typed; written to a temporary name, renamed on close. */
export function createExportFile(options: ExportFileOptions) {
  let writer: SheetWriter | undefined;
  let columns: ExportColumns | undefined;
  let written = 0;
  const escapes = createEscapeNotes();
  const typeWord = typeWords(options.lang);
  const { timeZone } = options;
  /** The server's words as this export writes them: the type in the headers' language, times in the zone. */
  const wordsOf = (keys: readonly string[]) => (values: (string | undefined)[]): (string | undefined)[] =>
    values.map((value, index) => {
      if (value === undefined) return value;
      const key = keys[index];
      if (key === "general_info.type") return typeWord(value);
      if (timeZone !== undefined && (key === "created_at" || key === "updated_at")) return formatTimestamp(value, timeZone);
      return value;
    });
  let inWords = wordsOf([]);
  return {
    async open(layout: ExportColumns): Promise<void> {
      columns = layout;
      inWords = wordsOf(layout.keys);
      writer = await createSheetWriter(options.file, {
        columns: layout.headers,
        sheetName: options.lang === "vi" ? "Khách hàng" : "Customers",
        bom: options.bom,
        neutraliseFormulas: options.format === "csv",
        // the file holds every customer's personal data, like the import's reports
        mode: 0o600,
      });
    },
    /** One customer as one row; `total` is for progress only. */
    async write(record: ExportRecord, total?: number): Promise<void> {
      if (!writer || !columns) throw new ToolError("E_INTERNAL", "export: a row was written before the columns were known");
      written += 1;
      if (options.format === "xlsx" && written >= MAX_EXCEL_ROWS) throw tooManyRows(options.file);
      const values = inWords(rowValues(record, columns.keys));
      if (options.format === "csv") escapes.note(record.general_info?.customer_code, columns.headers, values);
      await writer.write(values);
      options.onProgress?.({ phase: "writing", done: written, ...(total === undefined ? {} : { total }) });
    },
    close: async (): Promise<void> => writer?.close(),
    /** removes the temporary file; never throws over the error that caused it */
    abort: async (): Promise<void> => writer?.abort().catch(() => undefined),
    get written() {
      return written;
    },
    get columns() {
      return columns;
    },
    /** what the run should say about the file's content */
    get warnings(): Message[] {
      const escaped = escapes.warning;
      return escaped === undefined ? [] : [escaped];
    },
  };
}

/** Fails before any fetch when the list alone is longer than an Excel sheet. */
export function checkSheetLimit(format: ExportFormat, customers: number, file: string): void {
  if (format === "xlsx" && customers >= MAX_EXCEL_ROWS) throw tooManyRows(file);
}

function tooManyRows(file: string): ToolError {
  return new ToolError("E_USAGE", `Too many customers for one Excel sheet (at most ${(MAX_EXCEL_ROWS - 1).toLocaleString("en-US")} rows below the header).`, {
    hint: `Export to .csv instead of ${file}, or split the export with --type.`,
  });
}

/** The record that made the export widest, to name it when the width is over a sheet's. */
export interface WidestRecord {
  code: string;
  customerId: string;
  contacts: number;
  banks: number;
}

/**
 * An .xlsx too wide for Excel is refused whole, not cut: an export is an import file, and a cut
 * record re-imported (upsert replaces) would lose on the server what the sheet left out.
 */
export function checkSheetWidth(format: ExportFormat, columns: ExportColumns, file: string, widest: WidestRecord | undefined): void {
  if (format !== "xlsx" || columns.headers.length <= MAX_EXCEL_COLUMNS) return;
  const count = (n: number) => n.toLocaleString("en-US");
  const who = widest ? ` Customer ${widest.code || "(no code)"} (${widest.customerId}) has ${count(widest.contacts)} contact(s) and ${count(widest.banks)} bank account(s).` : "";
  throw new ToolError("E_FILE_TOO_LARGE", `Too many columns for one Excel sheet: this export needs ${count(columns.headers.length)}, and a sheet holds ${count(MAX_EXCEL_COLUMNS)}.${who} Nothing was written to ${file}.`, {
    hint: `Export to .csv instead (no column limit), or leave those groups out with --columns. A sheet with columns cut would lose them on the server if re-imported.`,
  });
}
