// The sandbox's in-memory customer store: insertion ordered, indexed by customer_code.
import { randomUUID } from "node:crypto";
import type { CustomerPayload, CustomerRecord } from "../customers/types.js";

/** A record as the sandbox keeps it: the payload plus server-owned id and timestamps. */
export interface StoredCustomer extends CustomerRecord {
  created_at: string;
  updated_at: string;
}

/** What a data file holds (see persist.ts). */
export interface StoreSnapshot {
  version: 1;
  customers: StoredCustomer[];
  unpaidInvoices: string[];
}

export class SandboxStore {
  private readonly byId = new Map<string, StoredCustomer>();
  private readonly idByCode = new Map<string, string>();
  private readonly unpaidIds = new Set<string>();
  private readonly unpaidCodes: ReadonlySet<string>;
  private readonly contractCodes: ReadonlySet<string>;
  private orderedIds: string[] | undefined;
  private readonly listeners = new Set<() => void>();

  /** unpaidCodes: any customer holding one of these codes has unpaid invoices (a CLI knob). */
  constructor(unpaidCodes: Iterable<string> = [], contractCodes: Iterable<string> = []) {
    this.unpaidCodes = new Set(unpaidCodes);
    this.contractCodes = new Set(contractCodes);
  }

  count(): number {
    return this.byId.size;
  }

  get(customerId: string): StoredCustomer | undefined {
    return this.byId.get(customerId);
  }

  byCode(customerCode: string): StoredCustomer | undefined {
    const id = this.idByCode.get(customerCode);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Every record in insertion order. */
  list(): StoredCustomer[] {
    return [...this.byId.values()];
  }

  /** A slice of the insertion order; the id order is cached until an insert or delete, so a page costs O(limit). */
  slice(offset: number, limit: number): StoredCustomer[] {
    this.orderedIds ??= [...this.byId.keys()];
    const page: StoredCustomer[] = [];
    for (const id of this.orderedIds.slice(offset, offset + limit)) {
      const record = this.byId.get(id);
      if (record) page.push(record);
    }
    return page;
  }

  /** Creates a record with a fresh UUID; the caller has checked that the code is free. */
  insert(payload: CustomerPayload, nowIso: string): StoredCustomer {
    const record: StoredCustomer = {
      customer_id: randomUUID(),
      ...payload,
      created_at: nowIso,
      updated_at: nowIso,
    };
    this.put(record);
    return record;
  }

  /** Full replace: keeps id and created_at, everything else comes from the payload. */
  replace(customerId: string, payload: CustomerPayload, nowIso: string): StoredCustomer {
    const current = this.byId.get(customerId);
    if (!current) throw new Error(`sandbox store: no customer ${customerId}`);
    const record: StoredCustomer = {
      customer_id: customerId,
      ...payload,
      created_at: current.created_at,
      updated_at: nowIso,
    };
    this.put(record);
    return record;
  }

  /** Stores a record as given (loading, seeding from tests); its code must not belong to another id. */
  put(record: StoredCustomer): void {
    const code = record.general_info.customer_code;
    const holder = this.idByCode.get(code);
    if (holder !== undefined && holder !== record.customer_id) {
      throw new Error(`sandbox store: customer_code ${code} already belongs to ${holder}`);
    }
    const previous = this.byId.get(record.customer_id);
    // Map.set on an existing key keeps its insertion position, so a replace leaves the order alone.
    if (previous) this.idByCode.delete(previous.general_info.customer_code);
    else this.orderedIds = undefined;
    this.byId.set(record.customer_id, record);
    this.idByCode.set(code, record.customer_id);
    this.changed();
  }

  delete(customerId: string): boolean {
    const record = this.byId.get(customerId);
    if (!record) return false;
    this.byId.delete(customerId);
    this.idByCode.delete(record.general_info.customer_code);
    this.unpaidIds.delete(customerId);
    this.orderedIds = undefined;
    this.changed();
    return true;
  }

  /** Marks a customer as having unpaid invoices, so its DELETE is refused. */
  markUnpaidInvoices(customerId: string, unpaid = true): void {
    if (unpaid) this.unpaidIds.add(customerId);
    else this.unpaidIds.delete(customerId);
    this.changed();
  }

  hasUnpaidInvoices(customerId: string): boolean {
    if (this.unpaidIds.has(customerId)) return true;
    const record = this.byId.get(customerId);
    return record !== undefined && this.unpaidCodes.has(record.general_info.customer_code);
  }

  /** Customers holding a code given as a contract code have active contracts (a test knob). */
  hasActiveContracts(customerId: string): boolean {
    const record = this.byId.get(customerId);
    return record !== undefined && this.contractCodes.has(record.general_info.customer_code);
  }

  clear(): void {
    this.byId.clear();
    this.idByCode.clear();
    this.unpaidIds.clear();
    this.orderedIds = undefined;
    this.changed();
  }

  snapshot(): StoreSnapshot {
    return { version: 1, customers: [...this.list()], unpaidInvoices: [...this.unpaidIds] };
  }

  /** Replaces the whole content from a snapshot (a data file loaded at start). */
  restore(snapshot: StoreSnapshot): void {
    this.clear();
    for (const record of snapshot.customers) this.put(record);
    for (const id of snapshot.unpaidInvoices) this.unpaidIds.add(id);
  }

  /** Called after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
