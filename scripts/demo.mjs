// npm run demo: the whole journey against a local sandbox, on a fresh clone, with no setup.
// Starts the sandbox on a free loopback port, validates and imports samples/customers.xlsx,
// imports it again (everything replaced, nothing duplicated), exports to out/, and says where.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";
import { main } from "../dist/cli.js";
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

async function step(title, argv) {
  console.error(`\n── ${title}\n$ finan-bulk ${argv.map((a) => (a.startsWith("/") ? rel(a) : a)).join(" ")}`);
  const code = await main(argv, io);
  console.error(`(exit ${code})`);
  return code;
}

let failed = false;
try {
  console.error(`Sandbox (local emulator of the Finan Customers API) on ${sandbox.url}`);
  failed ||= (await step("1. Validate the sample: no network", ["validate", sample, "--report", join(out, "customers.validate.xlsx")])) !== 0;
  failed ||= (await step("2. Import it: every customer is created", ["import", sample, "--report", report, "--rate", "50", "--concurrency", "8"])) !== 0;
  failed ||= (await step("3. Import it again: every customer is replaced, none duplicated", ["import", sample, "--report", report, "--rate", "50", "--concurrency", "8"])) !== 0;
  const codes = sandbox.store.list().map((c) => c.general_info.customer_code);
  console.error(`   The sandbox holds ${codes.length} customers, ${new Set(codes).size} distinct codes.`);
  failed ||= (await step("4. Export to Excel (--mkdir creates the folder if it is missing; without it, a missing folder is an error)", ["export", join(out, "customers.xlsx"), "--mkdir", "--rate", "50", "--concurrency", "8"])) !== 0;
  failed ||= (await step("5. Export to CSV (UTF-8 with BOM, safe to open in Excel)", ["export", join(out, "customers.csv"), "--mkdir", "--rate", "50", "--concurrency", "8"])) !== 0;
  console.error(`\nReport of the import: ${rel(report)}\nExports: ${rel(join(out, "customers.xlsx"))}, ${rel(join(out, "customers.csv"))}`);
} finally {
  await sandbox.close();
}
process.exitCode = failed ? 1 : 0;
