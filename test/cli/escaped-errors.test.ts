// The last line of defence in bin.ts: an error nothing caught is one line and exit 2, not Node's
// stack trace and exit 1 (which cron would read as "some rows failed").
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MODULE = fileURLToPath(new URL("../../dist/stop-signals.js", import.meta.url));

function runEscaping(code: string, debug: boolean) {
  if (!existsSync(MODULE)) throw new Error(`${MODULE} is missing: run npm run build (npm test does it)`);
  const script = `import { reportEscapedErrors } from ${JSON.stringify(MODULE)}; reportEscapedErrors(${debug}); ${code}`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 20_000 });
}

describe("reportEscapedErrors", () => {
  it.each([
    ["an unhandled rejection", "Promise.reject(new Error('the journal went away'));"],
    ["an uncaught exception", "setTimeout(() => { throw new Error('the journal went away'); }, 0);"],
  ])("turns %s into one line and exit 2", (_kind, code) => {
    const run = runEscaping(code, false);
    expect(run.stderr).toBe("finan-bulk: internal error: the journal went away\n  → This is a defect in finan-bulk: please report it with the command you ran (--debug shows where it happened).\n");
    expect(run.status).toBe(2);
  });

  it("shows where it happened with --debug", () => {
    const run = runEscaping("Promise.reject(new Error('the journal went away'));", true);
    expect(run.stderr).toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
  });
});
