// After a create of unknown outcome: is the record the server holds this run's create, someone else's, or a contradiction?
import type { ApiError } from "../api/api-error.js";
import { headerFor } from "../customers/columns.js";
import { diffPayload } from "../customers/merge.js";
import type { CustomerPayload } from "../customers/types.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render, t } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/** How many times a row may be sent from create to replace or back (a record deleted or created since the listing). */
export const MAX_DETOURS = 1;

/**
 * The fields in which the server's record differs from the payload this run sent, by their
 * headers; empty: the record is this run's create. Fields we do not map (server-managed or
 * unknown) are left aside, as a server may add its own.
 */
export function differencesFromSent(stored: CustomerPayload, sent: CustomerPayload, lang: Lang): string[] {
  const { changed, cleared } = diffPayload(stored, sent);
  return [...changed, ...cleared].map((field) => t(lang, "import.row.field", { header: headerFor(field, lang), field }));
}

/** Why a found record is not taken as this run's create. */
export function someoneElses(customerCode: string, customerId: string, differences: string[]): Message {
  return msg("import.row.someoneElses", { code: customerCode, id: customerId, fields: differences.join(", ") });
}

/** What one answer said, for a row whose server contradicts itself: `GET … answers 404 (customer not found)`. */
export function said(error: ApiError, what: Message): Message {
  const codes = [error.status, error.apiCode].filter((part) => part !== undefined).join(" ");
  const answer = codes || msg("import.row.anError");
  // the detail is the server's own words
  return error.detail ? msg("import.row.answersWhy", { what, answer, detail: error.detail }) : msg("import.row.answers", { what, answer });
}

/** The row's message when the server's answers about its code cannot all be true. */
export function contradiction(lang: Lang, customerCode: string, statements: Message[]): Message {
  const said = [...new Set(statements.map((statement) => render(lang, statement)))];
  return msg("import.row.contradiction", { code: customerCode, statements: said.join("; ") });
}
