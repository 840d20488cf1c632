// One undo row's requests (get, delete, restore) and its result.
import type { ApiResponse, FinanClient } from "../api/client.js";
import { ApiError } from "../api/api-error.js";
import type { Pacer } from "../api/pacer.js";
import { rowRequests } from "../api/row-requests.js";
import { differencesFromSent } from "../import/adopt.js";
import type { CustomerPayload } from "../customers/types.js";
import type { Lang } from "../i18n/lang.js";
import type { RowResult } from "../rows/result.js";
import type { RowReason, RowStatus } from "../rows/status.js";

/** The fields that differ between two payloads, by header and path; "" when they are equal. */
export function describeChanges(expected: CustomerPayload, actual: CustomerPayload, lang: Lang): string {
  return differencesFromSent(expected, actual, lang).join(", ");
}

/** One undo row's requests, counted together; a GET or DELETE that finds nothing is an answer, not a failure. */
export function rowSteps(client: FinanClient, pacer: Pacer, row: number, code: string, customerId: string) {
  const requests = rowRequests(pacer);
  const result = (status: RowStatus, message: string | undefined, response: ApiResponse<unknown> | undefined = requests.last): RowResult => ({ row, status, customerCode: code, customerId, httpStatus: response?.status, apiCode: response?.apiCode, requestId: response?.requestId, message, attempts: requests.attempts });
  return {
    async get() {
      try {
        return await requests.send(() => client.getCustomer(customerId), true);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    async remove() {
      try {
        return await requests.send(() => client.deleteCustomer(customerId), true);
      } catch (error) {
        // A retried DELETE whose first attempt was applied finds nothing left: that is done.
        if (error instanceof ApiError && error.status === 404 && requests.attempts > 1) return undefined;
        throw error;
      }
    },
    put: (payload: CustomerPayload) => requests.send(() => client.replaceCustomer(customerId, payload), true),
    result,
    /** A row left alone, with the reason the summary counts it by. */
    leftAlone: (reason: RowReason, message: string): RowResult => ({ ...result("skipped", message), reason }),
  };
}
