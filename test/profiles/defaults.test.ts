import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutServerFields } from "../../src/customers/merge.js";
import { harnessThisTest } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";
import { csvLine } from "../helpers/files.js";

/** A sandbox holding KH1 (a company in Đà Nẵng), and a list without a Type column whose KH1 row leaves Province blank. */
async function setupFile(): Promise<Harness> {
  const h = await harnessThisTest();
  h.seed([{ general_info: { customer_code: "KH1", name: "Cũ", type: "company", contact_persons: [{ name: "Lan" }] }, address: { province: "Đà Nẵng" } }]);
  const rows = [
    ["Customer code", "Name", "Province", "Contact 1 name"],
    ["KH1", "Công ty Hải Âu", "", "Lan"],
    ["KH2", "Công ty Sao Mai", "", "Bình"],
    ["KH3", "Công ty Ánh Dương", "Huế", "Cường"],
  ];
  await writeFile(join(h.dir, "in.csv"), rows.map(csvLine).join("\r\n") + "\r\n");
  return h;
}

const DEFAULTS = ["--default", "type=company", "--default", "Province=Hà Nội"];

describe("--default FIELD=VALUE", () => {
  it.each(["upsert", "merge"])("fills blank fields of the rows that create; a %s of an existing customer keeps the server's values", async (mode) => {
    const h = await setupFile();
    const run = await h.run(["import", "in.csv", "--rate", "0", "--mode", mode, "--no-backup", ...DEFAULTS]);
    expect(run.code, run.stderr).toBe(0);
    const stored = (code: string) => {
      const record = h.sandbox.store.byCode(code);
      return record && withoutServerFields(record);
    };
    expect(stored("KH1")).toEqual({ general_info: { customer_code: "KH1", name: "Công ty Hải Âu", type: "company", contact_persons: [{ name: "Lan" }] }, address: { province: "Đà Nẵng" } });
    expect(stored("KH2")).toEqual({ general_info: { customer_code: "KH2", name: "Công ty Sao Mai", type: "company", contact_persons: [{ name: "Bình" }] }, address: { province: "Hà Nội" } });
    expect(stored("KH3")?.address).toEqual({ province: "Huế" });
  });

  it("is refused, naming the flag, when it is not FIELD=VALUE with a known field", async () => {
    const h = await setupFile();
    const run = await h.run(["validate", "in.csv", "--default", "colour=red"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--default colour=red: write it as FIELD=VALUE");
  });
});
