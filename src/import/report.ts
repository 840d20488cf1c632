// The report of a run: the input's own columns, then the result columns, written row by row.
import { statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { createSheetWriter } from "../spreadsheet/write.js";
import type { Cell, CellMark, SheetWriter } from "../spreadsheet/types.js";
import { ToolError } from "../errors.js";
import type { RowResult } from "../rows/result.js";
import { isFailing, statusText } from "../rows/status.js";
import type { Lang } from "../i18n/lang.js";
import { msg, t } from "../i18n/text.js";

export type ReportKind = "validate" | "import" | "undo";

/** SPEC.md "import": the result columns, after the input's own columns. */
export const REPORT_COLUMNS: Record<ReportKind, readonly (keyof typeof COLUMN_VALUE)[]> = {
  validate: ["row", "status", "message"],
  import: ["row", "status", "customer_id", "http_status", "api_code", "request_id", "message", "attempts"],
  undo: ["row", "status", "customer_id", "http_status", "api_code", "request_id", "message", "attempts"],
};

/** A result cell's text; only the status is said in the report's language (the rest are numbers, ids and messages already said in it). */
const COLUMN_VALUE = {
  row: (r: RowResult) => String(r.row),
  status: (r: RowResult, lang: Lang) => statusText(lang, r.status),
  customer_id: (r: RowResult) => r.customerId,
  http_status: (r: RowResult) => (r.httpStatus === undefined ? undefined : String(r.httpStatus)),
  api_code: (r: RowResult) => (r.apiCode === undefined ? undefined : String(r.apiCode)),
  request_id: (r: RowResult) => r.requestId,
  message: (r: RowResult) => r.message,
  attempts: (r: RowResult) => (r.attempts === undefined ? undefined : String(r.attempts)),
} satisfies Record<string, (r: RowResult, lang: Lang) => string | undefined>;

/** The same path, or another name for the same file (a link): either way, writing one destroys the other. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false; // one of them does not exist yet
  }
}

/**
 * The default report beside the input: `name.report.ext` (import), `name.check.ext` (validate),
 * `name.dry-run.ext`, `name.undo.ext` (other suffixes as given). An input that is itself a check or a report (`name.check.ext`,
 * `name.report.ext`, `name.report-2.ext`) gets the next number (`name.report-2.ext`,
 * `name.report-3.ext`), never `name.report.report.ext`, so a re-run never writes over the
 * report the user fixed and ran.
 */
export function defaultReportPath(input: string, suffix = "report"): string {
  const extension = extname(input);
  const name = basename(input, extension);
  const ext = extension.toLowerCase() || ".csv";
  const earlier = suffix !== "report" && suffix !== "check" ? null : /^(.+)\.(?:check|report)(?:-(\d+))?$/i.exec(name);
  if (earlier) return join(dirname(input), `${earlier[1]}.${suffix}-${Number(earlier[2] ?? 1) + 1}${ext}`);
  return join(dirname(input), `${name}.${suffix}${ext}`);
}

/** The report must not be the input itself (or a link to it): writing one destroys the other. */
export function refuseInputAsReport(path: string, input: string): void {
  if (sameFile(path, input)) throw new ToolError("E_REPORT", msg("import.report.overwritesInput", { input }), { hint: msg("import.report.overwritesInputHint") });
}

/** A row's own part of the report: what an InputRow carries for it. */
export interface ReportRow {
  /** the input's own cells as text */
  values: (string | undefined)[];
  /** a workbook's cells as read, for an XLSX report to keep their kind */
  cells?: readonly (Cell | undefined)[] | undefined;
  /** the input's cells past its header (a CSV row with too many), kept after the report's columns */
  overflow?: (string | undefined)[] | undefined;
}

export interface ReportWriter {
  path: string;
  write(row: ReportRow, result: RowResult, marks?: CellMark[]): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * The per-row report: the input's own columns, then the result columns, written beside the target
 * and renamed over it at the end (never through a link planted there; an interrupted run writes
 * it too, and a killed one leaves the journal to resume from). Created 0600: it holds personal data.
 * The result columns' names and the statuses are in `lang`, the run's: the reader takes either.
 */
export async function openReport(path: string, inputHeaders: string[], kind: ReportKind, lang: Lang, input?: string, inputDelimiter?: string): Promise<ReportWriter> {
  if (input !== undefined) refuseInputAsReport(path, input);
  const columns = REPORT_COLUMNS[kind];
  let writer: SheetWriter;
  try {
    writer = await createSheetWriter(path, {
      columns: [...inputHeaders, ...columns.map((column) => t(lang, `report.column.${column}`))],
      sheetName: "Report",
      mode: 0o600,
      bom: true,
      // a CSV report is delimited as its input was: Excel set to Vietnamese lists with ; and opens such a file as one column otherwise
      ...(inputDelimiter === undefined ? {} : { delimiter: inputDelimiter }),
      // people open the CSV report in Excel to fix rows: an input cell like =HYPERLINK(…) must not run
      neutraliseFormulas: true,
    });
  } catch (error) {
    if (error instanceof ToolError) throw error;
    // the system's own words for why
    throw new ToolError("E_REPORT", msg("import.report.cannotWrite", { path, reason: (error as Error).message }), { cause: error });
  }
  const width = inputHeaders.length;
  const statusColumn = width + columns.indexOf("status");
  return {
    path,
    async write({ values: inputValues, cells: inputCells, overflow }, result, marks = []) {
      const values: (string | undefined)[] = [];
      for (let i = 0; i < width; i += 1) values.push(inputValues[i]);
      for (const column of columns) values.push(COLUMN_VALUE[column](result, lang));
      if (overflow) values.push(...overflow);
      const failed = isFailing(result.status);
      const allMarks = failed && !marks.some((mark) => mark.severity === "error")
        ? [...marks, { column: statusColumn, note: result.message ?? statusText(lang, result.status), severity: "error" as const }]
        : marks;
      await writer.write(values, allMarks, inputCells);
    },
    close: () => writer.close(),
    abort: () => writer.abort(),
  };
}
