// Lists every customer page by page, each id once, and stops on a list that never ends.
import { CodeTable } from "../customers/code-table.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { ApiResponse, CustomerPage, FinanClient } from "./client.js";
import type { ListedCustomer } from "./list-entries.js";
import type { Pacer } from "./pacer.js";

export interface ListProgress {
  page: number;
  /** distinct customers listed so far in this walk */
  listed: number;
  /** what the server's meta says it holds, when it says */
  total: number | undefined;
}

export interface ListOptions {
  pageSize?: number;
  /** a safety stop for a server that sends no meta and never ends its list */
  maxPages?: number;
  /** after every page: for a progress line, and the last `total` for a count check */
  onPage?: (progress: ListProgress) => void;
  /** pages asked ahead of the one being read, once meta.pages says they exist (the pacer still bounds rate and in flight) */
  ahead?: number;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Times an empty page is asked again when meta says it should not be empty. */
const EMPTY_PAGE_RETRIES = 2;
const DEFAULT_MAX_PAGES = 100_000;
/** Pages in a row bringing no new id while meta says there is more (customers added at the front shift a few). */
const MAX_STALE_PAGES = 100;
/** Enough pages in flight to fill --rate 100 over a 150 ms round trip; a page of summaries is small. */
const DEFAULT_AHEAD = 16;

/**
 * Every customer once, whatever the server's paging does (API.md "Pagination"). With `meta`:
 * go on while meta.pages says there is more (an empty page within them is asked again, then
 * passed; a page of ids already seen is not the end), and past meta.pages while pages bring new
 * ids and fewer than meta.total were seen (a server that caps page_size but computes pages from
 * the size asked). Without it: go on until a page is empty or brings no new id (a short page
 * alone is no end; a server ignoring the parameters sends the same list again). Bounded: more
 * than twice meta.total, more than maxPages, or 100 pages in a row of ids already seen, is a server
 * that never ends (ToolError). Pages that meta.pages says exist are asked `ahead` at a time
 * (a slow round trip then does not cap the rate) and read in order, so every rule above holds.
 */
export async function* listAllCustomers(client: FinanClient, pacer: Pacer, options: ListOptions = {}): AsyncGenerator<ListedCustomer> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  // ids as bytes off the JS heap: a walk of a million customers holds no million strings
  const seen = new CodeTable();
  let emptyTries = 0;
  let staleStreak = 0;
  const ahead = Math.max(0, options.ahead ?? DEFAULT_AHEAD);
  // Asked early; settled at once so a failure waits for its turn instead of going unhandled.
  const asked = new Map<number, Promise<Settled<ApiResponse<CustomerPage>>>>();
  const ask = (page: number) =>
    pacer.run(() => client.listPage(page, pageSize), { idempotent: true }).then(
      ({ value }): Settled<ApiResponse<CustomerPage>> => ({ ok: true, value }),
      (error: unknown): Settled<ApiResponse<CustomerPage>> => ({ ok: false, error }),
    );
  for (let page = 1; ; ) {
    // An empty page asked again is asked afresh, not answered from the early copy.
    const answer = await (asked.get(page) ?? ask(page));
    asked.delete(page);
    if (!answer.ok) throw answer.error;
    const { customers, meta } = answer.value.data;
    const pages = finite(meta?.pages);
    const total = finite(meta?.total);
    if (pages !== undefined) for (let next = page + 1; next <= Math.min(pages, page + ahead); next += 1) if (!asked.has(next)) asked.set(next, ask(next));
    let fresh = 0;
    for (const customer of customers) {
      if (seen.get(customer.customer_id) !== undefined) continue;
      seen.set(customer.customer_id, 0);
      fresh += 1;
      yield customer;
    }
    options.onPage?.({ page, listed: seen.size, total });
    if (customers.length === 0) {
      // Meta says this page holds customers not seen yet: a transient empty answer, ask again, then pass it.
      const shouldHold = pages !== undefined && page <= pages && (total === undefined || seen.size < total);
      if (!shouldHold) return;
      if (emptyTries < EMPTY_PAGE_RETRIES) {
        emptyTries += 1;
        continue;
      }
    } else if (pages === undefined) {
      if (fresh === 0) return;
    } else if (page >= pages && (fresh === 0 || total === undefined || seen.size >= total)) return;
    emptyTries = 0;
    staleStreak = fresh === 0 ? staleStreak + 1 : 0;
    page += 1;
    const tooMany = total !== undefined && seen.size > 2 * total + 10 * pageSize;
    if (tooMany || page > maxPages || staleStreak > MAX_STALE_PAGES) throw endless(page - 1, seen.size, total);
  }
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function endless(pages: number, listed: number, total: number | undefined): ToolError {
  const said = total === undefined ? msg("api.list.endless", { pages, listed }) : msg("api.list.endlessTotal", { pages, listed, total });
  return new ToolError("E_LIST_INCONSISTENT", said, { hint: msg("api.list.endlessHint") });
}
