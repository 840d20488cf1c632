import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("main", () => {
  it("prints the version", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(["template", "validate", "import", "export", "undo", "sandbox"])("has help with an example for %s", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`finan-bulk ${command}`);
    expect(run.stdout).toMatch(/Examples:/);
  });

  it.each([
    [["frobnicate"], "finan-bulk: unknown command frobnicate", "See the commands with: finan-bulk --help"],
    [["imprt", "x.csv"], "finan-bulk: unknown command imprt (did you mean import?)", "See the commands with: finan-bulk --help"],
    [["import", "x.csv", "--bogus"], "finan-bulk import: unknown option --bogus", "See its options with: finan-bulk import --help"],
    [["import", "x.csv", "--dry-rn"], "finan-bulk import: unknown option --dry-rn (did you mean --dry-run?)", "See its options with: finan-bulk import --help"],
    [["import"], "finan-bulk import: Missing the file to work on: finan-bulk import <input>", "See its options with: finan-bulk import --help"],
  ])("refuses %j with exit 2: one line saying what is wrong, one saying where to look, not the whole help", async (argv, reason, hint) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${reason}\n  → ${hint}\n`);
  });

  it("without a command, shows the commands and then asks for one", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-2)).toBe("finan-bulk: Name a command: template, validate, import, export, undo, runs or sandbox.");
    expect(run.stderr).toMatch(/options:/i);
  });

  it.each([
    [{}, /FINAN_CLIENT_ID is not set/],
    [{ FINAN_CLIENT_ID: "c" }, /FINAN_SECRET_KEY is not set/],
  ])("names the missing credential (%j) and exits 2 before reading anything", async (env, message) => {
    const run = await runCli(["export", "out.csv"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("refuses plain http to a host other than this machine unless --insecure-http", async () => {
    const env = { FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s", FINAN_BASE_URL: "http://api.example.com/open" };
    const run = await runCli(["export", "out.csv"], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Refusing plain http:\/\/ to api\.example\.com/);
  });

  it("reads credentials from --env-file", async () => {
    const { writeFile } = await import("node:fs/promises");
    const { tempDir } = await import("../helpers/cli.js");
    const dir = await tempDir();
    await writeFile(`${dir.path}/finan.env`, "FINAN_CLIENT_ID=from-file\nFINAN_SECRET_KEY=file-secret\nFINAN_BASE_URL=http://api.example.com/open\n");
    const run = await runCli(["export", "out.csv", "--env-file", `${dir.path}/finan.env`]);
    await dir.cleanup();
    // the credentials were found (no "not set"); the insecure URL from the file is what stops it
    expect(run.stderr).toMatch(/Refusing plain http/);
    expect(run.stderr).not.toContain("file-secret");
  });

  it.each([
    ["0644", 0o644, "warning: --env-file finan.env holds FINAN_SECRET_KEY and every user of this machine can read it (mode 0644): run chmod 600 finan.env"],
    ["0640", 0o640, "warning: --env-file finan.env holds FINAN_SECRET_KEY and its group can read it (mode 0640): run chmod 600 finan.env"],
    ["0600", 0o600, undefined],
  ])("uses an --env-file of mode %s, warning when others can read the secret", async (_octal, mode, warning) => {
    const { chmod, writeFile } = await import("node:fs/promises");
    const { tempDir } = await import("../helpers/cli.js");
    const dir = await tempDir();
    await writeFile(`${dir.path}/finan.env`, "FINAN_CLIENT_ID=from-file\nFINAN_SECRET_KEY=file-secret\nFINAN_BASE_URL=http://api.example.com/open\n");
    await chmod(`${dir.path}/finan.env`, mode);
    const run = await runCli(["export", "out.csv", "--env-file", "finan.env"], { cwd: dir.path });
    await dir.cleanup();
    // the file was used: its insecure URL is what stops the run
    expect(run.stderr).toMatch(/Refusing plain http/);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual(warning ? [warning] : []);
    expect(run.stderr).not.toContain("file-secret");
  });
});
