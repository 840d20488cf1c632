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
import { withoutDefaults } from "../profiles/defaults.js";
import { keepServerValues } from "../customers/rules/filled.js";
import type { GroupNumbers } from "../customers/schema.js";
import type { CustomerPayload, CustomerRecord } from "../customers/types.js";
import { MAX_DETOURS, contradiction, differencesFromSent, said, someoneElses } from "./adopt.js";
import type { CodeIndex } from "./code-index.js";
import type { JournalWriter } from "./journal.js";
import type { RowResult } from "../rows/result.js";
import type { RowStatus } from "../rows/status.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render, t } from "../i18n/text.js";
import type { Message, Param } from "../i18n/text.js";
import { ToolError } from "../errors.js";
import type { ImportMode } from "../customers/actions.js";
import type { WriteMode } from "./row-plan.js";

export type { ImportMode } from "../customers/actions.js";

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
  /** the language each row's message is written in (the run's) */
  lang: Lang;
}

export interface RowJob {
  row: number;
  customerCode: string;
  payload: CustomerPayload;
  groups?: GroupNumbers;
  /** the row's own mode (its Action cell), over the run's */
  mode?: WriteMode;
  /** a replace journaled before an interruption: re-send it with the before-image already taken */
  resumeReplace?: { customerId: string; before?: CustomerPayload | undefined; sent: CustomerPayload };
  /** a create of this row was sent before an interruption: a 104100 now may be its own */
  sentBefore?: boolean;
  /** fields filled by --default: for a create only; a replace keeps the server's values */
  defaulted?: FieldKey[];
  /** bank cells the rules filled from the other cell: a replace keeps the server's spelling for the same bank */
  filled?: FieldKey[];
}

/** Plans and sends one valid row: create, replace, merge or skip. Row failures come back as results. */
export function createUploader(options: UploaderOptions) {
  const { client, pacer, index, journal, lang } = options;
  let rowsClearing = 0;

  // One closure per row: the attempts counted are that row's alone, though rows run in parallel.
  function forRow(job: RowJob) {
    const requests = rowRequests(pacer);
    const mode = job.mode ?? options.mode;
    const send = requests.send;

    function ok(job: RowJob, status: RowStatus, response: ApiResponse<unknown> | undefined, customerId: string | undefined, message?: Message | string): RowResult {
      const text = typeof message === "object" ? render(lang, message) : message;
      return { row: job.row, status, customerCode: job.customerCode, customerId, httpStatus: response?.status, apiCode: response?.apiCode, requestId: response?.requestId, message: text, attempts: requests.attempts };
    }

    /** `reason` replaces the error's own message (undefined error: a failure found by reading, not answered); `said` puts it in a sentence. */
    function failed(job: RowJob, error: unknown, said?: (reason: Param) => Message, reason?: Message): RowResult {
      // a 401 is never one row's failure: it stops the run (the import runner says so)
      if (isAuthRejection(error)) throw error;
      const api = error instanceof ApiError ? error : undefined;
      const why: Param = reason ?? errorText(lang, error);
      const message = said ? said(why) : why;
      return { row: job.row, status: "failed", customerCode: job.customerCode, httpStatus: api?.status, apiCode: api?.apiCode, requestId: api?.requestId, message: typeof message === "string" ? message : render(lang, message as Message), attempts: requests.attempts };
    }

    // What the server said about this row's code, should its answers turn out to contradict each other.
    const statements: Message[] = [];
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
            if (existing) return adopt(job, existing, msg("import.row.confirmedAfter", { detail: error.detail ?? msg("import.row.noAnswer") }));
            if (round >= options.maxAttempts) return failed(job, error, (reason) => msg("import.row.notCreated", { reason }));
            continue;
          }
          if (error.apiCode !== API_CODE.duplicate) return failed(job, error);
          const existing = await index.lookup(job.customerCode);
          if (sent && existing) return adopt(job, existing, msg("import.row.earlierCreate", { detail: error.detail ?? msg("import.row.duplicate") }));
          if (!sent && mode === "create") return ok(job, "skipped", undefined, existing, msg("import.row.existsModeCreate"));
          if (existing && !sent && detours < MAX_DETOURS) {
            detours += 1;
            return replace(job, existing);
          }
          statements.push(said(error, msg("import.row.aCreate")));
          if (existing) statements.push(msg("import.row.listingHolds", { id: existing }));
          else statements.push(msg("import.row.listingLacks"));
          // a listing that lags behind a create of ours is worth another look, a bounded number of times
          if (sent && !existing && round < options.maxAttempts) continue;
          return failed(job, error, undefined, contradiction(lang, job.customerCode, statements));
        }
      }
    }

    /** A record found after a create of unknown outcome: this run's create only if it holds what was sent. */
    async function adopt(job: RowJob, customerId: string, how: Message): Promise<RowResult> {
      let stored: CustomerRecord;
      try {
        stored = (await send(() => client.getCustomer(customerId), true)).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          statements.push(msg("import.row.listingHolds", { id: customerId }), said(error, msg("import.row.request", { method: "GET", id: customerId })));
          return failed(job, error, undefined, contradiction(lang, job.customerCode, statements));
        }
        return failed(job, error, (reason) => msg("import.row.unknownIfCreated", { id: customerId, reason }));
      }
      const differences = differencesFromSent(withoutServerFields(stored), job.payload, lang);
      index.set(job.customerCode, customerId);
      if (differences.length > 0) return { ...failed(job, undefined, undefined, someoneElses(job.customerCode, customerId, differences)), customerId };
      return ok(job, "created", undefined, customerId, msg("import.row.createdHow", { how }));
    }

    async function replace(job: RowJob, customerId: string): Promise<RowResult> {
      let before: CustomerRecord | undefined;
      // a bank cell the rules filled keeps the server's spelling only where the record is read anyway (not with --no-backup)
      if (mode === "merge" || options.backup || options.dryRun || job.defaulted !== undefined) {
        try {
          before = (await send(() => client.getCustomer(customerId), true)).data;
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return deletedSinceListing(job, customerId, error);
          return failed(job, error, (reason) => msg("import.row.cannotRead", { reason }));
        }
      }
      const given = job.defaulted === undefined ? job.payload : withoutDefaults(job.payload, job.defaulted, before);
      const { payload, kept } = job.filled === undefined || job.groups === undefined ? { payload: given, kept: [] } : keepServerValues(given, job.groups, job.filled, before);
      const body = mode === "merge" && before ? mergePayload(before, payload, job.groups) : payload;
      if (options.dryRun) {
        const plan = before ? describePlan(before, body, lang) : undefined;
        if (plan?.clears) rowsClearing += 1;
        return ok(job, "would-replace", undefined, customerId, plan?.message);
      }
      await journal?.append({ t: "intent", row: job.row, op: "replace", code: job.customerCode, customerId, ...(before ? { before: withoutServerFields(before) } : {}), sent: body });
      // the row's note says the bank table filled a cell; the message says the server's spelling won
      const keptSaid = kept.map(({ field, value }) => t(lang, "import.row.keptServerValue", { field: headerFor(field, lang), value })).join("; ");
      return put(job, customerId, body, keptSaid === "" ? undefined : t(lang, "import.row.replacedKeeping", { kept: keptSaid }));
    }

    /** A 404 for a listed id: deleted since the listing, so the code is free again (or the server contradicts itself). */
    function deletedSinceListing(job: RowJob, customerId: string, error: ApiError): Promise<RowResult> | RowResult {
      statements.push(msg("import.row.listingHolds", { id: customerId }), said(error, msg("import.row.request", { method: error.method, id: customerId })));
      if (detours >= MAX_DETOURS || options.dryRun) return failed(job, error, undefined, contradiction(lang, job.customerCode, statements));
      // update never creates: a code gone since the listing is not found
      if (mode === "update") return notFound(job);
      detours += 1;
      index.delete(job.customerCode);
      return create(job);
    }

    async function put(job: RowJob, customerId: string, body: CustomerPayload, message?: string): Promise<RowResult> {
      try {
        const response = await send(() => client.replaceCustomer(customerId, body), true);
        return ok(job, "replaced", response, customerId, message);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && !job.resumeReplace) return deletedSinceListing(job, customerId, error);
        return failed(job, error);
      }
    }

    return { create, replace, put, adopt, mode };
  }

  function notFound(job: RowJob): RowResult {
    return { row: job.row, status: "skipped", customerCode: job.customerCode, message: render(lang, msg("actions.row.notFound", { who: job.customerCode })), attempts: 0 };
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
      if (job.sentBefore && existing !== undefined) return steps.adopt(job, existing, msg("import.row.sentBeforeInterruption"));
      if (job.resumeReplace) return steps.put(job, job.resumeReplace.customerId, job.resumeReplace.sent);
      if (existing === undefined) return steps.mode === "update" ? notFound(job) : steps.create(job);
      if (steps.mode === "create") {
        return { row: job.row, status: "skipped", customerCode: job.customerCode, customerId: existing, message: render(lang, msg("import.row.existsModeCreate")), attempts: 0 };
      }
      return steps.replace(job, existing);
    },
  };
}

/** A dry-run replace: what the PUT would change and, louder, what it would clear. */
export function describePlan(before: CustomerPayload, after: CustomerPayload, lang: Lang): { message: string; clears: boolean } {
  const { changed, cleared, otherCleared, otherChanged } = diffPayload(withoutServerFields(before), after);
  const name = (field: FieldKey) => msg("import.row.field", { header: headerFor(field, lang), field });
  // fields beyond our columns are named by their path, and said to be so: the file cannot hold them
  const other = (path: string) => msg("import.plan.notAColumn", { path });
  const clearing = [...cleared.map(name), ...otherCleared.map(other)];
  const changing = [...changed.map(name), ...otherChanged.map(other)];
  const fields = (list: Message[]) => list.map((field) => render(lang, field)).join(", ");
  const parts: string[] = [];
  if (clearing.length > 0) parts.push(t(lang, "import.plan.wouldClear", { count: clearing.length, fields: fields(clearing) }));
  if (changing.length > 0) parts.push(t(lang, "import.plan.wouldChange", { fields: fields(changing) }));
  return { message: parts.length > 0 ? parts.join("; ") : t(lang, "import.plan.noChange"), clears: clearing.length > 0 };
}

/** An error's own words in the row's message: a ToolError in the run's language, another as it says (a server's, the system's). */
export function errorText(lang: Lang, error: unknown): string {
  if (error instanceof ToolError) return error.text(lang);
  return error instanceof Error ? error.message : String(error);
}
