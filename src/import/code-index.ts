import type { FinanClient } from "../api/client.js";
import type { Pacer } from "../api/pacer.js";
import { listAllCustomers } from "../api/paginate.js";

/**
 * `customer_code → customer_id` for what the server holds. The API has no filter by code, so a
 * lookup lists every customer; lookups asked for while a listing runs share the next one.
 */
export class CodeIndex {
  private readonly ids = new Map<string, string>();
  private scan: Promise<void> | undefined;
  private nextScan: Promise<void> | undefined;

  constructor(
    private readonly client: FinanClient,
    private readonly pacer: Pacer,
    private readonly pageSize = 100,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  /** The first listing, before any row is planned. */
  async load(): Promise<void> {
    await this.rescan();
  }

  get(code: string): string | undefined {
    return this.ids.get(code);
  }

  set(code: string, customerId: string): void {
    this.ids.set(code, customerId);
  }

  delete(code: string): void {
    this.ids.delete(code);
  }

  /** Asks the server afresh whether it holds `code` (after an unknown outcome or a duplicate). */
  async lookup(code: string): Promise<string | undefined> {
    await this.rescan();
    return this.ids.get(code);
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
    for await (const customer of listAllCustomers(this.client, this.pacer, { pageSize: this.pageSize })) {
      if (customer.general_info.customer_code) this.ids.set(customer.general_info.customer_code, customer.customer_id);
    }
  }
}
