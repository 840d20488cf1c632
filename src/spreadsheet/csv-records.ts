// csv-parse's side of the CSV reader: delimited text to raw records with row and line numbers, syntax errors as ToolErrors.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { checkedUtf8, decodeText } from "./csv-encoding.js";
import type { TextEncodingPlan } from "./csv-encoding.js";
import { BatchPacker } from "./csv-batch.js";
import type { CsvBatch } from "./csv-batch.js";
import { countLineBreaks } from "./lines.js";
import { MAX_RECORD_BYTES } from "./limits.js";

/**
 * The file's non-blank records, packed in batches (csv-batch.ts) with their row numbers (blank records
 * counted) and the physical line each starts on. A yield per record cost a tenth of the parser's time.
 */
export async function* csvBatches(file: string, plan: TextEncodingPlan, delimiter: string): AsyncGenerator<CsvBatch> {
  // UTF-8 is only checked, not decoded: csv-parse works on bytes, so decoding it first doubles the work
  const utf8 = plan.encoding === "utf-8";
  const parser = parse({
    delimiter,
    bom: utf8, // bytes go to the parser as they are; otherwise TextDecoder dropped it
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true, // ragged rows are data, not syntax errors
    relax_quotes: true, // a quote inside an unquoted cell (12" pipe) is text, as spreadsheets read it
    skip_empty_lines: false, // blank records are skipped below, so row numbers stay right
    max_record_size: MAX_RECORD_BYTES,
    // no `raw: true`: it costs a third of csv-parse's speed; a failing record is re-read instead
  });
  const input = utf8 ? checkedUtf8(createReadStream(file), () => createReadStream(file), plan, file) : decodeText(createReadStream(file), plan, file);
  const text = Readable.from(input, { objectMode: false });
  const feeding = pipeline(text, parser).catch(() => undefined); // the error surfaces from the parser
  let row = 0;
  const packer = new BatchPacker();
  // Records are taken with read() as they come, not with for await: a promise per record cost
  // more than packing it. `signalled` keeps a 'readable' that fires mid-loop from being lost.
  let signalled = false;
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    signalled = true;
    wake?.();
    wake = undefined;
  };
  parser.on("readable", signal);
  parser.on("end", () => ((ended = true), signal()));
  parser.on("error", (error: unknown) => ((failure = error), signal()));
  try {
    for (;;) {
      signalled = false;
      let fields: string[] | null;
      while ((fields = parser.read() as string[] | null) !== null) {
        packer.add(fields, ++row);
        if (packer.full) yield packer.take();
      }
      if (failure !== undefined) throw failure;
      if (ended) break;
      if (!signalled) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (packer.size > 0) yield packer.take();
  } catch (error) {
    // csv-parse's info.lines is the record's last line and counts CRLF in quotes twice
    throw await syntaxError(error, file, plan, packer.lineOf(row + 1), delimiter);
  } finally {
    parser.destroy();
    await feeding;
  }
}

async function syntaxError(error: unknown, file: string, plan: TextEncodingPlan, recordLine: number, delimiter: string): Promise<unknown> {
  if (error instanceof ToolError || !(error instanceof CsvError)) return error;
  if (error.code !== "CSV_QUOTE_NOT_CLOSED" && error.code !== "CSV_MAX_RECORD_SIZE") return genericSyntaxError(error, file, recordLine);
  // the failing record so far, as csv-parse saw it: from its first line, at most the record limit
  const raw = await textFromLine(file, plan, recordLine, MAX_RECORD_BYTES).catch(() => undefined);
  const quoteAt = raw === undefined ? undefined : unclosedQuote(raw, delimiter);
  if (raw !== undefined && quoteAt !== undefined && error.code === "CSV_MAX_RECORD_SIZE") {
    // Cut by the record limit, not by the end of the file: the quote may yet close, far too late.
    const line = recordLine + countLineBreaks(raw.slice(0, quoteAt));
    return new ToolError("E_CSV_SYNTAX", msg("sheet.quoteRunsPast", { file, line: String(line), size: MAX_RECORD_BYTES / 1024 / 1024 }), {
      cause: error,
      hint: msg("sheet.quoteRunsPastHint"),
    });
  }
  if (raw !== undefined && quoteAt !== undefined) {
    const line = recordLine + countLineBreaks(raw.slice(0, quoteAt));
    return new ToolError("E_CSV_SYNTAX", msg("sheet.quoteNotClosed", { file, line: String(line) }), {
      cause: error,
      hint: msg("sheet.quoteNotClosedHint"),
    });
  }
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return new ToolError("E_CSV_SYNTAX", msg("sheet.recordTooLong", { file, line: String(recordLine), size: MAX_RECORD_BYTES / 1024 / 1024 }), {
      cause: error,
      hint: msg("sheet.notACustomerList"),
    });
  }
  return genericSyntaxError(error, file, recordLine);
}

/** The text from the start of a 1-based line on, at most `maxChars` of it (error path: reads the file again). */
async function textFromLine(file: string, plan: TextEncodingPlan, line: number, maxChars: number): Promise<string> {
  let current = 1;
  let afterCR = false;
  let text = "";
  for await (const chunk of decodeText(createReadStream(file), plan, file)) {
    let from = 0;
    if (current < line) {
      from = chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        const code = chunk.charCodeAt(i);
        if (afterCR) {
          afterCR = false;
          if (code !== 0x0a) current++; // a lone CR ended its line
        }
        if (current === line) {
          from = i;
          break;
        }
        if (code === 0x0a) current++;
        else if (code === 0x0d) afterCR = true;
      }
    }
    if (current < line) continue;
    text += chunk.slice(from);
    if (text.length >= maxChars) break;
  }
  return text.slice(0, maxChars);
}

function genericSyntaxError(error: CsvError, file: string, recordLine: number): ToolError {
  // csv-parse's own words, quoted: it names the problem more exactly than any sentence of ours
  return new ToolError("E_CSV_SYNTAX", msg("sheet.csvSyntax", { file, line: String(recordLine), problem: error.message }), {
    cause: error,
    hint: msg("sheet.csvSyntaxHint"),
  });
}

/** Offset in a record's raw text of the quote that opens a cell never closed, if any. */
function unclosedQuote(raw: string, delimiter: string): number | undefined {
  let inQuotes = false;
  let fieldStart = true;
  let openedAt = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inQuotes) {
      if (ch === '"') {
        if (raw[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (raw.startsWith(delimiter, i)) {
      fieldStart = true;
      i += delimiter.length - 1;
    } else if (ch === "\r" || ch === "\n") {
      fieldStart = true;
    } else {
      if (ch === '"' && fieldStart) {
        inQuotes = true;
        openedAt = i;
      }
      fieldStart = false;
    }
  }
  return inQuotes ? openedAt : undefined;
}
