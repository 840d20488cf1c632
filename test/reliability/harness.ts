// Shared by the reliability and security suites: checks on reports and on what the sandbox holds, and a
// purpose-built loopback server in front of the sandbox that misbehaves on cue (the CLI harness: ../helpers/cli.ts).
import { readFile } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { expect } from "vitest";
import type { Sandbox } from "../../src/sandbox/server.js";
import { afterThisTest } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { parseCsv } from "../helpers/files.js";
import { isFailing, isReportStatus } from "../../src/rows/status.js";

export const readReport = async (path: string) => parseCsv(await readFile(path, "utf8"));

/** Every code the sandbox holds, held once; returns how many. */
export function expectEachCodeOnce(sandbox: Sandbox): number {
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  expect(codes.length - new Set(codes).size, "customers created twice").toBe(0);
  return codes.length;
}

/** Every report line has a known status, and every line that did not go through says why. */
export function expectEveryRowExplained(rows: Record<string, string>[], count: number): void {
  expect(rows).toHaveLength(count);
  for (const row of rows) {
    expect(isReportStatus(row.status), `row ${row.row}: status ${row.status}`).toBe(true);
    if (isFailing(row.status)) expect(row.message, `row ${row.row} has no reason`).not.toBe("");
  }
}

export interface Exchange {
  method: string;
  /** path with query, as the client sent it */
  url: string;
  body: string;
  /** the customer_code of a POST/PUT body, if any */
  code: string | undefined;
  /** how many requests of this method and code (or of this method and path, without a code) came before, plus one */
  attempt: number;
  /** requests seen so far, this one included */
  seen: number;
  /** when it arrived (ms since the epoch) */
  at: number;
}

/**
 * What the server in front of the sandbox does with one request: pass it on, or answer itself
 * (`reply`), or misbehave before (`reset`, `hang`) or after the sandbox applied it (`apply-then-*`).
 */
export type Behaviour =
  | { kind: "forward" }
  | { kind: "reply"; status: number; body: string; headers?: Record<string, string> }
  | { kind: "reset" }
  | { kind: "hang" }
  | { kind: "apply-then-reset" }
  | { kind: "apply-then-reply"; status: number; body: string }
  | { kind: "apply-then-stall" };

export interface FaultyServer {
  url: string;
  exchanges: Exchange[];
  /** connections destroyed before a byte of the request was read */
  resetConnections: number;
}

/**
 * A node:http server on 127.0.0.1 port 0 in front of `sandbox` that asks `plan` what to do with
 * each request. `resetFirstConnections` destroys that many connections as they open.
 */
export async function faultyServer(sandbox: Sandbox, plan: (exchange: Exchange) => Behaviour, options: { resetFirstConnections?: number } = {}, register: Register = afterThisTest): Promise<FaultyServer> {
  const counts = new Map<string, number>();
  const state: FaultyServer = { url: "", exchanges: [], resetConnections: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void handle(req, res));
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (state.resetConnections < (options.resetFirstConnections ?? 0)) {
      state.resetConnections += 1;
      socket.resetAndDestroy();
    }
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const code = body ? codeOf(body) : undefined;
    const key = `${method} ${code ?? url}`;
    const attempt = (counts.get(key) ?? 0) + 1;
    counts.set(key, attempt);
    const exchange: Exchange = { method, url, body, code, attempt, seen: state.exchanges.length + 1, at: Date.now() };
    state.exchanges.push(exchange);
    const behaviour = plan(exchange);
    switch (behaviour.kind) {
      case "reply":
        res.writeHead(behaviour.status, { "content-type": "text/html", ...behaviour.headers });
        res.end(behaviour.body);
        return;
      case "reset":
        req.socket.resetAndDestroy();
        return;
      case "hang":
        return;
      default: {
        const upstream = await forward(sandbox, req, body);
        if (behaviour.kind === "apply-then-reset") req.socket.resetAndDestroy();
        else if (behaviour.kind === "apply-then-reply") {
          res.writeHead(behaviour.status, { "content-type": "application/json" });
          res.end(behaviour.body);
        } else if (behaviour.kind === "apply-then-stall") {
          // headers and half the body, then nothing: the client's body timeout must end the wait
          res.writeHead(upstream.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(upstream.body)) });
          res.write(upstream.body.slice(0, Math.floor(upstream.body.length / 2)));
        } else {
          res.writeHead(upstream.status, upstream.headers);
          res.end(upstream.body);
        }
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open`;
  register(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}

function codeOf(body: string): string | undefined {
  try {
    const code: unknown = (JSON.parse(body) as { general_info?: { customer_code?: unknown } }).general_info?.customer_code;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}

function forward(sandbox: Sandbox, req: IncomingMessage, body: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${sandbox.port}`, connection: "close" };
    const upstream = request({ host: "127.0.0.1", port: sandbox.port, method: req.method, path: req.url, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        const kept: Record<string, string> = {};
        for (const name of ["content-type", "date", "retry-after"]) {
          const value = response.headers[name];
          if (typeof value === "string") kept[name] = value;
        }
        resolve({ status: response.statusCode ?? 502, headers: kept, body: text });
      });
    });
    upstream.on("error", reject);
    upstream.end(body);
  });
}

/** An envelope as Finan answers, for servers that answer on their own. */
export const envelope = (status: number, code: number, data: unknown = null, error?: string) =>
  JSON.stringify({ message: { content: status < 300 ? "Thực thi API thành công" : "Lỗi", ...(error ? { error } : {}) }, code, request_id: `req-${status}-${code}`, data });

export const GATEWAY_HTML = (status: number) =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
