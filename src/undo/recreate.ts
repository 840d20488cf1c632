// Undo of a delete: create the record again from the journal's before-image; the new customer_id is mapped to the old one.
import { ApiError } from "../api/api-error.js";
import type { FinanClient } from "../api/client.js";
import type { Pacer } from "../api/pacer.js";
import { rowRequests } from "../api/row-requests.js";
import { withoutServerFields } from "../customers/merge.js";
import type { CustomerPayload } from "../customers/types.js";
import type { Intent, JournalWriter } from "../import/journal.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { RowResult } from "../rows/result.js";
import type { RowReason, RowStatus } from "../rows/status.js";
import { describeChanges } from "./steps.js";
import type { UndoTarget } from "./targets.js";

export interface RecreateContext {
  client: FinanClient;
  pacer: Pacer;
  journal: JournalWriter | undefined;
  dryRun: boolean;
  lang: Lang;
  /** the id the server holds `code` under now, from one listing shared by the undo's rows */
  holderOf: (code: string) => Promise<string | undefined>;
  /** the same, from a fresh listing: after a POST whose outcome is unknown */
  lookup: (code: string) => Promise<string | undefined>;
  /** POSTs of unknown outcome before the row fails */
  maxAttempts: number;
}

/** Creates a deleted customer again, unless it was never deleted or its code is taken by then. */
export async function recreate(context: RecreateContext, row: number, target: UndoTarget & { before: CustomerPayload }, sentBefore: Intent | undefined): Promise<RowResult> {
  const { client, lang } = context;
  const requests = rowRequests(context.pacer);
  const oldId = target.customerId ?? "";
  const result = (status: RowStatus, message: Message, customerId: string | undefined, reason?: RowReason): RowResult => ({ row, status, ...(reason ? { reason } : {}), customerCode: target.code, customerId, httpStatus: requests.last?.status, apiCode: requests.last?.apiCode, requestId: requests.last?.requestId, message: render(lang, message), attempts: requests.attempts });
  const fetch = async (customerId: string) => {
    try {
      return (await requests.send(() => client.getCustomer(customerId), true)).data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  };
  // a delete in flight at the import's crash may never have been applied: the old record is still there
  if (target.uncertain && oldId !== "" && (await fetch(oldId)) !== undefined) return result("skipped", msg("actions.undo.neverDeleted"), oldId);
  /** The record the code names now, if any: ours (sent by this undo), one created earlier, or someone else's. */
  const found = async (holder: string | undefined, sent: boolean): Promise<RowResult | undefined> => {
    const now = holder === undefined ? undefined : await fetch(holder);
    if (holder === undefined || now === undefined) return undefined;
    const changes = describeChanges(target.before, withoutServerFields(now), lang);
    if (changes !== "") return result("skipped", msg("actions.undo.codeTaken", { id: holder, changes }), holder, "conflict");
    return sent ? result("created", msg("actions.undo.recreated", { id: holder, old: oldId }), holder) : result("skipped", msg("actions.undo.alreadyRecreated", { id: holder }), holder);
  };
  // created again by this undo before an interruption, or by an earlier undo: nothing more to do
  const existing = await found(await context.holderOf(target.code), sentBefore?.op === "create");
  if (existing) return existing;
  if (context.dryRun) return result("would-create", msg("actions.undo.wouldRecreate", { old: oldId }), undefined);
  await context.journal?.append({ t: "intent", row, op: "create", code: target.code, customerId: oldId, sent: target.before });
  for (let round = 1; ; round += 1) {
    try {
      const created = await requests.send(() => client.createCustomer(target.before), false);
      return result("created", msg("actions.undo.recreated", { id: created.data.customer_id, old: oldId }), created.data.customer_id);
    } catch (error) {
      // a POST is never re-sent blindly: the listing says whether the first one was applied
      if (!(error instanceof ApiError) || error.kind !== "outcome-unknown" || round >= context.maxAttempts) throw error;
      const adopted = await found(await context.lookup(target.code), true);
      if (adopted) return adopted;
    }
  }
}
