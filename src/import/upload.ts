// One valid row to the server: create, replace, merge or skip, with its intent journaled first.
import { ApiError } from "../api/api-error.js";
import { API_CODE } from "../api/api-error.js";
import type { ApiResponse, FinanClient } from "../api/client.js";
import { isAuthRejection } from "../api/run-error.js";
import { rowRequests } from "../api/row-requests.js";
import type { Pacer } from "../api/pacer.js";
import { headerFor } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { diffPayload, mergePayload, withoutServerFields } from "../customers/merge.js";
import type { GroupNumbers } from "../customers/schema.js";
import type { CustomerPayload, CustomerRecord } from "../customers/types.js";
import { MAX_DETOURS, contradiction, differencesFromSent, said, someoneElses } from "./adopt.js";
import type { CodeIndex } from "./code-index.js";
import type { JournalWriter } from "./journal.js";
import type { RowResult } from "../rows/result.js";
import type { RowStatus } from "../rows/status.js";

export type ImportMode = "create" | "upsert" | "merge";

export interface UploaderOptions {
  client: FinanClient;
  pacer: Pacer;
  index: CodeIndex;
  mode: ImportMode;
  dryRun: boolean;
  /** GET each record before replacing it, so undo can restore it */
  backup: boolean;
  /** attempts of a create whose outcome stays unknown, before the row fails */
  maxAttempts: number;
  journal: JournalWriter | undefined;
}

export interface RowJob {
  row: number;
  customerCode: string;
  payload: CustomerPayload;
  groups?: GroupNumbers;
  /** a replace journaled before an interruption: re-send it with the before-image already taken */
  resumeReplace?: { customerId: string; before?: CustomerPayload | undefined; sent: CustomerPayload };
  /** a create of this row was sent before an interruption: a 104100 now may be its own */
  sentBefore?: boolean;
}

/** Plans and sends one valid row: create, replace, merge or skip. Row failures come back as results. */
export function createUploader(options: UploaderOptions) {
  const { client, pacer, index, journal } = options;
  let rowsClearing = 0;

  // One closure per row: the attempts counted are that row's alone, though rows run in parallel.
  function forRow(job: RowJob) {
    const requests = rowRequests(pacer);
    const send = requests.send;

    function ok(job: RowJob, status: RowStatus, response: ApiResponse<unknown> | undefined, customerId: string | undefined, message?: string): RowResult {
      return { row: job.row, status, customerCode: job.customerCode, customerId, httpStatus: response?.status, apiCode: response?.apiCode, requestId: response?.requestId, message, attempts: requests.attempts };
    }

    /** `reason` replaces the error's own message (undefined error: a failure found by reading, not answered). */
    function failed(job: RowJob, error: unknown, prefix = "", reason?: string): RowResult {
      // a 401 is never one row's failure: it stops the run (the import runner says so)
      if (isAuthRejection(error)) throw error;
      const api = error instanceof ApiError ? error : undefined;
      const why = reason ?? (error instanceof Error ? error.message : String(error));
      return { row: job.row, status: "failed", customerCode: job.customerCode, httpStatus: api?.status, apiCode: api?.apiCode, requestId: api?.requestId, message: `${prefix}${why}`, attempts: requests.attempts };
    }

    // What the server said about this row's code, should its answers turn out to contradict each other.
    const statements: string[] = [];
    // create → replace (a code created since the listing) or back (deleted since): once each way at most
    let detours = 0;
    // a create of this code left this run (this attempt or an earlier one): a 104100 may be our own
    let sent = job.sentBefore ?? false;

    async function create(job: RowJob): Promise<RowResult> {
      if (options.dryRun) return ok(job, "would-create", undefined, undefined);
      for (let round = 1; ; round += 1) {
        await journal?.append({ t: "intent", row: job.row, op: "create", code: job.customerCode, sent: job.payload });
        try {
          const response = await send(() => client.createCustomer(job.payload), false);
          index.set(job.customerCode, response.data.customer_id);
          return ok(job, "created", response, response.data.customer_id);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          if (error.kind === "outcome-unknown") {
            sent = true;
            // Never re-send blindly: the first POST may have been applied.
            const existing = await index.confirm(job.customerCode);
            if (existing) return adopt(job, existing, `confirmed by listing after: ${error.detail ?? "no answer"}`);
            if (round >= options.maxAttempts) return failed(job, error, "not created: the answers never came or could not be read, and the listing does not hold this code: ");
            continue;
          }
          if (error.apiCode !== API_CODE.duplicate) return failed(job, error);
          const existing = await index.lookup(job.customerCode);
          if (sent && existing) return adopt(job, existing, `an earlier create of this row went unanswered (${error.detail ?? "duplicate"})`);
          if (!sent && options.mode === "create") return ok(job, "skipped", undefined, existing, "customer_code already exists on the server (mode create)");
          if (existing && !sent && detours < MAX_DETOURS) {
            detours += 1;
            return replace(job, existing);
          }
          statements.push(said(error, "a create"));
          if (existing) statements.push(`the listing holds it as customer_id ${existing}`);
          else statements.push("the listing does not hold it");
          // a listing that lags behind a create of ours is worth another look, a bounded number of times
          if (sent && !existing && round < options.maxAttempts) continue;
          return failed(job, error, "", contradiction(job.customerCode, statements));
        }
      }
    }

    /** A record found after a create of unknown outcome: this run's create only if it holds what was sent. */
    async function adopt(job: RowJob, customerId: string, how: string): Promise<RowResult> {
      let stored: CustomerRecord;
      try {
        stored = (await send(() => client.getCustomer(customerId), true)).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          statements.push(`the listing holds it as customer_id ${customerId}`, said(error, `GET of ${customerId}`));
          return failed(job, error, "", contradiction(job.customerCode, statements));
        }
        return failed(job, error, `not known whether this run created customer_id ${customerId} (the create went unanswered, and the record could not be read): `);
      }
      const differences = differencesFromSent(withoutServerFields(stored), job.payload);
      index.set(job.customerCode, customerId);
      if (differences.length > 0) return { ...failed(job, undefined, "", someoneElses(job.customerCode, customerId, differences)), customerId };
      return ok(job, "created", undefined, customerId, `created; ${how}`);
    }

    async function replace(job: RowJob, customerId: string): Promise<RowResult> {
      let before: CustomerRecord | undefined;
      if (options.mode === "merge" || options.backup || options.dryRun) {
        try {
          before = (await send(() => client.getCustomer(customerId), true)).data;
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return deletedSinceListing(job, customerId, error);
          return failed(job, error, "could not read the current record: ");
        }
      }
      const body = options.mode === "merge" && before ? mergePayload(before, job.payload, job.groups) : job.payload;
      if (options.dryRun) {
        const plan = before ? describePlan(before, body) : undefined;
        if (plan?.clears) rowsClearing += 1;
        return ok(job, "would-replace", undefined, customerId, plan?.message);
      }
      await journal?.append({ t: "intent", row: job.row, op: "replace", code: job.customerCode, customerId, ...(before ? { before: withoutServerFields(before) } : {}), sent: body });
      return put(job, customerId, body);
    }

    /** A 404 for a listed id: deleted since the listing, so the code is free again (or the server contradicts itself). */
    function deletedSinceListing(job: RowJob, customerId: string, error: ApiError): Promise<RowResult> | RowResult {
      statements.push(`the listing holds it as customer_id ${customerId}`, said(error, `${error.method} of ${customerId}`));
      if (detours >= MAX_DETOURS || options.dryRun) return failed(job, error, "", contradiction(job.customerCode, statements));
      detours += 1;
      index.delete(job.customerCode);
      return create(job);
    }

    async function put(job: RowJob, customerId: string, body: CustomerPayload): Promise<RowResult> {
      try {
        const response = await send(() => client.replaceCustomer(customerId, body), true);
        return ok(job, "replaced", response, customerId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && !job.resumeReplace) return deletedSinceListing(job, customerId, error);
        return failed(job, error);
      }
    }

    return { create, replace, put, adopt };
  }

  return {
    /** rows whose planned replace (a dry run) would clear fields on the server */
    get rowsClearing() {
      return rowsClearing;
    },
    /** One valid row to its result; throws only a 401 (the run must stop). */
    async process(job: RowJob): Promise<RowResult> {
      const steps = forRow(job);
      const existing = index.get(job.customerCode);
      // sent before a crash and listed now: ours only if it holds what was sent, as after any unanswered create
      if (job.sentBefore && existing !== undefined) return steps.adopt(job, existing, "sent before the interruption; confirmed by listing");
      if (job.resumeReplace) return steps.put(job, job.resumeReplace.customerId, job.resumeReplace.sent);
      if (existing === undefined) return steps.create(job);
      if (options.mode === "create") {
        return { row: job.row, status: "skipped", customerCode: job.customerCode, customerId: existing, message: "customer_code already exists on the server (mode create)", attempts: 0 };
      }
      return steps.replace(job, existing);
    },
  };
}

/** A dry-run replace: what the PUT would change and, louder, what it would clear. */
export function describePlan(before: CustomerPayload, after: CustomerPayload): { message: string; clears: boolean } {
  const { changed, cleared, otherCleared, otherChanged } = diffPayload(withoutServerFields(before), after);
  const name = (field: FieldKey) => `${headerFor(field, "en")} (${field})`;
  // fields beyond our columns are named by their path, and said to be so: the file cannot hold them
  const other = (path: string) => `${path} (not a column of this tool)`;
  const clearing = [...cleared.map(name), ...otherCleared.map(other)];
  const changing = [...changed.map(name), ...otherChanged.map(other)];
  const parts: string[] = [];
  if (clearing.length > 0) parts.push(`WOULD CLEAR ${clearing.length} field(s): ${clearing.join(", ")}`);
  if (changing.length > 0) parts.push(`would change: ${changing.join(", ")}`);
  return { message: parts.length > 0 ? parts.join("; ") : "no change", clears: clearing.length > 0 };
}
