// --changes-since: an earlier full export of ours as the baseline, read by field (any --lang, --columns or --type).
import { normaliseHeader, fieldForHeader } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { CHANGE_HEADERS, headerText } from "../customers/header.js";
import { typeLabel } from "../customers/template.js";
import { ToolError } from "../errors.js";
import { LANGS } from "../i18n/lang.js";
import { msg } from "../i18n/text.js";
import { unneutraliseFormula } from "../spreadsheet/formula-guard.js";
import { openSheet } from "../spreadsheet/open.js";
import type { Cell } from "../spreadsheet/types.js";
import { valueHash } from "./compare.js";
import type { Baseline, BaselineCustomer } from "./compare.js";

/** The type as either language's export writes it, back to the server's word. */
const TYPE_WORDS = new Map(LANGS.flatMap((lang) => (["personal", "company"] as const).map((type): [string, string] => [typeLabel(lang, type).toLowerCase(), type])));

/** Reads the export `path` as a baseline; a changes-only file, or one without customer_id, is refused. */
export async function readBaselineFile(path: string): Promise<Baseline> {
  const source = await openSheet(path);
  const unguard = source.format === "csv" ? unneutraliseFormula : (text: string) => text;
  const text = (cell: Cell | undefined): string => (cell?.kind === "text" ? unguard(cell.text) : cell?.kind === "number" ? String(cell.value) : "");
  const customers = new Map<string, BaselineCustomer>();
  let columns: { key: FieldKey; column: number }[] | undefined;
  let idColumn = -1;
  for await (const row of source.rows) {
    if (!columns) {
      const headers = row.cells.map((cell) => headerText(cell));
      if (headers.some((header) => CHANGE_HEADERS.has(normaliseHeader(header)))) {
        throw new ToolError("E_USAGE", msg("accounting.since.changesFile", { file: path }), { hint: msg("accounting.since.changesFileHint") });
      }
      idColumn = headers.findIndex((header) => header.trim() === "customer_id");
      if (idColumn < 0) throw new ToolError("E_USAGE", msg("accounting.since.noId", { file: path }), { hint: msg("accounting.since.noIdHint") });
      columns = headers.flatMap((header, column) => {
        const key = fieldForHeader(header);
        return key === undefined ? [] : [{ key, column }];
      });
      continue;
    }
    const id = text(row.cells[idColumn]).trim();
    if (id === "") continue;
    const value = (key: FieldKey) => {
      const found = columns?.find((entry) => entry.key === key);
      return found === undefined ? "" : text(row.cells[found.column]);
    };
    const hashes = columns.map(({ key, column }) => {
      const cell = text(row.cells[column]);
      return valueHash(key, key === "general_info.type" ? (TYPE_WORDS.get(cell.trim().toLowerCase()) ?? cell) : cell);
    });
    const type = value("general_info.type").trim().toLowerCase();
    customers.set(id, { code: value("general_info.customer_code"), name: value("general_info.name"), type: TYPE_WORDS.get(type) ?? type, hashes: hashes.join(",") });
  }
  if (!columns) throw new ToolError("E_USAGE", msg("accounting.since.noId", { file: path }), { hint: msg("accounting.since.noIdHint") });
  return { path, keys: columns.map(({ key }) => key), customers, scope: undefined };
}
