// Bounds that make a malformed or hostile file fail fast instead of eating memory or time.

/** Bytes read up front to recognise a file (magic numbers, BOM, delimiter, encoding). */
export const HEAD_BYTES = 64 * 1024;

/** CSV: the longest record (csv-parse `max_record_size`); a customer row is a few hundred bytes. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** XLSX: Excel's own sheet limits (both checked as the sheet is read); past them no spreadsheet program wrote it. */
export const MAX_EXCEL_ROWS = 1_048_576;
export const MAX_EXCEL_COLUMNS = 16_384;
/** XLSX: characters a cell holds; Excel calls a longer one a damaged file. */
export const MAX_EXCEL_CELL_CHARS = 32_767;

/** XLSX: inflated size of the sheet XML; about 1,000,000 customer rows of 30 columns. */
export const MAX_SHEET_XML_BYTES = 2 * 1024 ** 3;

/** XLSX: inflated size of each other part read (workbook, styles, shared strings: held in memory). */
export const MAX_PART_XML_BYTES = 512 * 1024 ** 2;

/** XLSX: a part inflating past this ratio (after the first few MiB) is a zip bomb, not a sheet. */
export const MAX_INFLATE_RATIO = 200;
export const INFLATE_RATIO_GRACE_BYTES = 16 * 1024 ** 2;
