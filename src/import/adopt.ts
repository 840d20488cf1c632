// After a create of unknown outcome: is the record the server holds this run's create, someone else's, or a contradiction?
import type { ApiError } from "../api/api-error.js";
import { headerFor } from "../customers/columns.js";
import { diffPayload } from "../customers/merge.js";
import type { CustomerPayload } from "../customers/types.js";

/** How many times a row may be sent from create to replace or back (a record deleted or created since the listing). */
export const MAX_DETOURS = 1;

/**
 * The fields in which the server's record differs from the payload this run sent, by their
 * headers; empty: the record is this run's create. Fields we do not map (server-managed or
 * unknown) are left aside, as a server may add its own.
 */
export function differencesFromSent(stored: CustomerPayload, sent: CustomerPayload): string[] {
  const { changed, cleared } = diffPayload(stored, sent);
  return [...changed, ...cleared].map((field) => `${headerFor(field, "en")} (${field})`);
}

/** Why a found record is not taken as this run's create. */
export function someoneElses(customerCode: string, customerId: string, differences: string[]): string {
  return `created meanwhile by someone else: the server holds customer_code ${customerCode} (customer_id ${customerId}) with other values in ${differences.join(", ")}, so it is not taken as this run's create and was left as it is (undo leaves it alone too). Check which values are right; to overwrite them, import this row again with --mode upsert`;
}

/** What one answer said, for a row whose server contradicts itself: `GET … answers 404 (customer not found)`. */
export function said(error: ApiError, what: string): string {
  const answer = [error.status, error.apiCode].filter((part) => part !== undefined).join(" ");
  return `${what} answers ${answer || "an error"}${error.detail ? ` (${error.detail})` : ""}`;
}

/** The row's message when the server's answers about its code cannot all be true. */
export function contradiction(customerCode: string, statements: string[]): string {
  return `the server contradicts itself about customer_code ${customerCode}: ${[...new Set(statements)].join("; ")}. Nothing was changed for this row; run again later, and if it persists, tell Finan support what the server said`;
}
