// A purpose-built Finan-like server on loopback that a test programs page by page and GET by GET.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeReply {
  status?: number;
  /** raw text, so a test can send what JSON.stringify cannot (1234567890123456789, HTML) */
  body: string;
  contentType?: string;
}

export interface FakeRecord {
  customer_id: string;
  general_info: Record<string, unknown>;
  [field: string]: unknown;
}

export interface FakeFinan {
  url: string;
  /** the records the default routes serve, in list order; tests mutate it */
  records: FakeRecord[];
  /** requests seen, as "GET /api/v1/customers?page=1&page_size=10" */
  log: string[];
  close(): Promise<void>;
}

export interface FakeOptions {
  records?: FakeRecord[];
  /** answer a list page; undefined falls back to offset paging over `records` with meta */
  list?: (page: number, pageSize: number, fake: FakeFinan) => FakeReply | undefined;
  /** answer a record GET; undefined falls back to the record or a 104004 envelope */
  get?: (id: string, fake: FakeFinan) => FakeReply | undefined;
  /** called before each answer is computed: mutate `records` here */
  before?: (request: string, fake: FakeFinan) => void;
}

export const envelope = (data: unknown, extra: Record<string, unknown> = {}): FakeReply => ({
  body: JSON.stringify({ code: 102000, request_id: "r", message: { content: "ok" }, data, ...extra }),
});

export const notFound = (): FakeReply => ({ status: 404, body: JSON.stringify({ code: 104004, request_id: "r", message: { content: "not found", error: "customer not found" } }) });

export function summaryOf(record: FakeRecord): unknown {
  const { name, customer_code, type } = record.general_info;
  return { customer_id: record.customer_id, general_info: { name, customer_code, type }, created_at: record.created_at };
}

/** Offset paging over `records` with meta, as the sandbox does. */
export function offsetPage(records: FakeRecord[], page: number, pageSize: number): FakeReply {
  const data = records.slice((page - 1) * pageSize, page * pageSize).map(summaryOf);
  return envelope(data, { meta: { total: records.length, pages: Math.ceil(records.length / pageSize), page, page_size: pageSize } });
}

export function person(index: number, extra: Record<string, unknown> = {}): FakeRecord {
  const code = `KH${String(index).padStart(5, "0")}`;
  return { customer_id: `id-${code}`, general_info: { name: `Khách ${code}`, customer_code: code, type: "personal" }, created_at: "2024-01-20T14:00:00Z", updated_at: "2024-01-20T14:00:00Z", ...extra };
}

export async function startFakeFinan(options: FakeOptions = {}): Promise<FakeFinan> {
  const fake: FakeFinan = { url: "", records: options.records ?? [], log: [], close: async () => undefined };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/open/, "");
    const request = `${req.method ?? "GET"} ${path}${url.search}`;
    fake.log.push(request);
    options.before?.(request, fake);
    let reply: FakeReply | undefined;
    const item = /^\/api\/v1\/customers\/([^/]+)$/.exec(path);
    if (req.method === "GET" && path === "/api/v1/customers") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const pageSize = Number(url.searchParams.get("page_size") ?? "20");
      reply = options.list?.(page, pageSize, fake) ?? offsetPage(fake.records, page, pageSize);
    } else if (req.method === "GET" && item?.[1] !== undefined) {
      const id = decodeURIComponent(item[1]);
      const record = fake.records.find((candidate) => candidate.customer_id === id);
      reply = options.get?.(id, fake) ?? (record ? envelope(record) : notFound());
    }
    reply ??= notFound();
    res.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json" });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open`;
  fake.close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  return fake;
}
