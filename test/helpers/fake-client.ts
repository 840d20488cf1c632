// An in-memory stand-in for the Finan client, for unit tests of what sits on it (no socket):
// it holds records, logs each call, and lets a test answer a call itself or throw an ApiError.
import { ApiError } from "../../src/api/api-error.js";
import type { FailureKind } from "../../src/api/api-error.js";
import type { ApiResponse, CustomerPage, FinanClient } from "../../src/api/client.js";
import { createPacer } from "../../src/api/pacer.js";
import type { Pacer } from "../../src/api/pacer.js";
import type { CustomerPayload, CustomerRecord } from "../../src/customers/types.js";

export interface FakeClient {
  client: FinanClient;
  /** what the server holds, by customer_id, in creation order */
  records: Map<string, CustomerRecord>;
  /** calls in order: "list 1", "create KH1", "get id-1", "put id-1" */
  calls: string[];
  /** stores a record as if someone created it; returns its customer_id */
  insert(payload: CustomerPayload): string;
}

export interface FakeClientHooks {
  /** instead of the default answer: throw (an ApiError), or return undefined to fall through */
  create?: (payload: CustomerPayload, fake: FakeClient) => void;
  get?: (id: string, fake: FakeClient) => void;
  put?: (id: string, payload: CustomerPayload, fake: FakeClient) => void;
  list?: (page: number, fake: FakeClient) => void;
}

export const apiError = (kind: FailureKind, method: "GET" | "POST" | "PUT", status?: number, apiCode?: number, detail?: string): ApiError =>
  new ApiError({ method, path: "/api/v1/customers", kind, status, apiCode, detail });

/** A POST whose answer never came: it may or may not have been applied. */
export const noAnswer = () => apiError("outcome-unknown", "POST", undefined, undefined, "socket hang up");
/** 104100: the code is taken. */
export const duplicate = () => apiError("rejected", "POST", 400, 104100, "customer_code already exists");

const ok = <T>(data: T, status = 200): ApiResponse<T> => ({ status, apiCode: status === 201 ? 102001 : 102000, requestId: "req-fake", data });

export function fakeClient(hooks: FakeClientHooks = {}): FakeClient {
  let next = 0;
  const fake: FakeClient = {
    records: new Map(),
    calls: [],
    client: undefined as unknown as FinanClient,
    insert(payload) {
      next += 1;
      const id = `id-${next}`;
      fake.records.set(id, { ...structuredClone(payload), customer_id: id, created_at: "2026-01-02T03:04:05Z" });
      return id;
    },
  };
  const client = {
    async listPage(page: number, pageSize: number): Promise<ApiResponse<CustomerPage>> {
      fake.calls.push(`list ${page}`);
      hooks.list?.(page, fake);
      const all = [...fake.records.values()];
      const customers = all.slice((page - 1) * pageSize, page * pageSize).map(({ customer_id, general_info }) => ({ customer_id, general_info: { name: general_info.name, customer_code: general_info.customer_code, type: general_info.type } }));
      return ok({ customers, meta: { total: all.length, pages: Math.ceil(all.length / pageSize), page, page_size: pageSize } });
    },
    async createCustomer(payload: CustomerPayload): Promise<ApiResponse<CustomerRecord>> {
      fake.calls.push(`create ${payload.general_info.customer_code}`);
      hooks.create?.(payload, fake);
      if ([...fake.records.values()].some((r) => r.general_info.customer_code === payload.general_info.customer_code)) throw duplicate();
      return ok(fake.records.get(fake.insert(payload))!, 201);
    },
    async getCustomer(id: string): Promise<ApiResponse<CustomerRecord>> {
      fake.calls.push(`get ${id}`);
      hooks.get?.(id, fake);
      const record = fake.records.get(id);
      if (!record) throw apiError("rejected", "GET", 404, 104004, "customer not found");
      return ok(structuredClone(record));
    },
    async replaceCustomer(id: string, payload: CustomerPayload): Promise<ApiResponse<CustomerRecord>> {
      fake.calls.push(`put ${id}`);
      hooks.put?.(id, payload, fake);
      if (!fake.records.has(id)) throw apiError("rejected", "PUT", 404, 104004, "customer not found");
      fake.records.set(id, { ...structuredClone(payload), customer_id: id });
      return ok(fake.records.get(id)!);
    },
    async close(): Promise<void> {},
  };
  // only the calls the code under test makes are faked: anything else fails loudly
  fake.client = client as unknown as FinanClient;
  return fake;
}

/** A pacer that neither waits nor retries, so each call above is one attempt. */
export const noWaitPacer = (): Pacer => createPacer({ ratePerSecond: 0, concurrency: 4, retries: 0, maxWaitMs: 0, baseBackoffMs: 0, maxBackoffMs: 0, random: () => 0 });
