import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { startSandbox } from "../../src/sandbox/server.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { parseCsv } from "../helpers/files.js";
import { sandboxEnv, harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";
import { runCli } from "../helpers/cli.js";

// What a careless integration can leave on the server: a NUL and an ESC inside text, and text
// that looks like the very escape used to carry them.
const CUSTOMER: CustomerPayload = {
  general_info: { name: "An\u0000Bình", customer_code: "KH1", type: "personal", custom_tag: "vip\u001b[31m" },
  address: { address: "_x0041_ and _x005F_ are text" },
};

let h: Harness;
let csv = "";
let exported = { code: 0, stdout: "", stderr: "" };

beforeAll(async () => {
  h = await harness();
  h.seed([CUSTOMER]);
  exported = await h.run(["export", "out.csv", "--rate", "0", "--json"]);
  csv = await readFile(join(h.dir, "out.csv"), "utf8");
});

afterAll(() => h.close());

describe("control characters in a CSV export", () => {
  it("are written as _xHHHH_, never raw", () => {
    expect(exported.code).toBe(0);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const [row] = parseCsv(csv);
    expect(row?.Name).toBe("An_x0000_Bình");
    expect(row?.Tag).toBe("vip_x001B_[31m");
  });

  it("are said in a warning naming the customer and the column, also in --json", () => {
    const summary = JSON.parse(exported.stdout) as { fileWarnings?: string[] };
    expect(summary.fileWarnings).toEqual([expect.stringMatching(/^2 cells hold control characters a CSV cell cannot carry, written as _xHHHH_ \(our import reads them back\): KH1 Name \(U\+0000 NUL\), KH1 Tag \(U\+001B escape\)/)]);
  });

  it("pass our own validate, and import restores them exactly", async () => {
    const validated = await runCli(["validate", join(h.dir, "out.csv"), "--report", join(h.dir, "check.csv")]);
    expect(validated.code, validated.stderr).toBe(0);
    const target = await startSandbox({ port: 0 });
    try {
      const imported = await runCli(["import", join(h.dir, "out.csv"), "--rate", "0", "--report", join(h.dir, "import.csv")], { env: sandboxEnv(target) });
      expect(imported.code, imported.stderr).toBe(0);
      const stored = target.store.byCode("KH1");
      expect(stored?.general_info.name).toBe("An\u0000Bình");
      expect(stored?.general_info.custom_tag).toBe("vip\u001b[31m");
      expect(stored?.address?.address).toBe("_x0041_ and _x005F_ are text");
    } finally {
      await target.close();
    }
  });

  it("re-import with no change in a dry run", async () => {
    const run = await h.run(["import", "out.csv", "--dry-run", "--rate", "0", "--report", "dry.csv"]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseCsv(await readFile(join(h.dir, "dry.csv"), "utf8")).map((row) => row.message)).toEqual([expect.stringContaining("no change")]);
  });
});

describe("reading _xHHHH_ in a CSV", () => {
  it("restores the control characters our export escaped, and leaves other text alone", async () => {
    const file = join(h.dir, "typed.csv");
    await writeFile(file, "A,B,C\r\nx_x001B_y,_x0041_,_x005F_x0000_\r\n");
    const rows = [];
    for await (const row of (await openSheet(file)).rows) rows.push(row.cells.map((cell) => (cell?.kind === "text" ? cell.text : undefined)));
    expect(rows[1]).toEqual(["x\u001by", "_x0041_", "_x0000_"]);
  });
});
