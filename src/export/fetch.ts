// One full record per listed customer: the answer must be that customer, and "not found" must be the API's.
import { API_CODE, ApiError } from "../api/api-error.js";
import { customerPath } from "../api/client.js";
import type { FinanClient } from "../api/client.js";
import type { Pacer } from "../api/pacer.js";
import type { CustomerRecord } from "../customers/types.js";
import { msg, render } from "../i18n/text.js";

export type Fetched = { record: CustomerRecord } | { notFound: true };

/** Carries which customer a fetch failed for, so the message can name it. */
export class FetchFailed extends Error {
  constructor(
    readonly customerId: string,
    override readonly cause: unknown,
  ) {
    super("fetch failed", { cause });
  }
}

/**
 * The full record of customer `id`. An answer for another customer_id is retried like a server
 * error, then fails; only an envelope 104004 is "not found" (a gateway's HTML 404 or a wrong
 * base path is a failure), and even that counts as a deletion only once a later listing agrees.
 */
export async function fetchRecord(client: FinanClient, pacer: Pacer, id: string): Promise<Fetched> {
  try {
    const { value } = await pacer.run(async () => {
      const answer = await client.getCustomer(id);
      if (answer.data.customer_id !== id) {
        const { status, apiCode, requestId } = answer;
        const detailSaid = msg("export.wrongCustomer", { id: JSON.stringify(answer.data.customer_id) });
        throw new ApiError({ method: "GET", path: customerPath(id), kind: "retryable", status, apiCode, requestId, detail: render("en", detailSaid), detailSaid });
      }
      return answer;
    }, { idempotent: true });
    return { record: value.data };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.apiCode === API_CODE.notFound) return { notFound: true };
    throw new FetchFailed(id, error);
  }
}
