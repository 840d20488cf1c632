// Servers that trickle, flood or point elsewhere: the run ends in bounded time with a message
// that says what the server did and what to check, and writes nothing it should not.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { afterThisTest, runCli, tempDir } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";

/** A loopback server answering every request with `answer`; counts the requests it saw. */
async function server(answer: (req: IncomingMessage, res: ServerResponse) => void, register = afterThisTest) {
  const seen: string[] = [];
  const http = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  register(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/open`, seen };
}

/** `import in.csv` or `export out.csv` against `url`, in a fresh folder; what it printed and left there. */
async function runAgainst(command: "import" | "export", url: string, args: string[] = [], register = afterThisTest) {
  const dir = await tempDir("finan-bulk-hostile-");
  register(dir.cleanup);
  const target = command === "import" ? await writeCustomersCsv(dir.path, "in.csv", [customerRow(1), customerRow(2)]) : join(dir.path, "out.csv");
  const run = await runCli([command, target, "--rate", "0", ...args], { env: { FINAN_BASE_URL: url, FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s" }, cwd: dir.path });
  const left = command === "import" ? existsSync(join(dir.path, "in.report.csv")) : existsSync(target);
  return { ...run, left };
}

describe("a server that trickles its answer a byte at a time", () => {
  it.concurrent.for(["import", "export"] as const)("%s: each request ends at --timeout, the run ends with exit 2, nothing written", async (command, { onTestFinished }) => {
    const { url, seen } = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"code":102000,"data":[');
      const timer = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(timer));
    }, onTestFinished);
    const run = await runAgainst(command, url, ["--timeout", "1", "--retries", "1"], onTestFinished);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\[GET\] \/api\/v1\/customers\?page=1&page_size=100: no answer in time: the whole answer did not arrive within 1 s \(--timeout\) \(gave up after 2 attempts\)/);
    expect(seen).toHaveLength(2);
    expect(run.left).toBe(false);
  });
});

describe("a server that sends a listing far larger than any Finan answer", () => {
  it.for([
    ["import", "Listing the existing customers failed, so no row was sent"],
    ["export", "Export failed while listing customers"],
  ] as const)("%s: that request fails naming the size and the endpoint, exit 2, nothing written", async ([command, failed]) => {
    const { url, seen } = await server((req, res) => {
      if (!req.url?.includes("?")) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: 104004, data: null }));
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"code":102000,"data":[{"customer_id":"1","general_info":{"customer_code":"KH1","type":"personal","name":"');
      // 20 MB in 1 MB writes, without a Content-Length: the cap must hold while reading, not only up front
      const chunk = "x".repeat(1_000_000);
      let sent = 0;
      const more = () => {
        while (sent < 20 && res.write(chunk)) sent += 1;
        if (sent >= 20) res.end('"}}]}');
        else res.once("drain", () => ((sent += 1), more()));
      };
      more();
    });
    const run = await runAgainst(command, url);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${failed}: [GET] /api/v1/customers?page=1&page_size=100: 200 the answer passed 16 MB, the most finan-bulk accepts for one page of the customer list`);
    expect(seen).toHaveLength(1);
    expect(run.left).toBe(false);
  });
});

describe("a base URL that points at the wrong place", () => {
  it("import through a redirect: one request, not retried; says where it redirects and to check --base-url, exit 2", async () => {
    const { url, seen } = await server((_req, res) => res.writeHead(302, { location: "https://login.example.test/sso", "content-type": "text/html" }).end("<html>Found</html>"));
    const run = await runAgainst("import", url);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`302 the server redirects to https://login.example.test/sso, which finan-bulk does not follow: check --base-url (now ${url}`);
    expect(run.stderr).not.toMatch(/not a Finan API envelope|not JSON/);
    expect(seen).toHaveLength(1);
  });

  it("export where the first answer is a 404 page: says the base URL must end in /open, exit 2", async () => {
    const { url, seen } = await server((_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<html><body>404 page not found</body></html>"));
    const run = await runAgainst("export", url.replace(/\/open$/, ""));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/404 no Finan API at http:\/\/127\.0\.0\.1:\d+ \(HTTP 404 .*\): the base URL must end in \/open, as https:\/\/api\.finan\.one\/open does/);
    expect(seen).toEqual(["GET /api/v1/customers?page=1&page_size=100"]);
    expect(run.left).toBe(false);
  });
});
