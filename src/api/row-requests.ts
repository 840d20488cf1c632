// One row's requests through the pacer: its attempts counted, its last answer kept.
import type { ApiResponse } from "./client.js";
import { ApiError } from "./api-error.js";
import type { Pacer } from "./pacer.js";

/** A row's request sender; its attempts include retries, whether the request succeeded or not. */
export function rowRequests(pacer: Pacer) {
  let attempts = 0;
  let last: ApiResponse<unknown> | undefined;
  return {
    get attempts() {
      return attempts;
    },
    /** the last answer received, for the report's http_status, api_code and request_id */
    get last() {
      return last;
    },
    async send<T>(task: () => Promise<ApiResponse<T>>, idempotent: boolean): Promise<ApiResponse<T>> {
      try {
        const result = await pacer.run(task, { idempotent });
        attempts += result.attempts;
        last = result.value;
        return result.value;
      } catch (error) {
        if (error instanceof ApiError) attempts += error.attempts ?? 1;
        throw error;
      }
    },
  };
}
