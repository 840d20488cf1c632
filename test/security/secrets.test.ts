import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import type { Sandbox } from "../../src/sandbox/server.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { customerRow, writeCustomersCsv } from "../helpers/files.js";
import { GATEWAY_HTML, faultyServer } from "../reliability/harness.js";
import { filesUnder } from "./scan.js";

const SECRET = "fb-sk-7f3a9c2e41d05b86e1-KNOWN-TEST-SECRET";
const CLIENT_ID = "finan-bulk-security-client";
/** The secret, or a recognisable part of it (a truncated display still leaks). */
const leaked = (text: string) => [SECRET, SECRET.slice(0, 14), SECRET.slice(-14)].filter((part) => text.includes(part));

interface Scenario {
  what: string;
  argv: string[];
  exit: number;
  env?: Record<string, string | undefined>;
  /** Ctrl-C before the run starts */
  interrupted?: boolean;
  /** a run that leaves state the next would resume: once, with every flag at once */
  once?: boolean;
}

describe("the secret key", () => {
  let sandbox: Sandbox;
  let other: Sandbox;
  let dir: string;
  let env: Record<string, string>;
  let close = async () => {};
  const previousTmp = process.env.TMPDIR;

  beforeAll(async () => {
    const folder = await tempDir("finan-bulk-secrets-");
    dir = folder.path;
    // Temp files (the export's spool) land where this test can search them.
    await mkdir(join(dir, "tmp"));
    process.env.TMPDIR = join(dir, "tmp");
    sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, secretKey: SECRET });
    other = await startSandbox({ port: 0, clientId: CLIENT_ID, secretKey: "another-secret-entirely" });
    close = async () => {
      process.env.TMPDIR = previousTmp;
      await sandbox.close();
      await other.close();
      await folder.cleanup();
    };
    env = { FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: CLIENT_ID, FINAN_SECRET_KEY: SECRET };
  });
  afterAll(() => close());

  it("appears in no stdout, stderr, report, journal, export, temp file or error of any command, success or failure, plain, --json and --debug", async () => {
    const valid = await writeCustomersCsv(dir, "valid.csv", [customerRow(1), customerRow(2), customerRow(3)]);
    const invalid = await writeCustomersCsv(dir, "invalid.csv", [customerRow(4), customerRow(5, { Email: "not an email" })]);
    const other1 = await writeCustomersCsv(dir, "rejected.csv", [customerRow(6)]);
    const failing = await writeCustomersCsv(dir, "failing.csv", [customerRow(7)]);
    const fromFile = await writeCustomersCsv(dir, "envfile.csv", [customerRow(8)]);
    const stopped = await writeCustomersCsv(dir, "stopped.csv", [customerRow(9)]);
    const envFile = join(dir, "finan.env");
    await writeFile(envFile, `FINAN_CLIENT_ID=${CLIENT_ID}\nFINAN_SECRET_KEY=${SECRET}\n`, { mode: 0o600 });
    const broken = await faultyServer(sandbox, (e) => (e.method === "POST" ? { kind: "reply", status: 500, body: GATEWAY_HTML(500) } : { kind: "forward" }));
    const closedPort = await freePort();
    const rate = ["--rate", "0"];
    const at = (name: string) => join(dir, name);
    const rejected = { FINAN_BASE_URL: other.url };

    const scenarios: Scenario[] = [
      // each scenario runs once per flag set into the same file: --force lets the template replace it
      { what: "template xlsx", argv: ["template", at("template.xlsx"), "--force"], exit: 0 },
      { what: "template csv", argv: ["template", at("template.csv"), "--lang", "vi", "--force"], exit: 0 },
      { what: "template over an existing file", argv: ["template", at("template.csv")], exit: 2 },
      { what: "template to an unknown format", argv: ["template", at("template.pdf")], exit: 2 },
      { what: "validate", argv: ["validate", valid, "--report", at("validate.report.csv")], exit: 0 },
      { what: "validate with invalid rows", argv: ["validate", invalid, "--report", at("validate-invalid.report.xlsx")], exit: 1 },
      { what: "validate a missing file", argv: ["validate", at("missing.csv")], exit: 2 },
      { what: "import", argv: ["import", valid, ...rate], exit: 0 },
      { what: "import to an XLSX report", argv: ["import", valid, "--report", at("valid.report.xlsx"), ...rate], exit: 0 },
      { what: "import --dry-run", argv: ["import", valid, "--dry-run", "--report", at("dry.report.csv"), ...rate], exit: 0 },
      { what: "import with invalid rows", argv: ["import", invalid, ...rate], exit: 1 },
      { what: "import, the credentials rejected", argv: ["import", other1, ...rate], exit: 2, env: rejected },
      { what: "import, the server failing every create", argv: ["import", failing, "--retries", "0", ...rate], exit: 1, env: { FINAN_BASE_URL: broken.url } },
      { what: "import, no server listening", argv: ["import", failing, "--retries", "0", "--report", at("refused.report.csv"), ...rate], exit: 2, env: { FINAN_BASE_URL: `http://127.0.0.1:${closedPort}/open` } },
      { what: "import without a client id", argv: ["import", valid, ...rate], exit: 2, env: { FINAN_CLIENT_ID: undefined } },
      { what: "import with --env-file", argv: ["import", fromFile, "--env-file", envFile, ...rate], exit: 0, env: { FINAN_CLIENT_ID: undefined, FINAN_SECRET_KEY: undefined } },
      { what: "import with a missing --env-file", argv: ["import", fromFile, "--env-file", at("nowhere.env"), ...rate], exit: 2, env: { FINAN_SECRET_KEY: undefined } },
      { what: "import, the secret given as a flag", argv: ["import", valid, "--secret-key", SECRET], exit: 2 },
      { what: "import, the secret given as --secret=", argv: ["import", valid, `--secret=${SECRET}`], exit: 2 },
      { what: "validate, interrupted", argv: ["validate", stopped], exit: 130, interrupted: true },
      { what: "export csv", argv: ["export", at("export.csv"), ...rate], exit: 0 },
      { what: "export xlsx", argv: ["export", at("export.xlsx"), ...rate], exit: 0 },
      { what: "export, the credentials rejected", argv: ["export", at("rejected.csv"), ...rate], exit: 2, env: rejected },
      { what: "export into a folder that is a file", argv: ["export", join(valid, "out.csv"), ...rate], exit: 2 },
      { what: "undo --dry-run", argv: ["undo", at("valid.report.csv"), "--dry-run", ...rate], exit: 0 },
      { what: "undo", argv: ["undo", at("valid.report.csv"), ...rate], exit: 0 },
      { what: "undo without a journal", argv: ["undo", at("validate.report.csv"), ...rate], exit: 2 },
      { what: "undo, the credentials rejected", argv: ["undo", at("valid.report.xlsx"), ...rate], exit: 2, env: rejected, once: true },
      { what: "sandbox with a bad knob", argv: ["sandbox", "--port", "0", "--fail-rate", "5"], exit: 2 },
      { what: "sandbox on a port in use", argv: ["sandbox", "--port", String(sandbox.port)], exit: 2 },
    ];

    let debugStacks = 0;
    for (const scenario of scenarios) {
      for (const flags of scenario.once ? [["--json", "--debug"]] : [[], ["--json"], ["--debug"]]) {
        const signal = scenario.interrupted ? AbortSignal.abort() : undefined;
        const run = await runCli([...scenario.argv, ...flags], { env: { ...env, ...scenario.env }, ...(signal ? { signal } : {}) });
        const label = `${scenario.what} ${flags.join(" ")}`;
        expect(run.code, `${label}: ${run.stderr}`).toBe(scenario.exit);
        expect(leaked(run.stdout), `${label}: stdout`).toEqual([]);
        expect(leaked(run.stderr), `${label}: stderr`).toEqual([]);
        if (flags.includes("--debug") && /\n\s+at /.test(run.stderr)) debugStacks += 1;
      }
    }
    // the --debug runs of the failures did print stack traces: that output was searched too
    expect(debugStacks).toBeGreaterThanOrEqual(5);

    const files = await filesUnder(dir);
    expect(files.filter((f) => f.path.endsWith(".journal")).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => /\.report(\.undo)?\.(csv|xlsx)$/.test(f.path)).length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      if (file.path === envFile) continue;
      expect(leaked(file.text), file.path).toEqual([]);
    }
  }, 120_000);

  it("is not printed by the sandbox, which accepts it from the environment", async () => {
    const ctrlC = new AbortController();
    const running = runCli(["sandbox", "--port", "0"], { env, signal: ctrlC.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    ctrlC.abort();
    const run = await running;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`FINAN_CLIENT_ID=${CLIENT_ID}`);
    expect(run.stdout).not.toContain("FINAN_SECRET_KEY");
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it("has no flag that takes it: every command's help lists none", async () => {
    for (const command of ["template", "validate", "import", "export", "undo", "sandbox"]) {
      const help = await runCli([command, "--help"]);
      expect(help.code).toBe(0);
      const flags = help.stdout.match(/^\s+(--[\w-]+)/gm) ?? [];
      expect(flags.length, command).toBeGreaterThan(2);
      expect(flags.filter((flag) => /secret|key|password|token/i.test(flag)), command).toEqual([]);
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
