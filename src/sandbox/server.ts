// The local emulator of Finan's Customers API over node:http: auth, faults, rate limit, routing.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authFailure } from "./auth.js";
import {
  CODE_INVALID,
  CODE_NOT_FOUND,
  CODE_RATE_LIMITED,
  CODE_SYSTEM,
  CODE_UNAUTHENTICATED,
  fail,
  type Reply,
  sendGatewayPage,
  sendReply,
} from "./envelope.js";
import { contradict } from "./contradict.js";
import { type FaultKind, pickFault, seededRandom, SlidingWindowLimiter, takeScripted } from "./faults.js";
import { checkedKnobs, type Knobs, type SandboxKnobs } from "./knobs.js";
import { loadStore, StorePersister } from "./persist.js";
import { type PagingMode, route, type RouteContext } from "./routes.js";
import { SandboxStore } from "./store.js";

export { SandboxStore } from "./store.js";
export type { StoredCustomer } from "./store.js";
export type { FaultKind, ScriptedFault } from "./faults.js";
export type { PagingMode } from "./routes.js";
export type { SandboxKnobs } from "./knobs.js";

export const DEMO_CLIENT_ID = "demo-client";
export const DEMO_SECRET_KEY = "demo-secret-do-not-use-in-production";

const BASE_PATH = "/open";
const MAX_BODY_BYTES = 1024 * 1024;

export interface SandboxOptions {
  /** default 0: pick a free port */
  port?: number;
  /** default "127.0.0.1" */
  host?: string;
  clientId?: string;
  secretKey?: string;
  /** admitted requests per sliding one-second window; beyond: 429 with Retry-After: 1. Unset or 0: no limit */
  rateLimit?: number;
  /** 0..1: share of requests that meet a random fault (see FaultKind) */
  failRate?: number;
  /** delay before every answer */
  latencyMs?: number;
  /** default "meta" */
  paging?: PagingMode;
  /** page_size is silently capped to this (default 100) */
  pageSizeMax?: number;
  /** keep the store in this JSON file: loaded at start, saved after writes and on close */
  dataFile?: string;
  /** faults played on cue (see ScriptedFault); setFaults({ scripted }) replaces the queue */
  scripted?: SandboxKnobs["scripted"];
  /** fields beyond those the tool maps that the server keeps as sent, e.g. ["note", "general_info.birthday"] */
  extraFields?: string[];
  /** codes the server contradicts itself about: listed, GET 404, create 104100 */
  phantomCodes?: string[];
  /** customers holding these codes have unpaid invoices: their DELETE is refused */
  unpaidCodes?: string[];
  /** customers holding these codes have active contracts: their DELETE is refused too */
  contractCodes?: string[];
  /** ms since epoch, for the timestamp check and created_at/updated_at (default Date.now) */
  clock?: () => number;
  /** source of randomness for faults (default Math.random, or seededRandom(seed) when seed is given) */
  random?: () => number;
  /** replays the same fault sequence when random is not given */
  seed?: number;
  /** called after each request, for a CLI access log; never given headers or bodies */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** undefined when the connection was dropped without an answer */
  status: number | undefined;
  fault: FaultKind | undefined;
  ms: number;
}

export interface SandboxStats {
  requests: number;
  byStatus: Record<number, number>;
  faults: Record<FaultKind, number>;
}

export interface Sandbox {
  /** the base URL clients use, e.g. http://127.0.0.1:PORT/open */
  url: string;
  port: number;
  clientId: string;
  secretKey: string;
  store: SandboxStore;
  stats: SandboxStats;
  /** changes the misbehaviour knobs while running */
  setFaults(knobs: SandboxKnobs): void;
  close(): Promise<void>;
}


function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    // Decoded once from the raw bytes: the signature covers the body exactly as sent.
    req.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8"), tooLarge: size > MAX_BODY_BYTES }));
    req.on("error", reject);
    // A client that hangs up mid-body must not leave the handler waiting forever.
    req.on("close", () => {
      if (!req.complete) reject(new Error("request aborted"));
    });
  });
}

interface Outcome {
  status?: number;
  fault?: FaultKind;
}

function answer(res: ServerResponse, reply: Reply): Outcome {
  sendReply(res, reply);
  return { status: reply.status };
}

function pathOf(url: string): string {
  const queryAt = url.indexOf("?");
  return queryAt < 0 ? url : url.slice(0, queryAt);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the emulator on loopback; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? (options.seed === undefined ? Math.random : seededRandom(options.seed));
  const credentials = { clientId: options.clientId ?? DEMO_CLIENT_ID, secretKey: options.secretKey ?? DEMO_SECRET_KEY };
  const knobs: Knobs = { failRate: 0, latencyMs: 0, rateLimit: undefined, paging: "meta", pageSizeMax: 100, scripted: [], phantomCodes: [] };
  const setFaults = (next: SandboxKnobs): void => {
    Object.assign(knobs, checkedKnobs(next));
  };
  setFaults(options);
  const store = new SandboxStore(options.unpaidCodes, options.contractCodes);
  if (options.dataFile) await loadStore(options.dataFile, store);
  const persister = options.dataFile ? new StorePersister(options.dataFile, store) : undefined;
  const limiter = new SlidingWindowLimiter();
  const stats: SandboxStats = {
    requests: 0,
    byStatus: {},
    faults: { "error-500": 0, "error-503": 0, "drop-before": 0, "drop-after-apply": 0 },
  };
  // Getters, so setFaults() takes effect on the next request.
  const ctx: RouteContext = {
    store,
    nowIso: () => new Date(clock()).toISOString(),
    get paging() {
      return knobs.paging;
    },
    get pageSizeMax() {
      return knobs.pageSizeMax;
    },
    extraFields: options.extraFields ?? [],
  };

  // Answers one request; `status` is undefined when the fault means it gets no answer at all.
  async function handle(req: IncomingMessage, res: ServerResponse, method: string, url: string): Promise<Outcome> {
    const body = await readBody(req);
    const admitted = limiter.tryAcquire(knobs.rateLimit);
    if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
    if (!admitted) {
      return answer(res, { ...fail(429, CODE_RATE_LIMITED, "rate limit exceeded"), headers: { "retry-after": "1" } });
    }
    if (!url.startsWith(`${BASE_PATH}/`)) return answer(res, fail(404, CODE_NOT_FOUND, `no route ${method} ${pathOf(url)}`));
    const fault = pickFault(random, knobs.failRate, method === "POST" || method === "PUT" || method === "DELETE");
    if (fault === "drop-before") return { fault };
    if (fault === "error-503") {
      sendGatewayPage(res);
      return { status: 503, fault };
    }
    if (fault === "error-500") return { ...answer(res, fail(500, CODE_SYSTEM, "internal server error")), fault };
    const pathWithQuery = url.slice(BASE_PATH.length);
    const denied = authFailure({ method, pathWithQuery, rawBody: body.text, headers: req.headers }, credentials, clock());
    let reply: Reply;
    // Size first: the signature of a body cut at the limit cannot match, and a 401 would stop the client's whole run.
    if (body.tooLarge) reply = fail(400, CODE_INVALID, `body is larger than ${MAX_BODY_BYTES} bytes`);
    else if (denied !== undefined) reply = fail(401, CODE_UNAUTHENTICATED, denied);
    else {
      const request = { method, pathWithQuery, rawBody: body.text };
      reply = contradict(knobs.phantomCodes, request, () => route(request, ctx));
    }
    // The write, if any, is applied by now; the client is left not knowing its outcome.
    if (fault === "drop-after-apply") return { fault };
    const scripted = denied === undefined && !body.tooLarge ? takeScripted(knobs.scripted, method) : undefined;
    if (scripted) {
      sendGatewayPage(res, scripted.status ?? 504);
      return { status: scripted.status ?? 504 };
    }
    return answer(res, reply);
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    stats.requests += 1;
    // The Date header follows the sandbox clock, so a client can measure the skew a test sets up.
    res.setHeader("date", new Date(clock()).toUTCString());
    handle(req, res, method, url)
      .catch((): Outcome => (res.headersSent ? {} : answer(res, fail(500, CODE_SYSTEM, "sandbox failure"))))
      .then(({ status, fault }) => {
        if (fault) stats.faults[fault] += 1;
        if (status === undefined) req.socket.destroy();
        else stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
        options.onRequest?.({ method, path: pathOf(url), status, fault, ms: Math.round(performance.now() - started) });
      });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}${BASE_PATH}`,
    port,
    ...credentials,
    store,
    stats,
    setFaults,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would hold close() open for seconds; tests must end promptly.
      server.closeAllConnections();
      await closed;
      await persister?.close();
    },
  };
}
