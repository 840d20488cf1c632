// How cli.ts finds, loads and ends a command: the one exit rule, and commands named after global flags.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL } from "../../src/config.js";
import { exitCodeFor } from "../../src/errors.js";
import type { RunOutcome } from "../../src/errors.js";
import { runCli, tempDir } from "../helpers/cli.js";

describe("exitCodeFor", () => {
  it.each<[RunOutcome, number]>([
    [{ failing: 0 }, 0],
    [{ failing: 3 }, 1],
    [{ failing: 3, stopped: "interrupted" }, 130],
    [{ failing: 0, stopped: "interrupted" }, 130],
    [{ failing: 3, stopped: "auth" }, 2],
  ])("%j ends with exit %i", (outcome, code) => {
    expect(exitCodeFor(outcome)).toBe(code);
  });
});

describe("a command's flags", () => {
  // A default lives in the flag's declaration only; a second one in run (`args.lang ?? "en"`) drifts.
  it.each(readdirSync("src/commands"))("get no second default in %s", (file) => {
    const text = readFileSync(join("src/commands", file), "utf8");
    expect(text.match(/\bargs\.\w+ \?\?/g) ?? []).toEqual([]);
  });
});

describe("a command", () => {
  it("is found after the global flags", async () => {
    const dir = await tempDir();
    try {
      const run = await runCli(["--json", "template", "blank.csv"], { cwd: dir.path });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ command: "template", ok: true, exitCode: 0 });
      expect(existsSync(join(dir.path, "blank.csv"))).toBe(true);
    } finally {
      await dir.cleanup();
    }
  });

  it.each(["validate", "import", "export", "undo", "runs", "template"])("misused with --json, %s is named in the one JSON object", async (command) => {
    const run = await runCli([command, "--json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ command, ok: false, exitCode: 2, error: { code: "E_USAGE" } });
  });

  it("says in its help the base URL it uses when none is given", async () => {
    const run = await runCli(["import", "--help"]);
    expect(run.stdout).toContain(`default ${DEFAULT_BASE_URL})`);
  });

  it("has help with its flags and an example for runs", async () => {
    const run = await runCli(["runs", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("finan-bulk runs <report>");
    expect(run.stdout).toMatch(/--prune +Remove the journals/);
    expect(run.stdout).toMatch(/Examples:/);
  });
});
