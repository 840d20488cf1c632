// One delete row to the server: read the record, journal it as it was, then DELETE; a refusal is the row's failure.
import { ApiError } from "../api/api-error.js";
import type { ApiResponse, FinanClient } from "../api/client.js";
import type { Pacer } from "../api/pacer.js";
import { isAuthRejection } from "../api/run-error.js";
import { rowRequests } from "../api/row-requests.js";
import { withoutServerFields } from "../customers/merge.js";
import type { CustomerRecord } from "../customers/types.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { RowResult } from "../rows/result.js";
import type { RowStatus } from "../rows/status.js";
import type { CodeIndex } from "./code-index.js";
import type { JournalWriter } from "./journal.js";
import type { DeleteJob } from "./row-plan.js";
import { errorText } from "./upload.js";

export interface DeleterOptions {
  client: FinanClient;
  pacer: Pacer;
  index: CodeIndex;
  dryRun: boolean;
  journal: JournalWriter | undefined;
  lang: Lang;
}

/** Deletes the customer a row names; every outcome but a 401 comes back as the row's result. */
export function createDeleter(options: DeleterOptions): (job: DeleteJob) => Promise<RowResult> {
  const { client, pacer, index, journal, lang } = options;
  return async (job) => {
    const requests = rowRequests(pacer);
    const result = (status: RowStatus, message: Message | undefined, customerId: string | undefined, response: ApiResponse<unknown> | undefined = requests.last): RowResult => ({ row: job.row, status, customerCode: job.customerCode, customerId, httpStatus: response?.status, apiCode: response?.apiCode, requestId: response?.requestId, message: message === undefined ? undefined : render(lang, message), attempts: requests.attempts });
    const failed = (error: unknown, said: (reason: string) => Message, customerId: string | undefined): RowResult => {
      if (isAuthRejection(error)) throw error;
      const api = error instanceof ApiError ? error : undefined;
      // the server's own reason (unpaid invoices, active contracts), as it said it
      const reason = api?.detail ?? errorText(lang, error);
      return { ...result("failed", said(reason), customerId), httpStatus: api?.status, apiCode: api?.apiCode, requestId: api?.requestId };
    };
    const who = job.customerCode ?? job.customerId ?? "";
    const listed = job.customerCode === undefined ? undefined : index.get(job.customerCode);
    if (job.customerCode !== undefined && job.customerId !== undefined && listed !== undefined && listed !== job.customerId) {
      return result("invalid", msg("actions.row.idConflict", { code: job.customerCode, id: job.customerId, listed }), undefined);
    }
    const customerId = job.resumeId ?? job.customerId ?? listed;
    if (customerId === undefined) return result("skipped", msg("actions.row.notFound", { who }), undefined);
    let record: CustomerRecord;
    try {
      record = (await requests.send(() => client.getCustomer(customerId), true)).data;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) return failed(error, (reason) => msg("actions.row.cannotRead", { reason }), customerId);
      // journaled and sent before an interruption, and gone now: that delete was applied
      if (job.resumeId !== undefined) return result("deleted", msg("actions.row.deletedBefore"), customerId);
      return result("skipped", msg("actions.row.notFound", { who }), undefined);
    }
    const code = record.general_info.customer_code;
    if (job.customerCode !== undefined && code !== job.customerCode) {
      return result("invalid", msg("actions.row.idOtherCode", { code: job.customerCode, id: customerId, actual: code }), undefined);
    }
    if (options.dryRun) return result("would-delete", undefined, customerId);
    // the record as it was, before the request: undo creates it again from this
    await journal?.append({ t: "intent", row: job.row, op: "delete", code: job.customerCode ?? "", customerId, before: withoutServerFields(record), sent: null });
    try {
      const response = await requests.send(() => client.deleteCustomer(customerId), true);
      index.delete(code);
      return result("deleted", undefined, customerId, response);
    } catch (error) {
      // a retried DELETE whose first attempt was applied finds nothing left: that is done
      if (error instanceof ApiError && error.status === 404 && requests.attempts > 1) {
        index.delete(code);
        return result("deleted", undefined, customerId);
      }
      return failed(error, (reason) => msg("actions.row.refused", { reason }), customerId);
    }
  };
}
