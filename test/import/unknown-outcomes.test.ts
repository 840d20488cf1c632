import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { GATEWAY_HTML, expectEachCodeOnce, faultyServer, readReport } from "../reliability/harness.js";
import type { Behaviour, Exchange } from "../reliability/harness.js";

const fast = ["--rate", "0", "--concurrency", "2", "--retries", "3"];
const FORWARD: Behaviour = { kind: "forward" };
const gateway504: Behaviour = { kind: "reply", status: 504, body: GATEWAY_HTML(504) };

/** Runs the CLI with Ctrl-C pressed after `hangGuardMs`, so a run that loops ends (exit 130) instead of hanging the suite. */
async function guarded(argv: string[], env: Record<string, string>, hangGuardMs = 20_000) {
  const ctrlC = new AbortController();
  const timer = setTimeout(() => ctrlC.abort(), hangGuardMs);
  try {
    return await runCli(argv, { env, signal: ctrlC.signal });
  } finally {
    clearTimeout(timer);
  }
}

describe("import: a create of unknown outcome", () => {
  it.each(["upsert", "create"])("a gateway's HTML 504 after the create was applied: --mode %s sends one POST, reports created, undo deletes it", async (mode) => {
    let posts = 0;
    const { sandbox, dir, env } = await setup({ scripted: [{ method: "POST", kind: "gateway-after-apply", status: 504 }], onRequest: (entry) => (posts += entry.method === "POST" ? 1 : 0) });
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const run = await guarded(["import", input, "--mode", mode, ...fast], env);
    const [row] = await readReport(join(dir, "in.report.csv"));
    expect(row).toMatchObject({ status: "created", customer_id: sandbox.store.byCode("KH00001")?.customer_id });
    expect(row?.message).toMatch(/504/);
    expect(run.code).toBe(0);
    expect(expectEachCodeOnce(sandbox)).toBe(1);
    expect(posts).toBe(1);
    expect((await runCli(["undo", join(dir, "in.report.csv")], { env })).code).toBe(0);
    expect(sandbox.store.count()).toBe(0);
  });

  /** The first POST gets a 504 and is not applied; before the second, the code appears on the server with `stored`. */
  async function appliedLate(stored: (sent: CustomerPayload) => CustomerPayload) {
    const { sandbox, dir, env } = await setup({});
    const server = await faultyServer(sandbox, (e: Exchange) => {
      if (e.method !== "POST") return FORWARD;
      if (e.attempt === 1) return gateway504;
      if (e.attempt === 2) sandbox.store.insert(stored(JSON.parse(e.body) as CustomerPayload), new Date().toISOString());
      return FORWARD;
    });
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const run = await guarded(["import", input, ...fast], { ...env, FINAN_BASE_URL: server.url });
    const [row] = await readReport(join(dir, "in.report.csv"));
    const posts = server.exchanges.filter((e) => e.method === "POST").length;
    return { sandbox, dir, env, run, row, posts };
  }

  it("a 104100 to the second POST of a code this run sent, the record equal to what was sent: adopted as created, undo deletes it", async () => {
    const { sandbox, dir, env, run, row, posts } = await appliedLate((sent) => sent);
    expect(posts).toBe(2);
    expect(row).toMatchObject({ status: "created", customer_id: sandbox.store.byCode("KH00001")?.customer_id });
    expect(run.code).toBe(0);
    expect((await runCli(["undo", join(dir, "in.report.csv")], { env })).code).toBe(0);
    expect(sandbox.store.count()).toBe(0);
  });

  it("a 104100 to the second POST, the record differing from what was sent: the row fails 'created meanwhile by someone else', undo leaves it", async () => {
    const { sandbox, dir, env, run, row } = await appliedLate((sent) => ({ ...sent, general_info: { ...sent.general_info, name: "Someone Else's Customer" } }));
    expect(row?.status).toBe("failed");
    expect(row?.message).toMatch(/created meanwhile by someone else/);
    expect(row?.message).toMatch(/Name/);
    expect(run.code).toBe(1);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Someone Else's Customer");
    // not this run's: undo leaves it without a word of --force, and has nothing else to do
    const undo = await runCli(["undo", join(dir, "in.report.csv")], { env });
    expect(undo.code).toBe(0);
    expect(undo.stderr).not.toMatch(/--force/);
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Someone Else's Customer");
  });
});

describe("undo: a DELETE of unknown outcome", () => {
  it("a gateway's 504 after the DELETE was applied: repeated, and the 404 that answers means deleted", async () => {
    const { sandbox, dir, env } = await setup({});
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    sandbox.setFaults({ scripted: [{ method: "DELETE", kind: "gateway-after-apply", status: 504 }] });
    const undo = await guarded(["undo", join(dir, "in.report.csv"), ...fast], env);
    expect(undo.code).toBe(0);
    expect(sandbox.store.count()).toBe(0);
  });
});

describe("import against a server that contradicts itself", () => {
  it.each<[string, string[]]>([["upsert", []], ["merge", []], ["upsert", ["--no-backup"]]])("listed, GET 404, create 104100 (--mode %s %j): the row fails saying so, in a bounded number of requests", async (mode, more) => {
    const requests: string[] = [];
    const { dir, env } = await setup({ phantomCodes: ["KH00001"], onRequest: (entry) => requests.push(`${entry.method} ${entry.status ?? "-"}`) });
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2)]);
    const run = await guarded(["import", input, "--mode", mode, ...more, ...fast], env);
    expect(run.code).toBe(1);
    const rows = await readReport(join(dir, "in.report.csv"));
    expect(rows.map((r) => r.status)).toEqual(["failed", "created"]);
    expect(rows[0]?.message).toMatch(/server contradicts itself/);
    expect(rows[0]?.message).toMatch(/404/);
    expect(rows[0]?.message).toMatch(/104100/);
    expect(requests.length).toBeLessThan(20);
  });
});
