// npm run demo: the whole journey against a local sandbox, on a fresh clone, with no setup.
// Starts the sandbox on a free loopback port, validates and imports samples/customers.xlsx,
// imports it again (everything replaced, nothing duplicated), exports to out/, and says where.
// `npm run demo -- --lang vi` (or a Vietnamese locale) runs it in Vietnamese, commands and all.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";
import { main } from "../dist/cli.js";
import { langFromArgv, langFromEnv } from "../dist/i18n/lang.js";
import { t } from "../dist/i18n/text.js";
import { startSandbox } from "../dist/sandbox/server.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "out");
// The reports go to out/; an export needs its folder to exist too, or --mkdir (as step 4 shows).
mkdirSync(out, { recursive: true });
// Each demo starts afresh against a new sandbox: its own earlier files in out/ (customers.* and their
// fingerprints, journals and locks) go first, since the tool refuses to overwrite a report it did not
// write (an earlier version's demo wrote no fingerprint). Nothing else in out/ is touched.
for (const name of readdirSync(out)) if (name.replace(/^\./, "").startsWith("customers.")) rmSync(join(out, name), { force: true });
const sample = join(root, "samples", "customers.xlsx");
const report = join(out, "customers.report.xlsx");

const sandbox = await startSandbox({ port: 0 });
const env = { ...process.env, FINAN_BASE_URL: sandbox.url, FINAN_CLIENT_ID: sandbox.clientId, FINAN_SECRET_KEY: sandbox.secretKey };
const io = { stdout: process.stdout, stderr: process.stderr, env, cwd: root, isTTY: Boolean(process.stderr.isTTY), color: false, signal: new AbortController().signal, now: Date.now };
const rel = (path) => relative(process.cwd(), path) || ".";
const lang = langFromArgv(process.argv.slice(2)) ?? langFromEnv(process.env);
// each command is shown as a person would type it: --lang vi where the demo speaks Vietnamese
const said = lang === "en" ? [] : ["--lang", lang];

async function step(title, argv) {
  const shown = [...argv, ...said];
  console.error(`\n── ${t(lang, title)}\n$ finan-bulk ${shown.map((a) => (a.startsWith("/") ? rel(a) : a)).join(" ")}`);
  const code = await main(shown, io);
  console.error(t(lang, "demo.exit", { code }));
  return code;
}

let failed = false;
try {
  console.error(t(lang, "demo.sandbox", { url: sandbox.url }));
  failed ||= (await step("demo.validate", ["validate", sample, "--report", join(out, "customers.validate.xlsx")])) !== 0;
  failed ||= (await step("demo.import", ["import", sample, "--report", report, "--rate", "50", "--concurrency", "8"])) !== 0;
  failed ||= (await step("demo.reimport", ["import", sample, "--report", report, "--rate", "50", "--concurrency", "8"])) !== 0;
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  console.error(`   ${t(lang, "demo.holds", { customers: codes.length, codes: new Set(codes).size })}`);
  failed ||= (await step("demo.exportXlsx", ["export", join(out, "customers.xlsx"), "--mkdir", "--rate", "50", "--concurrency", "8"])) !== 0;
  failed ||= (await step("demo.exportCsv", ["export", join(out, "customers.csv"), "--mkdir", "--rate", "50", "--concurrency", "8"])) !== 0;
  console.error(`\n${t(lang, "demo.where", { report: rel(report), exports: `${rel(join(out, "customers.xlsx"))}, ${rel(join(out, "customers.csv"))}` })}`);
} finally {
  await sandbox.close();
}
process.exitCode = failed ? 1 : 0;
