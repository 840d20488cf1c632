import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, setup } from "../helpers/cli.js";
import type { Register } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { writeWorkbook } from "./xlsx-files.js";
import { GATEWAY_HTML, envelope, expectEachCodeOnce, expectEveryRowExplained, faultyServer, readReport } from "./harness.js";
import type { Behaviour, Exchange } from "./harness.js";

const ROWS = 5;
const fast = ["--rate", "0", "--concurrency", "5"];
const isCreate = (e: Exchange) => e.method === "POST";
const FORWARD: Behaviour = { kind: "forward" };
const tooMany = (retryAfter: string): Behaviour => ({ kind: "reply", status: 429, body: envelope(429, 104029, null, "rate limit exceeded"), headers: { "retry-after": retryAfter, "content-type": "application/json" } });
const html = (status: number): Behaviour => ({ kind: "reply", status, body: GATEWAY_HTML(status) });

/** Imports ROWS customers through a server that behaves as `plan` says, in front of a sandbox. */
async function importThrough(plan: (e: Exchange) => Behaviour, args: string[] = [], options: { resetFirstConnections?: number } = {}, register?: Register) {
  const { sandbox, dir, env } = await setup({}, register);
  const server = await faultyServer(sandbox, plan, options, register);
  const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: ROWS }, (_, i) => customerRow(i + 1)));
  // A hung run would take the whole test timeout: press Ctrl-C for it instead, so its exit code (130) fails the test.
  const ctrlC = new AbortController();
  const timer = setTimeout(() => ctrlC.abort(), 25_000);
  const run = await runCli(["import", input, ...fast, ...args], { env: { ...env, FINAN_BASE_URL: server.url }, signal: ctrlC.signal }).finally(() => clearTimeout(timer));
  const rows = await readReport(join(dir, "in.report.csv")).catch(() => []);
  return { run, rows, sandbox, server };
}

/** The gap between the first two POSTs of one code. */
const retryGap = (exchanges: Exchange[], code = "KH00001") => {
  const [first, second] = exchanges.filter((e) => isCreate(e) && e.code === code);
  return second && first ? second.at - first.at : Number.NaN;
};

// Each case waits on timeouts and backoff, not on the CPU: they run side by side.
describe("import through a server that misbehaves, then recovers", () => {
  it.concurrent.for<[string, (e: Exchange) => Behaviour, string[]]>([
    ["429 with Retry-After in seconds", (e) => (isCreate(e) && e.attempt === 1 && e.code === "KH00001" ? tooMany("1") : FORWARD), []],
    ["429 with Retry-After as an HTTP date", (e) => (isCreate(e) && e.attempt === 1 && e.code === "KH00001" ? tooMany(new Date(Date.now() + 2000).toUTCString()) : FORWARD), []],
    ["500 with an HTML body", (e) => (isCreate(e) && e.attempt <= 2 ? html(500) : FORWARD), []],
    ["502 with an HTML body", (e) => (isCreate(e) && e.attempt <= 2 ? html(502) : FORWARD), []],
    ["503 with an HTML body, on the listing too", (e) => (e.attempt <= 2 ? html(503) : FORWARD), []],
    ["a 200 whose body is not JSON, the create applied", (e) => (isCreate(e) && e.attempt === 1 ? { kind: "apply-then-reply", status: 200, body: "<html><body>OK</body></html>" } : FORWARD), []],
    ["an envelope with an unknown code, the create applied", (e) => (isCreate(e) && e.attempt === 1 ? { kind: "apply-then-reply", status: 200, body: envelope(200, 109999, { id: 1 }) } : FORWARD), []],
    ["connections reset before the request was sent", () => FORWARD, []],
    ["the connection reset after the create was applied", (e) => (isCreate(e) && e.attempt === 1 ? { kind: "apply-then-reset" } : FORWARD), []],
    ["no answer to the first attempt (not applied)", (e) => (isCreate(e) && e.attempt === 1 ? { kind: "hang" } : FORWARD), ["--timeout", "1"]],
    ["an answer that stalls mid-body, the create applied", (e) => (isCreate(e) && e.attempt === 1 ? { kind: "apply-then-stall" } : FORWARD), ["--timeout", "1"]],
  ])("%s: every row created once, exit 0", { timeout: 30_000 }, async ([what, plan, args], { onTestFinished }) => {
    const { run, rows, sandbox, server } = await importThrough(plan, args, what.startsWith("connections reset") ? { resetFirstConnections: 4 } : {}, onTestFinished);
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    expectEveryRowExplained(rows, ROWS);
    expect(rows.map((r) => r.status)).toEqual(Array(ROWS).fill("created"));
    expect(expectEachCodeOnce(sandbox)).toBe(ROWS);
    for (const row of rows) expect(row.customer_id).toBe(sandbox.store.byCode(row["Customer code"]!)?.customer_id);
    if (what.startsWith("429")) expect(retryGap(server.exchanges)).toBeGreaterThanOrEqual(900);
    if (what.startsWith("connections reset")) expect(server.resetConnections).toBe(4);
  });
});

describe("import through a server that keeps misbehaving", () => {
  it.concurrent.for<[string, (e: Exchange) => Behaviour, string[], RegExp]>([
    ["502 with an HTML body, every time", (e) => (isCreate(e) ? html(502) : FORWARD), ["--retries", "2"], /not created: .*the listing does not hold this code: .*502 .*not JSON: <html> <head><title>502 Bad Gateway/],
    ["a 400 with an unknown business code", (e) => (isCreate(e) ? { kind: "reply", status: 400, body: envelope(400, 104999, null, "customer_code is reserved"), headers: { "content-type": "application/json" } } : FORWARD), [], /400 104999 customer_code is reserved/],
    ["a 200 that is not JSON, nothing applied", (e) => (isCreate(e) ? { kind: "reply", status: 200, body: "Service Unavailable" } : FORWARD), ["--retries", "2"], /not created.*HTTP 200 with a body that is not JSON: Service Unavailable/],
    ["no answer to any create", (e) => (isCreate(e) ? { kind: "hang" } : FORWARD), ["--timeout", "1", "--retries", "1"], /not created: the answers never came or could not be read, and the listing does not hold this code: .*no answer in time/],
  ])("%s: the run ends, every row failed with its reason, nothing created twice, exit 1", { timeout: 30_000 }, async ([, plan, args, reason], { onTestFinished }) => {
    const { run, rows, sandbox } = await importThrough(plan, args, {}, onTestFinished);
    expect(run.code).toBe(1);
    expectEveryRowExplained(rows, ROWS);
    for (const row of rows) {
      expect(row.status).toBe("failed");
      expect(row.message).toMatch(reason);
    }
    expectEachCodeOnce(sandbox);
    expect(sandbox.store.count()).toBe(0);
  });

  // A run that waited would meet the Ctrl-C in importThrough and exit 130 (before f29ac4d one such 429 froze every request).
  it.each<[string, string]>([
    ["429 asking to wait a year (in seconds)", String(365 * 24 * 3600)],
    ["429 asking to wait until a date years ahead", "Fri, 31 Dec 2100 23:59:59 GMT"],
  ])("%s: every row fails at once, saying the wait is beyond --max-wait, exit 1", async (_what, retryAfter) => {
    const { run, rows, sandbox, server } = await importThrough((e) => (isCreate(e) ? tooMany(retryAfter) : FORWARD));
    expect(run.code).toBe(1);
    // not waited, not retried: one POST a row
    expect(server.exchanges.filter(isCreate)).toHaveLength(ROWS);
    expectEveryRowExplained(rows, ROWS);
    for (const row of rows) expect(row).toMatchObject({ status: "failed", http_status: "429", message: expect.stringMatching(/asked to wait \d+ s, more than --max-wait 120 s/) });
    expect(sandbox.store.count()).toBe(0);
  }, 30_000);

  it("a server that never answers at all: the run ends within the timeouts, exit 2, saying the listing got no answer", async () => {
    const { run } = await importThrough(() => ({ kind: "hang" }), ["--timeout", "1", "--retries", "1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Listing the existing customers failed, so no row was sent: .*no answer in time/);
  }, 30_000);

  it("a body larger than the server takes is that row's failure, not a stop of the run", async () => {
    const { sandbox, dir, env } = await setup();
    const input = join(dir, "in.xlsx");
    const contacts = Array.from({ length: 40 }, (_, i) => `Contact ${i + 1} name`);
    await writeWorkbook(input, (workbook) =>
      workbook.addWorksheet("Khách hàng").addRows([
        ["Customer code", "Name", "Type", ...contacts],
        ["KH00001", "An", "personal"],
        ["KH00002", "Công ty Lớn", "company", ...contacts.map(() => "Đ".repeat(30_000))],
        ["KH00003", "Bình", "personal"],
      ]),
    );
    const run = await runCli(["import", input, "--report", join(dir, "report.csv"), ...fast], { env });
    expect(run.code).toBe(1);
    const rows = await readReport(join(dir, "report.csv"));
    expect(rows.map((r) => [r["Customer code"], r.status, r.http_status])).toEqual([["KH00001", "created", "200"], ["KH00002", "failed", "400"], ["KH00003", "created", "200"]]);
    expect(rows[1]?.message).toMatch(/body is larger than/);
  });
});

describe("import when the credentials are rejected in the middle of a 10,000-row run", () => {
  it("stops sending at the first 401, reports every row (the rest not attempted), creates nothing twice, exit 2", async () => {
    const { sandbox, dir, env } = await setup();
    let forwardedCreates = 0;
    let firstRejection: number | undefined;
    const server = await faultyServer(sandbox, (e) => {
      if (firstRejection === undefined && isCreate(e) && forwardedCreates >= 500) firstRejection = e.seen;
      if (firstRejection !== undefined) return { kind: "reply", status: 401, body: envelope(401, 104001, null, "invalid signature"), headers: { "content-type": "application/json" } };
      if (isCreate(e)) forwardedCreates += 1;
      return FORWARD;
    });
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 10_000 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, "--rate", "0", "--concurrency", "8"], { env: { ...env, FINAN_BASE_URL: server.url } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The server rejected the credentials \(HTTP 401, invalid signature\) at row \d+\. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY/);
    const rows = await readReport(join(dir, "in.report.csv"));
    expectEveryRowExplained(rows, 10_000);
    const created = rows.filter((r) => r.status === "created");
    expect(created).toHaveLength(500);
    expect(expectEachCodeOnce(sandbox)).toBe(500);
    for (const row of created) expect(row.customer_id).toBe(sandbox.store.byCode(row["Customer code"]!)?.customer_id);
    const rejected = rows.filter((r) => r.http_status === "401");
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    expect(rejected.length).toBeLessThanOrEqual(8);
    expect(rows.filter((r) => r.message?.startsWith("not attempted: the run stopped when the server rejected the credentials"))).toHaveLength(10_000 - 500 - rejected.length);
    // only what was already in flight reached the server after the first 401
    expect(server.exchanges.length - firstRejection!).toBeLessThan(8);
  }, 60_000);
});

describe("import under many retries at once", () => {
  // Each paced wait once added its own abort listener: 11 at once made Node warn of a leak.
  it("prints no Node warning on stderr with --concurrency 16 against a failing server", async () => {
    const { dir, env } = await setup({ failRate: 0.3, seed: 3 });
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 120 }, (_, i) => customerRow(i + 1)));
    const run = await spawnCli(["import", input, "--rate", "0", "--concurrency", "16", "--retries", "10"], env).exit;
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/Warning/);
  }, 30_000);
});
