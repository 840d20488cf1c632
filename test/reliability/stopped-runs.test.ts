import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { envelope, expectEachCodeOnce, expectEveryRowExplained, faultyServer, readReport } from "./harness.js";
import type { Behaviour } from "./harness.js";

const fast = ["--rate", "0", "--concurrency", "4"];
const REJECT: Behaviour = { kind: "reply", status: 401, body: envelope(401, 104001, null, "invalid signature"), headers: { "content-type": "application/json" } };

/** A server that starts answering 401 to everything after some creates, until the test sets `rejecting` back. */
async function flakyCredentials(rejectAfterCreates: number) {
  const { sandbox, dir, env } = await setup();
  let creates = 0;
  const state = { rejecting: false };
  const server = await faultyServer(sandbox, (e) => {
    if (e.method === "POST" && ++creates === rejectAfterCreates + 1) state.rejecting = true;
    return state.rejecting ? REJECT : { kind: "forward" };
  });
  return { sandbox, dir, env: { ...env, FINAN_BASE_URL: server.url }, state };
}

describe("a run stopped before its end, then the same command again", () => {
  // Found by this suite: the rows that met the 401 were journaled as done ("failed"), so the resumed
  // run carried them over instead of sending them.
  it("import stopped by a 401: once the credentials are right, the same command creates every row, each once", async () => {
    const { sandbox, dir, env, state } = await flakyCredentials(20);
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 60 }, (_, i) => customerRow(i + 1)));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(2);
    state.rejecting = false;
    const again = await runCli(["import", input, ...fast], { env });
    expect(again.stderr).toMatch(/Resumed/);
    expect(again.code).toBe(0);
    expect((await readReport(join(dir, "in.report.csv"))).filter((r) => r.status !== "created")).toEqual([]);
    expect(expectEachCodeOnce(sandbox)).toBe(60);
  });

  // Found by this suite: undo journaled the rows it did not attempt as done ("failed"), so the resumed
  // run never sent them.
  it("undo stopped by a 401: once the credentials are right, the same command undoes every row", async () => {
    const { sandbox, dir, env, state } = await flakyCredentials(Number.POSITIVE_INFINITY);
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 60 }, (_, i) => customerRow(i + 1)));
    expect((await runCli(["import", input, ...fast], { env })).code).toBe(0);
    state.rejecting = true;
    expect((await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env })).code).toBe(2);
    state.rejecting = false;
    const again = await runCli(["undo", join(dir, "in.report.csv"), ...fast], { env });
    expect(again.code).toBe(0);
    expect(sandbox.store.count()).toBe(0);
  });

  // Found by this suite: Ctrl-C while the existing customers were listed escaped as exit 2 with an
  // empty report.
  it("import interrupted (Ctrl-C) before the listing ends: exit 130, every row reported not attempted", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", Array.from({ length: 5 }, (_, i) => customerRow(i + 1)));
    const run = await runCli(["import", input, ...fast], { env, signal: AbortSignal.abort() });
    expect(run.stderr).toMatch(/run the same command again/);
    expect(run.code).toBe(130);
    const rows = await readReport(join(dir, "in.report.csv"));
    expectEveryRowExplained(rows, 5);
    expect(rows.every((r) => r.message?.startsWith("not attempted"))).toBe(true);
    expect(sandbox.store.count()).toBe(0);
  });
});
