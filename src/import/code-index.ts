// customer_code → customer_id for what the server holds, listed when asked, unknown outcomes confirmed in batches.
import type { FinanClient } from "../api/client.js";
import type { Pacer } from "../api/pacer.js";
import { listAllCustomers } from "../api/paginate.js";
import type { ListOptions } from "../api/paginate.js";
import { CodeTable } from "../customers/code-table.js";

/** Unknown outcomes confirmed together: a listing costs a request per page of all customers. */
const CONFIRM_BATCH = 256;
const CONFIRM_DELAY_MS = 10_000;

/** The API has no filter by code, so a lookup lists every customer; lookups asked for while a listing runs share the next one. */
export class CodeIndex {
  // a million codes and ids as strings in a Map: ~130 bytes a row of heap; here about half, off it
  private scan: Promise<void> | undefined;
  private nextScan: Promise<void> | undefined;
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** set while nothing else can go on (the input is done, or the report waits): confirm at once */
  eager = false;
  /** progress of the listings, while set (the first one: a long list before any row moves) */
  onPage: ListOptions["onPage"];

  constructor(
    private readonly client: FinanClient,
    private readonly pacer: Pacer,
    private readonly pageSize = 100,
    /** shared with the in-file duplicate check (duplicateTrackerIn): a file's codes are kept once */
    private readonly ids = new CodeTable(),
  ) {}

  /** The first listing, before any row is planned. */
  async load(): Promise<void> {
    await this.rescan();
  }

  get(code: string): string | undefined {
    const at = this.ids.get(code);
    return at === undefined ? undefined : this.ids.textAt(at);
  }

  set(code: string, customerId: string): void {
    const at = this.ids.get(code);
    // every listing sets every code again: an id already held is not stored twice
    if (at === undefined || !this.ids.holds(at, customerId)) this.ids.set(code, this.ids.store(customerId));
  }

  delete(code: string): void {
    this.ids.delete(code);
  }

  /** Asks the server afresh whether it holds `code` (after an unknown outcome or a duplicate). */
  async lookup(code: string): Promise<string | undefined> {
    await this.rescan();
    return this.get(code);
  }

  /**
   * Whether the server holds `code`, after a create of unknown outcome. Such rows wait for one
   * listing together (up to 256 of them, or 10 s, or until flush()), so a long run with a flaky
   * network lists the customers a few times instead of once per dropped connection.
   */
  async confirm(code: string): Promise<string | undefined> {
    await new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.eager || this.waiting.length >= CONFIRM_BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), CONFIRM_DELAY_MS);
    });
    return this.get(code);
  }

  /** Confirms the rows waiting now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.rescan().then(
      () => batch.forEach((waiter) => waiter.resolve()),
      (error: unknown) => batch.forEach((waiter) => waiter.reject(error)),
    );
  }

  private rescan(): Promise<void> {
    // A listing already under way may have passed this code: wait for the one after it.
    if (this.scan) {
      this.nextScan ??= this.scan.then(() => {
        this.nextScan = undefined;
        return this.rescan();
      });
      return this.nextScan;
    }
    this.scan = this.listAll().finally(() => {
      this.scan = undefined;
    });
    return this.scan;
  }

  private async listAll(): Promise<void> {
    // Merged, not replaced: a code this run created while the listing passed by stays known.
    for await (const customer of listAllCustomers(this.client, this.pacer, { pageSize: this.pageSize, onPage: this.onPage })) {
      if (customer.general_info.customer_code) this.set(customer.general_info.customer_code, customer.customer_id);
    }
  }
}
