import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import { call, personal } from "./signed-request.js";

describe("sandbox dataFile", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "finan-sandbox-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("keeps customers, their order and unpaid marks across a restart", async () => {
    const dataFile = join(dir, "store.json");
    const first = await startSandbox({ dataFile });
    for (const code of ["Z", "Ă", "M"]) await call(first, "POST", "/api/v1/customers", { body: personal(code, { phone: "0901234567" }) });
    const marked = first.store.byCode("Ă");
    if (!marked) throw new Error("fixture missing");
    first.store.markUnpaidInvoices(marked.customer_id);
    const before = first.store.list();
    await first.close();

    const second = await startSandbox({ dataFile });
    try {
      expect(second.store.list()).toEqual(before);
      const refused = await call(second, "DELETE", `/api/v1/customers/${marked.customer_id}`);
      expect(refused.status).toBe(400);
      expect(await readdir(dir)).toEqual(["store.json"]);
    } finally {
      await second.close();
    }
  });

  it("saves soon after a write, without waiting for close", async () => {
    const dataFile = join(dir, "store.json");
    const sandbox = await startSandbox({ dataFile });
    try {
      await call(sandbox, "POST", "/api/v1/customers", { body: personal("EARLY") });
      await vi.waitFor(async () => {
        const saved = JSON.parse(await readFile(dataFile, "utf8")) as { customers: Array<{ general_info: { customer_code: string } }> };
        expect(saved.customers.map((c) => c.general_info.customer_code)).toEqual(["EARLY"]);
      }, { timeout: 2000, interval: 20 });
    } finally {
      await sandbox.close();
    }
  });

  it("writes the data file for its owner alone (0600): it holds customers' personal data", async () => {
    const dataFile = join(dir, "store.json");
    // a file left readable by all, as earlier versions wrote it, is narrowed by the next save
    await writeFile(dataFile, JSON.stringify({ customers: [], unpaidInvoices: [] }), { mode: 0o644 });
    const sandbox = await startSandbox({ dataFile });
    await call(sandbox, "POST", "/api/v1/customers", { body: personal("PRIVATE") });
    await sandbox.close();
    expect((await stat(dataFile)).mode & 0o777).toBe(0o600);
  });

  it("refuses to start on a file that is not a saved store", async () => {
    const dataFile = join(dir, "customers.json");
    await writeFile(dataFile, '[{"name":"not a store"}]');
    await expect(startSandbox({ dataFile })).rejects.toMatchObject({ code: "E_FILE_FORMAT" });
  });
});
