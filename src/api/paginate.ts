import type { CustomerSummary } from "../customers/types.js";
import type { ApiResponse, CustomerPage, FinanClient } from "./client.js";
import type { Pacer } from "./pacer.js";

export interface ListOptions {
  pageSize?: number;
  /** a safety stop for a server that never ends its list */
  maxPages?: number;
}

/**
 * Every customer once, whatever the server's paging does (API.md "Pagination"): follow `meta`
 * when present; without it, go on until a page is empty or brings no id not seen before (never
 * stop at a short page alone: the server may cap page_size); a server that ignores the
 * parameters sends the same list again, which brings nothing new and so ends the walk.
 */
export async function* listAllCustomers(client: FinanClient, pacer: Pacer, options: ListOptions = {}): AsyncGenerator<CustomerSummary> {
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 1_000_000;
  const seen = new Set<string>();
  for (let page = 1; page <= maxPages; page += 1) {
    const { value } = await pacer.run<ApiResponse<CustomerPage>>(() => client.listPage(page, pageSize), { idempotent: true });
    const { customers, meta } = value.data;
    let fresh = 0;
    for (const customer of customers) {
      if (seen.has(customer.customer_id)) continue;
      seen.add(customer.customer_id);
      fresh += 1;
      yield customer;
    }
    if (customers.length === 0 || fresh === 0) return;
    if (meta?.pages !== undefined && Number.isFinite(meta.pages) && page >= meta.pages) return;
  }
}
