// One sheet row to a validated payload, or the reasons it cannot be sent (row problems are data).
import type { SheetRow } from "../spreadsheet/types.js";
import { cellTextFor, fieldKind } from "./cell-text.js";
import type { FieldKind } from "./cell-text.js";
import { headerFor, headerMessage, parseFieldKey } from "./columns.js";
import type { FieldKey, FieldRef } from "./columns.js";
import type { DuplicateTracker } from "./duplicates.js";
import type { ColumnBinding } from "./header.js";
import { describeIssue, validateCustomer } from "./schema.js";
import type { GroupNumbers, Validation } from "./schema.js";
import { plainCustomer } from "./plain-customer.js";
import type { CustomerPayload } from "./types.js";
import { checkDigitFields, digitFieldsOf } from "./digit-damage.js";
import type { ColumnEvidence } from "./digit-damage.js";
import { templateExampleCode } from "./template-examples.js";
import { createRules, isUnresolved } from "./rules/apply.js";
import type { RuleOptions } from "./rules/apply.js";
import { isFill } from "./rules/filled.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

export interface RowIssue {
  /** 0-based column of the cell at fault, when one cell is (an XLSX report highlights it) */
  column?: number;
  header?: string;
  field?: FieldKey;
  /** "Header (field.path): what is wrong", rendered in the run's language for the report */
  message: Message;
}

export type RowOutcome =
  | {
      row: number;
      ok: true;
      customerCode: string;
      payload: CustomerPayload;
      /** group number N of each contact / bank in the payload (blank groups are dropped) */
      groups: GroupNumbers;
      warnings: Message[];
      /** fields filled by --default: a replace keeps the server's values for them */
      defaulted?: FieldKey[];
      /** bank cells the rules filled from the other cell: a replace keeps the server's spelling for the same bank */
      filled?: FieldKey[];
    }
  | {
      row: number;
      ok: false;
      customerCode?: string;
      issues: RowIssue[];
      warnings: Message[];
      /** not sent and not a fault: why (a template's example row left in the file) */
      skipped?: Message;
    };

export interface RowMapperOptions {
  /** shared across the run so a repeated customer_code is invalid after its first row */
  duplicates?: DuplicateTracker;
  /** remove the apostrophe our CSV export puts before formula-like cells (kept as text when a spreadsheet converts it) */
  unguardFormulas?: boolean;
  /** delimited text: its digit columns' signs of a spreadsheet's rounding (a workbook's text cells are exact) */
  digitEvidence?: ColumnEvidence | undefined;
  /** the Vietnamese rules' flags (--strict, --fix-bank-codes, --update-provinces) */
  rules?: RuleOptions;
}

/** A row without number cells (every row of a delimited file): no field came from a number. */
const NO_NUMBERS: readonly boolean[] = Object.freeze([]);

/** A binding with what the hot loop needs to know about its field, worked out once per file. */
interface BoundField {
  binding: ColumnBinding;
  ref: FieldRef | undefined;
  /** the code, a digit string (scientific-looking text there is lost digits), or free text */
  kind: FieldKind;
}

/** Maps rows through the header's bindings; every problem of a row is reported at once. */
export function createRowMapper(
  bindings: ColumnBinding[],
  options: RowMapperOptions = {},
): (row: SheetRow) => RowOutcome {
  const byField = new Map(bindings.map((binding) => [binding.field, binding]));
  const unguard = options.unguardFormulas ?? true;
  const locate = (field: FieldKey, message: Message): RowIssue => {
    const binding = byField.get(field);
    // no column for the field: the template's header, in the language the message is shown in
    if (binding === undefined) return { column: undefined, header: headerFor(field, "en"), field, message: describeIssue(headerMessage(field), field, message) };
    return { column: binding.column, header: binding.header, field, message: describeIssue(binding.header, field, message) };
  };
  // One binding per field (bindColumns refuses duplicates), so values can sit by binding index.
  const fields: BoundField[] = bindings.map((binding) => {
    const ref = parseFieldKey(binding.field);
    return { binding, ref, kind: fieldKind(binding.field) };
  });
  const digitFields = digitFieldsOf(bindings);
  const boundFields = bindings.map((binding) => binding.field);
  const codeAt = bindings.findIndex((binding) => binding.field === "general_info.customer_code");
  const phoneCodeAt = bindings.findIndex((binding) => binding.field === "general_info.phone_code");
  const applyRules = createRules(options.rules);
  const strict = options.rules?.strict === true;

  return (row) => {
    const values: (string | undefined)[] = new Array<string | undefined>(fields.length);
    // made on the row's first number cell: a delimited file has none
    let fromNumber: boolean[] | undefined;
    const issues: RowIssue[] = [];
    const warnings: Message[] = [];
    // --strict: a warning the tool could not resolve fails the row
    const warn = (field: FieldKey, message: Message): void => {
      if (strict && isUnresolved(message)) issues.push(locate(field, message));
      else warnings.push(locate(field, message).message);
    };
    for (let i = 0; i < fields.length; i++) {
      const { binding, kind } = fields[i]!;
      const { field, column } = binding;
      const cell = cellTextFor(row.cells[column], kind, unguard);
      if (typeof cell === "string") {
        values[i] = cell;
        continue;
      }
      values[i] = cell.value;
      if (cell.fromNumber === true) (fromNumber ??= new Array<boolean>(fields.length).fill(false))[i] = true;
      if (cell.issue !== undefined) issues.push(locate(field, cell.issue));
      if (cell.warning !== undefined) warn(field, cell.warning);
    }
    for (const note of checkDigitFields(digitFields, values, fromNumber ?? NO_NUMBERS, phoneCodeAt, options.digitEvidence)) {
      if (note.issue !== undefined) issues.push(locate(note.field, note.issue));
      if (note.warning !== undefined) warn(note.field, note.warning);
    }

    const example = templateExampleCode(boundFields, values);
    if (example !== undefined) return { row: row.row, ok: false, customerCode: example, issues: [], warnings: [], skipped: msg("damage.templateExample", { code: example }) };

    const { payload, groups } = buildPayload(fields, values);
    let filled: FieldKey[] | undefined;
    for (const { field, message } of applyRules(payload, groups, row.row)) {
      warn(field, message);
      if (isFill(message)) (filled ??= []).push(field);
    }
    // the usual valid row is checked without zod; any other row gets zod's own issues
    const plain = plainCustomer(payload);
    const validation: Validation = plain === undefined ? validateCustomer(payload, groups) : { ok: true, value: plain };
    if (!validation.ok) {
      const flagged = new Set(issues.map((issue) => issue.field));
      for (const issue of validation.issues) {
        // A cell already reported (a date, #N/A) would only echo as "is required".
        if (issue.field === undefined) issues.push({ message: issue.message });
        else if (!flagged.has(issue.field)) issues.push(locate(issue.field, issue.message));
      }
    }

    const customerCode = codeAt === -1 ? undefined : values[codeAt];
    const firstRow = customerCode === undefined ? undefined : options.duplicates?.check(customerCode, row.row);
    if (firstRow !== undefined) {
      issues.push(locate("general_info.customer_code", msg("customers.cell.duplicateCode", { row: String(firstRow) })));
    }

    if (issues.length > 0 || !validation.ok || customerCode === undefined) {
      return { row: row.row, ok: false, customerCode, issues, warnings };
    }
    return { row: row.row, ok: true, customerCode, payload: validation.value, groups, warnings, ...(filled ? { filled } : {}) };
  };
}

/** Field values to the payload shape; only filled groups, in N order, compacted. */
function buildPayload(fields: BoundField[], values: (string | undefined)[]): { payload: unknown; groups: GroupNumbers } {
  const generalInfo: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  let hasAddress = false;
  // made on a row's first contact or bank cell: most rows have neither, and two Maps a row were garbage
  let contacts: Map<number, Record<string, string>> | undefined;
  let banks: Map<number, Record<string, string>> | undefined;
  for (let i = 0; i < fields.length; i++) {
    const value = values[i];
    const ref = fields[i]!.ref;
    if (value === undefined || !ref) continue;
    if (ref.group === "general_info") generalInfo[ref.attr] = value;
    else if (ref.group === "address") {
      address[ref.attr] = value;
      hasAddress = true;
    } else if (ref.group === "contact_persons") groupEntry((contacts ??= new Map()), ref.index)[ref.attr] = value;
    else groupEntry((banks ??= new Map()), ref.index)[ref.attr] = value;
  }
  const groups = { contacts: contacts === undefined ? [] : sortedKeys(contacts), banks: banks === undefined ? [] : sortedKeys(banks) };
  if (contacts !== undefined) generalInfo.contact_persons = groups.contacts.map((n) => contacts.get(n));
  const payload: Record<string, unknown> = { general_info: generalInfo };
  if (hasAddress) payload.address = address;
  if (banks !== undefined) payload.bank_accounts = groups.banks.map((n) => banks.get(n));
  return { payload, groups };
}

function groupEntry(groups: Map<number, Record<string, string>>, index: number): Record<string, string> {
  let entry = groups.get(index);
  if (!entry) groups.set(index, (entry = {}));
  return entry;
}

function sortedKeys(map: Map<number, unknown>): number[] {
  return [...map.keys()].sort((a, b) => a - b);
}
