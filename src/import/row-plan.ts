// What one input row asks for: its Action cell over --mode, checked before anything is sent.
import { actionWordList, parseAction } from "../customers/actions.js";
import type { ImportMode } from "../customers/actions.js";
import type { InputRow } from "../customers/read-input.js";
import type { RowOutcome } from "../customers/to-payload.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render, t } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { invalidResult } from "../rows/result.js";
import type { RowResult } from "../rows/result.js";

export type WriteMode = Exclude<ImportMode, "delete">;

/** A customer to delete, named by its code, its id, or both (an export has both). */
export interface DeleteJob {
  row: number;
  customerCode: string | undefined;
  customerId: string | undefined;
  /** a delete journaled before an interruption: look before sending it again */
  resumeId?: string | undefined;
}

export type RowPlan =
  /** nothing to send: invalid, or skipped by its Action cell or because it is hidden */
  | { kind: "done"; result: RowResult; hidden?: boolean; deleting?: boolean }
  | { kind: "write"; mode: WriteMode; outcome: Extract<RowOutcome, { ok: true }> }
  | { kind: "delete"; job: DeleteJob };

export interface PlanOptions {
  mode: ImportMode;
  allowDelete: boolean;
  lang: Lang;
}

/** The row's operation and whether it can go: only a delete's code and id are checked, a write's whole row. */
export function planRow(input: InputRow, options: PlanOptions): RowPlan {
  const { outcome } = input;
  const { lang } = options;
  const header = t(lang, "actions.column.header");
  const done = (status: "invalid" | "skipped", message: Message): Extract<RowPlan, { kind: "done" }> => ({ kind: "done", result: { row: input.row, status, customerCode: outcome.customerCode, message: render(lang, message) } });
  const action = input.action === undefined ? options.mode : parseAction(input.action);
  if (action === undefined) return done("invalid", msg("actions.row.unknown", { header, value: input.action ?? "", known: actionWordList() }));
  if (action === "ambiguous") return done("invalid", msg("actions.row.ambiguous", { header, value: input.action ?? "" }));
  if (action === "skip") return done("skipped", msg("actions.row.skipped", { header }));
  if (action !== "delete") return outcome.ok ? { kind: "write", mode: action, outcome } : { kind: "done", result: invalidResult(outcome, lang) };
  if (!options.allowDelete) return { ...done("invalid", msg("actions.row.needsAllowDelete")), deleting: true };
  if (input.hidden) return { ...done("skipped", msg("actions.row.hidden")), hidden: true, deleting: true };
  // a delete reads only the code and the id: the rest of the row may be anything
  const codeIssues = outcome.ok ? [] : outcome.issues.filter((issue) => issue.field === "general_info.customer_code" || issue.message.key === "customers.cell.shifted");
  const customerId = input.previous.customer_id?.trim() || undefined;
  const customerCode = outcome.customerCode;
  if (codeIssues.length > 0 && !(customerCode === undefined && customerId !== undefined)) {
    return { kind: "done", result: invalidResult({ row: input.row, ok: false, customerCode, issues: codeIssues, warnings: [] }, lang), deleting: true };
  }
  if (customerCode === undefined && customerId === undefined) return { ...done("invalid", msg("actions.row.noCode")), deleting: true };
  return { kind: "delete", job: { row: input.row, customerCode, customerId } };
}
