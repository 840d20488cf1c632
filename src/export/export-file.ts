// The export's side of the sheet writer: opened once the columns are known, counted, atomic.
import { ToolError } from "../errors.js";
import { MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS } from "../spreadsheet/limits.js";
import type { SheetWriter, WriteOptions } from "../spreadsheet/types.js";
import { createSheetWriter } from "../spreadsheet/write.js";
import { rowValues } from "./columns.js";
import { createEscapeNotes } from "./csv-escapes.js";
import { formatTimestamp, typeWords } from "./cell-words.js";
import type { ExportColumns } from "./columns.js";
import type { ExportProgress } from "../output/progress.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

export type ExportFormat = "csv" | "xlsx";
/** A sheet after the data (the summary sheet) */
export type ExtraSheet = NonNullable<WriteOptions["extraSheets"]>[number];
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
    /** `extraHeaders`: columns after the layout's (a changes-only file's change columns); `sheets`: XLSX sheets after the data, filled until close */
    async open(layout: ExportColumns, extraHeaders: string[] = [], sheets?: ExtraSheet[]): Promise<void> {
      columns = layout;
      inWords = wordsOf(layout.keys);
      writer = await createSheetWriter(options.file, {
        columns: [...layout.headers, ...extraHeaders],
        ...(sheets === undefined || options.format !== "xlsx" ? {} : { extraSheets: sheets }),
        sheetName: options.lang === "vi" ? "Khách hàng" : "Customers",
        bom: options.bom,
        neutraliseFormulas: options.format === "csv",
        // the file holds every customer's personal data, like the import's reports
        mode: 0o600,
      });
    },
    /** One customer as one row; `total` is for progress only. */
    async write(record: ExportRecord, total?: number, extra: string[] = []): Promise<void> {
      if (!writer || !columns) throw new ToolError("E_INTERNAL", msg("export.internal.rowBeforeColumns"));
      written += 1;
      if (options.format === "xlsx" && written >= MAX_EXCEL_ROWS) throw tooManyRows(options.file);
      const values = [...(columns.valuesOf?.(record) ?? inWords(rowValues(record, columns.keys))), ...extra];
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
  return new ToolError("E_USAGE", msg("export.tooManyRows", { max: MAX_EXCEL_ROWS - 1 }), { hint: msg("export.tooManyRowsHint", { file }) });
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
  const sizes = { needed: columns.headers.length, max: MAX_EXCEL_COLUMNS, file };
  const said = widest
    ? msg("export.tooWideWho", { ...sizes, code: widest.code || msg("export.noCode"), id: widest.customerId, contacts: widest.contacts, banks: widest.banks })
    : msg("export.tooWide", sizes);
  throw new ToolError("E_FILE_TOO_LARGE", said, { hint: msg("export.tooWideHint") });
}
