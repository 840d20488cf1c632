import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import type { FinanClient } from "../../src/api/client.js";
import { openSession } from "../../src/api/session.js";
import { ToolError } from "../../src/errors.js";
import { runExport } from "../../src/export/run.js";
import type { ExportOptions } from "../../src/export/run.js";
import { personal, sandboxWithClient } from "../helpers/sandbox.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(count: number) {
  const env = await sandboxWithClient();
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-test-run-"));
  cleanups.push(env.close, () => rm(dir, { recursive: true, force: true }));
  const now = new Date().toISOString();
  for (let i = 1; i <= count; i += 1) env.sandbox.store.insert(personal(`KH${i}`), now);
  const spoolParent = join(dir, "spool");
  await mkdir(spoolParent);
  const options = (file: string, extra: Partial<ExportOptions> = {}): ExportOptions => ({
    file: join(dir, file),
    format: file.endsWith(".xlsx") ? "xlsx" : "csv",
    summaryOnly: false,
    type: undefined,
    selection: undefined,
    lang: "en",
    bom: true,
    pageSize: 10,
    pacing: { ratePerSecond: 0, concurrency: 3, retries: 0, maxWaitMs: 1000 },
    connection: { baseUrl: env.sandbox.url, clientId: env.sandbox.clientId, secretKey: env.sandbox.secretKey, timeoutMs: 30_000 },
    spoolParent,
    now: Date.now,
    ...extra,
  });
  return { ...env, dir, spoolParent, options };
}

/** The run's session, with its requests going through `client` (to fail some on cue). */
const through = (client: FinanClient): typeof openSession => (connection, pacing, signal) => ({ ...openSession(connection, pacing, signal), client });

describe("runExport", () => {
  it("removes its private spool folder after a complete export", async () => {
    const { spoolParent, options } = await setup(25);
    const result = await runExport(options("all.xlsx"));
    expect(result.customers).toBe(25);
    expect(await readdir(spoolParent)).toEqual([]);
  });

  it("removes its spool folder and the partial file when the export fails", async () => {
    const { api, sandbox, dir, spoolParent, options } = await setup(25);
    let fetches = 0;
    const failing = {
      ...api,
      getCustomer: async (id: string) => {
        fetches += 1;
        if (fetches === 10) sandbox.setFaults({ failRate: 1 });
        return api.getCustomer(id);
      },
    };
    await expect(runExport(options("all.csv"), through(failing))).rejects.toBeInstanceOf(ToolError);
    expect(await readdir(spoolParent)).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(["spool"]);
  });

  it("stops sending once a fetch has failed for good", async () => {
    const { api, sandbox, options } = await setup(200);
    let fetches = 0;
    const failing = {
      ...api,
      getCustomer: async (id: string) => {
        fetches += 1;
        if (fetches === 5) throw new ApiError({ method: "GET", path: `/api/v1/customers/${id}`, kind: "rejected", status: 400, detail: "bad" });
        return api.getCustomer(id);
      },
    };
    await expect(runExport(options("all.csv", { ahead: 8 }), through(failing))).rejects.toThrow("Export failed while fetching customer KH5");
    const sent = sandbox.stats.requests;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.stats.requests).toBe(sent);
    expect(fetches).toBeLessThan(5 + 8 + 3);
  });
});
