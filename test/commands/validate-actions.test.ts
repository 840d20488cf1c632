import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";
import { parseCsv, writeCustomersCsv } from "../helpers/files.js";

describe("validate with an Action column", () => {
  it("checks the Action word of each row, and a delete row's code alone", async () => {
    const dir = await tempDir();
    try {
      const input = await writeCustomersCsv(dir.path, "in.csv", [
        ["tạo mới", "KH1", "An", "personal"],
        ["xóa", "KH2", "", ""],
        ["nuke", "KH3", "Bình", "personal"],
        ["delete", "", "", ""],
      ], ["Thao tác", "Customer code", "Name", "Type"]);
      const run = await runCli(["validate", input, "--lang", "en"]);
      expect(run.code).toBe(1);
      const rows = parseCsv(await readFile(join(dir.path, "in.check.csv"), "utf8"));
      expect(rows.map((row) => row.status)).toEqual(["valid", "valid", "invalid", "invalid"]);
      expect(rows[2]?.message).toMatch(/"nuke" is not an action/);
      expect(run.stderr).not.toMatch(/Name \(general_info\.name\)/);
    } finally {
      await dir.cleanup();
    }
  });
});
