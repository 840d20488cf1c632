// Issue #16's promise: with --lang vi, nothing the tool prints is an English sentence — on the
// samples, the mistakes sample, a failing server, bad credentials and a bad file.
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness } from "../helpers/cli.js";
import type { Harness } from "../helpers/cli.js";

// Words of English sentences; none of them is a Vietnamese word, a flag or a field name.
const ENGLISH = /\b(?:the|is|are|was|were|cannot|could|would|will|with|and|of|for|this|that|your|you|please|row|rows|column|columns|file|files|not|no|run|from|into|has|have|been|created|replaced|skipped|failed|invalid|report|requests?|seconds?|customers?|warning|error|missing|unknown|expected|found|written|wrote|read|done|try|again|check|only|use|usage|options?|commands?|show|help|version|default|required|interrupted|stopped|waiting|retry|retrying|server|credentials|rejected|already|exists|more|than|each|per)\b/i;

/** A line without what is quoted from a file or a server, paths, flags, field names, URLs and numbers. */
function sentenceOf(line: string): string {
  return line
    .replace(/"[^"]*"|“[^”]*”|'[^']*'|`[^`]*`/g, " ") // values quoted from the user's file or a server
    .replace(/"[^"]*$/, " ") // a quoted example that help wraps onto the next line
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/<[^>\s]+>/g, " ") // placeholders of a usage line: <file>, <report>
    .replace(/^\s+[a-z]+\s{2,}/, " ") // a positional's name in help: "  file  Tệp .csv …"
    .replace(/(?:^|[^\w-])--?[a-z][\w-]*(?:[= ]<?[\w.,-]+>?)?/gi, " ") // flags and their values
    .replace(/\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b/g, " ") // HTTP header names: Retry-After
    .replace(/\S+,\S+/g, " ") // a list of machine words: failed,invalid
    .replace(/\S*[/\\]\S*/g, " ") // paths
    .replace(/\S*\.(?:csv|xlsx|json|env|report|check|undo|dry-run)\b\S*/gi, " ") // file names
    .replace(/\b[a-z]+(?:[_.][a-z0-9]+)+\b/gi, " ") // customer_code, general_info.name, E_CODES
    .replace(/\bfinan-bulk\b/g, " ");
}

function englishLines(output: string): string[] {
  return output.split("\n").filter((line) => ENGLISH.test(sentenceOf(line)));
}

const VI = ["--lang", "vi"];

describe("every command with --lang vi", { timeout: 120_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    for (const sample of ["customers.csv", "customers.xlsx", "customers-with-mistakes.xlsx"]) copyFileSync(join("samples", sample), join(h.dir, sample));
    writeFileSync(join(h.dir, "renamed.xlsx"), "customer_code,name,type\nA1,An,personal\n");
  });
  afterAll(() => h.close());

  const says = async (argv: string[], env: Record<string, string> = {}) => {
    const run = await h.run([...argv, ...VI], { env });
    const printed = `${run.stderr}\n${run.stdout}`;
    expect(printed.trim(), argv.join(" ")).not.toBe("");
    expect(englishLines(printed), `${argv.join(" ")} printed:\n${printed}`).toEqual([]);
    return run;
  };

  it("help, an unknown flag and a missing argument", async () => {
    await says(["--help"]);
    await says(["import", "--help"]);
    await says(["export", "--help"]);
    await says(["import", "customers.csv", "--dry-rn"]);
    await says(["validate"]);
  });

  it("template, validate (the samples and the mistakes sample), a bad file", async () => {
    await says(["template", "mau.xlsx"]);
    await says(["template", "mau.csv"]);
    await says(["validate", "customers.csv"]);
    await says(["validate", "customers.xlsx"]);
    await says(["validate", "customers-with-mistakes.xlsx"]);
    await says(["validate", "renamed.xlsx"]);
    await says(["validate", "missing.csv"]);
  });

  it("import, its re-run, a dry run, export, runs and undo", async () => {
    await says(["import", "customers.csv", "--dry-run", "--rate", "0"]);
    await says(["import", "customers.csv", "--rate", "0"]);
    await says(["import", "customers-with-mistakes.xlsx", "--rate", "0"]);
    await says(["import", "customers.csv", "--rate", "0", "--mode", "create", "--report", "again.report.csv"]);
    await says(["export", "out.xlsx", "--rate", "0"]);
    await says(["export", "out.csv", "--rate", "0"]);
    await says(["runs", "customers.report.csv"]);
    await says(["undo", "customers.report.csv", "--dry-run", "--rate", "0"]);
    await says(["undo", "customers.report.csv", "--rate", "0"]);
  });

  it("update, and delete: without --allow-delete, its dry run, the run and its undo", async () => {
    await says(["import", "customers.csv", "--rate", "0", "--report", "seed.report.csv"]);
    await says(["import", "customers.csv", "--rate", "0", "--mode", "update", "--report", "update.report.csv"]);
    await says(["import", "customers.csv", "--rate", "0", "--mode", "delete", "--report", "refused.report.csv"]);
    await says(["import", "customers.csv", "--rate", "0", "--mode", "delete", "--allow-delete", "--dry-run"]);
    await says(["import", "customers.csv", "--rate", "0", "--mode", "delete", "--allow-delete", "--report", "gone.report.csv"]);
    await says(["undo", "gone.report.csv", "--rate", "0"]);
  });

  it("a failing server and rejected credentials", async () => {
    h.sandbox.setFaults({ failRate: 1 });
    try {
      await says(["import", "customers.csv", "--rate", "0", "--retries", "1", "--report", "failing.report.csv"]);
      await says(["export", "failing.xlsx", "--rate", "0", "--retries", "1"]);
    } finally {
      h.sandbox.setFaults({ failRate: 0 });
    }
    await says(["import", "customers.csv", "--rate", "0", "--report", "auth.report.csv"], { FINAN_SECRET_KEY: "wrong-secret" });
    await says(["export", "auth.xlsx"], { FINAN_SECRET_KEY: "wrong-secret" });
  });

  it("other programs' files: recognised, stopped on MISA's flag, --default, --save-columns, export --profile", async () => {
    for (const sample of ["kiotviet-khach-hang.xlsx", "misa-sme-khach-hang.xlsx"]) copyFileSync(join("samples", sample), join(h.dir, sample));
    await says(["validate", "kiotviet-khach-hang.xlsx", "--save-columns", "kiotviet.json"]);
    await says(["validate", "misa-sme-khach-hang.xlsx"]);
    await says(["validate", "misa-sme-khach-hang.xlsx", "--default", "type=company", "--report", "misa.check.csv"]);
    await says(["validate", "kiotviet-khach-hang.xlsx", "--default", "mau=do"]);
    await says(["export", "misa.csv", "--profile", "misa", "--rate", "0"]);
    await says(["export", "kiotviet.csv", "--profile", "kiotviet", "--columns", "Name"]);
  });
});

describe("--json under --lang vi", { timeout: 120_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    copyFileSync(join("samples", "customers-with-mistakes.xlsx"), join(h.dir, "mistakes.xlsx"));
    copyFileSync(join("samples", "customers.csv"), join(h.dir, "customers.csv"));
  });
  afterAll(() => h.close());

  // Vietnamese letters a machine-read English object must not hold (file names here have none)
  const VIETNAMESE = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

  it.each([
    ["validate with mistakes", ["validate", "mistakes.xlsx"], {}],
    ["import with rejected credentials", ["import", "customers.csv", "--rate", "0"], { FINAN_SECRET_KEY: "wrong-secret" }],
    ["an unknown flag", ["import", "customers.csv", "--dry-rn"], {}],
    ["a missing file", ["validate", "missing.csv"], {}],
  ])("stays English: %s", async (_, argv, env) => {
    const run = await h.run([...argv, "--json", "--lang", "vi"], { env });
    const object = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(JSON.stringify(object), run.stdout).not.toMatch(VIETNAMESE);
    expect(run.stderr.trim() === "" || VIETNAMESE.test(run.stderr), run.stderr).toBe(true);
  });
});

describe("the detector", () => {
  it("finds an English sentence and lets Vietnamese, quoted values, flags and file names through", () => {
    expect(englishLines("Import: 3 rows — 3 created in 0.1 s.")).toHaveLength(1);
    expect(englishLines('Dòng 3, cột "Email": "not an email" không phải email hợp lệ. Xem --help hoặc customers.report.xlsx, trường general_info.name.')).toEqual([]);
  });
});
