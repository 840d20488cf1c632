import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import { createClient } from "../../src/api/client.js";
import { afterThisTest } from "../helpers/cli.js";
import { personal, sandboxWithClient } from "../helpers/sandbox.js";

async function setup(...args: Parameters<typeof sandboxWithClient>) {
  const env = await sandboxWithClient(...args);
  afterThisTest(env.close);
  return env;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}

/** A loopback server whose behaviour a test chooses, for failures the sandbox cannot produce. */
async function rawServer(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  afterThisTest(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${port}/open`;
}

describe("createClient", () => {
  it("creates, lists, gets, replaces and deletes a customer", async () => {
    const { api, sandbox } = await setup();
    const created = await api.createCustomer(personal("KH001", { tax_id: "0101234567" }));
    expect(created.apiCode).toBe(102001);
    expect(created.requestId).toBeTruthy();
    const id = created.data.customer_id;

    const page = await api.listPage(1, 100);
    expect(page.data.customers.map((c) => c.general_info.customer_code)).toEqual(["KH001"]);

    const fetched = await api.getCustomer(id);
    expect(fetched.data.general_info.name).toBe("Nguyễn Văn KH001");
    expect(fetched.data.general_info.tax_id).toBe("0101234567");

    await api.replaceCustomer(id, personal("KH001", { name: "Trần Thị Bình" }));
    expect(sandbox.store.get(id)?.general_info.name).toBe("Trần Thị Bình");
    expect(sandbox.store.get(id)?.general_info.tax_id).toBeUndefined();

    const deleted = await api.deleteCustomer(id);
    expect(deleted.data).toBe("success");
    expect(sandbox.store.count()).toBe(0);
  });

  it("turns a validation error into a rejected ApiError with the server's detail", async () => {
    const { api } = await setup();
    const error = await failure(api.createCustomer({ general_info: { name: "", customer_code: "X", type: "personal" } }));
    expect(error.kind).toBe("rejected");
    expect(error.status).toBe(400);
    expect(error.apiCode).toBe(104000);
    expect(error.requestId).toBeTruthy();
    expect(error.message).toMatch(/^\[POST\] \/api\/v1\/customers: 400 104000 .*name/);
  });

  it("reports a duplicate code as 104100", async () => {
    const { api } = await setup();
    await api.createCustomer(personal("DUP"));
    const error = await failure(api.createCustomer(personal("DUP")));
    expect([error.status, error.apiCode, error.kind]).toEqual([400, 104100, "rejected"]);
  });

  it("rejects a wrong secret as an auth failure without ever printing the secret", async () => {
    const secretKey = "this-is-the-wrong-secret-1234";
    const { api } = await setup({}, { secretKey });
    const error = await failure(api.listPage(1, 10));
    expect([error.status, error.apiCode, error.kind]).toEqual([401, 104001, "auth"]);
    expect(`${error.message} ${error.detail} ${String(error.stack)}`).not.toContain(secretKey);
  });

  it("explains a 401 caused by a clock that is off", async () => {
    const { api } = await setup({}, { clock: () => Date.now() - 47_000 });
    const error = await failure(api.listPage(1, 10));
    expect(error.kind).toBe("auth");
    expect(error.detail).toMatch(/your clock is 4[678] s behind/);
  });

  it("marks a 429 retryable and carries Retry-After", async () => {
    const { api } = await setup({ rateLimit: 1 });
    await api.listPage(1, 10);
    const error = await failure(api.listPage(1, 10));
    expect([error.status, error.kind, error.retryAfterMs]).toEqual([429, "retryable", 1000]);
  });

  it("marks a 5xx retryable for a GET, and of unknown outcome for a write (a gateway may answer after the backend applied it)", async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" }).end("<html><body>Bad Gateway</body></html>");
    });
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    const error = await failure(api.createCustomer(personal("A")));
    expect([error.status, error.kind]).toEqual([502, "outcome-unknown"]);
    expect(error.detail).toContain("not JSON");
    expect((await failure(api.getCustomer("x"))).kind).toBe("retryable");
  });

  it("treats a 2xx that is not an envelope as outcome-unknown for a write", async () => {
    const url = await rawServer((_req, res) => res.writeHead(200).end("OK"));
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    expect((await failure(api.createCustomer(personal("A")))).kind).toBe("outcome-unknown");
    expect((await failure(api.listPage(1, 1))).kind).toBe("retryable");
  });

  it("marks a POST whose connection drops after sending as outcome-unknown, a GET as retryable", async () => {
    const url = await rawServer((req) => req.socket.destroy());
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    expect((await failure(api.createCustomer(personal("A")))).kind).toBe("outcome-unknown");
    expect((await failure(api.getCustomer("x"))).kind).toBe("retryable");
  });

  it("times out a server that never answers, in seconds rather than minutes", async () => {
    const url = await rawServer(() => undefined);
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s", headersTimeoutMs: 300 });
    afterThisTest(() => api.close());
    // without headersTimeoutMs the wait would outlast the test's timeout, so this is not a measurement
    const error = await failure(api.createCustomer(personal("A")));
    expect(error.kind).toBe("outcome-unknown");
    expect(error.detail).toMatch(/timeout/);
  });

  it("marks a refused connection retryable: nothing was sent", async () => {
    // a port that was just free: listened on, then closed
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const api = createClient({ baseUrl: `http://127.0.0.1:${port}/open`, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    expect((await failure(api.createCustomer(personal("A")))).kind).toBe("retryable");
  });

  it("bounds the whole request with the timeout: a server trickling a byte at a time fails it", async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    });
    // idle timers alone never fire here: a byte comes every 100 ms
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s", timeoutMs: 600 });
    afterThisTest(() => api.close());
    const list = await failure(api.listPage(1, 10));
    expect([list.kind, list.detail]).toEqual(["retryable", "no answer in time: the whole answer did not arrive within 0.6 s (--timeout)"]);
    expect((await failure(api.createCustomer(personal("A")))).kind).toBe("outcome-unknown");
  });

  it("refuses a list page announced larger than its cap without reading it, naming the size", async () => {
    const huge = JSON.stringify({ code: 102000, data: [{ customer_id: "1", general_info: { name: "x".repeat(17_000_000), customer_code: "A", type: "personal" } }] });
    const url = await rawServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(huge)) }).end(huge));
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    const error = await failure(api.listPage(1, 100));
    expect(error.kind).toBe("rejected");
    expect(error.message).toMatch(/^\[GET\] \/api\/v1\/customers\?page=1&page_size=100: 200 the answer is 17\.0 MB, more than finan-bulk accepts for one page of the customer list \(16 MB\)/);
  });

  it("stops reading a record that streams past its cap; a write with such an answer has an unknown outcome", async () => {
    const url = await rawServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"code":102000,"data":{"customer_id":"1","general_info":{"name":"`);
      res.end(`${"x".repeat(5_000_000)}"}}}`);
    });
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    const get = await failure(api.getCustomer("1"));
    expect(get.kind).toBe("rejected");
    expect(get.message).toMatch(/^\[GET\] \/api\/v1\/customers\/1: 200 the answer passed 4 MB, the most finan-bulk accepts for one customer/);
    expect((await failure(api.replaceCustomer("1", personal("A")))).kind).toBe("outcome-unknown");
  });

  it("says where a redirect points and to check --base-url, and does not retry it", async () => {
    const url = await rawServer((_req, res) => res.writeHead(301, { location: "https://api.example.test/open/api/v1/customers", "content-type": "text/html" }).end("<html>Moved</html>"));
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    for (const error of [await failure(api.listPage(1, 10)), await failure(api.createCustomer(personal("A")))]) {
      expect([error.status, error.kind]).toEqual([301, "rejected"]);
      expect(error.detail).toBe(`the server redirects to https://api.example.test/open/api/v1/customers, which finan-bulk does not follow: check --base-url (now ${url}; Finan's is https://api.finan.one/open)`);
    }
  });

  it("names a relative redirect's target in full", async () => {
    const url = await rawServer((_req, res) => res.writeHead(307, { location: "/login?next=%2Fopen" }).end());
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    expect((await failure(api.getCustomer("x"))).detail).toMatch(new RegExp(`^the server redirects to ${new URL(url).origin}/login\\?next=%2Fopen, which`));
  });

  it("says the base URL must end in /open when the first answer is a 404 page, not after a Finan answer", async () => {
    let served = 0;
    const url = await rawServer((_req, res) => {
      served += 1;
      if (served === 2) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ code: 102000, data: [] }));
      else res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
    });
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    const first = await failure(api.listPage(1, 10));
    expect([first.status, first.kind]).toEqual([404, "rejected"]);
    expect(first.detail).toBe(`no Finan API at ${url} (HTTP 404 with a body that is not JSON: <h1>Not Found</h1>): the base URL must end in /open, as https://api.finan.one/open does; check --base-url or FINAN_BASE_URL`);
    await api.listPage(1, 10);
    // a gateway's 404 later on is that request's failure, not a wrong base URL
    expect((await failure(api.getCustomer("x"))).detail).toBe("HTTP 404 with a body that is not JSON: <h1>Not Found</h1>");
  });
});
