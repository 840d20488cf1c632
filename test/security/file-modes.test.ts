import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
const fast = ["--rate", "0"];

// Reports, journals and exports hold customers' personal data: only their owner may read them,
// whatever the umask (0 here, so a file created with the default 0666 would show it).
describe("files that hold personal data", () => {
  let umask = 0;
  beforeAll(() => {
    umask = process.umask(0);
  });
  afterAll(() => {
    process.umask(umask);
  });

  it("reports and journals of import, validate and undo, CSV and XLSX, are created 0600, and so are exports", async () => {
    const { dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1), customerRow(2, { Email: "not an email" })]);
    // a report left by someone else, readable by all: the run told to overwrite it (--force) narrows it
    await writeFile(join(dir, "in.report.csv"), "old report\r\n", { mode: 0o644 });
    expect(await modeOf(join(dir, "in.report.csv"))).toBe(0o644);

    const runs = [
      ["import", input, "--force", ...fast],
      ["import", input, ...fast],
      ["import", input, "--report", join(dir, "in.report.xlsx"), ...fast],
      ["validate", input, "--report", join(dir, "valid.report.csv")],
      ["validate", input, "--report", join(dir, "valid.report.xlsx")],
      ["undo", join(dir, "in.report.csv"), ...fast],
      ["undo", join(dir, "in.report.xlsx"), ...fast],
      ["export", join(dir, "export.csv"), ...fast],
      ["export", join(dir, "export.xlsx"), ...fast],
    ];
    for (const argv of runs) expect((await runCli(argv, { env })).code, argv.join(" ")).toBeLessThanOrEqual(1);

    const names = (await readdir(dir)).filter((name) => name !== "in.csv");
    // in.report.csv(.journal + the journal of the first run, kept aside), in.report.xlsx(.journal),
    // valid.report.csv/xlsx, in.report.undo.csv/xlsx (+ journals), export.csv/xlsx
    expect(names.filter((name) => name.includes(".journal"))).toHaveLength(5);
    expect(names.length).toBeGreaterThanOrEqual(13);
    const modes = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await modeOf(join(dir, name))] as const)));
    expect(Object.entries(modes).filter(([, mode]) => mode !== 0o600)).toEqual([]);
  }, 30_000);
});
