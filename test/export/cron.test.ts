// The README's cron line, run the way cron runs it: /bin/sh -c, env -i with the crontab's variables, in HOME, `\%` unescaped.
import { spawn } from "node:child_process";
import { chmod, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { personal } from "../helpers/sandbox.js";
import { BIN, setup } from "../helpers/cli.js";

const README = fileURLToPath(new URL("../../README.md", import.meta.url));

/** The first crontab block of the README: its variables and its first job's command. */
async function cronJob(): Promise<{ variables: Record<string, string>; command: string }> {
  const text = await readFile(README, "utf8");
  const block = /```crontab\n([\s\S]*?)```/.exec(text)?.[1];
  if (block === undefined) throw new Error("README.md has no crontab block");
  const variables: Record<string, string> = {};
  for (const line of block.split("\n")) {
    const assignment = /^([A-Z_]+)=(.*)$/.exec(line);
    if (assignment) variables[assignment[1] as string] = assignment[2] as string;
    const job = /^(?:\S+\s+){5}(.*)$/.exec(line);
    if (job && !assignment && !line.startsWith("#")) return { variables, command: asCron(job[1] as string) };
  }
  throw new Error("README.md's crontab block has no job");
}

/** crontab(5): an unescaped % ends the command (the rest is its stdin), and \% is a %. */
function asCron(field: string): string {
  const end = field.search(/(?<!\\)%/);
  return (end < 0 ? field : field.slice(0, end)).replace(/\\%/g, "%");
}

function runAsCron(command: string, env: Record<string, string>, home: string): Promise<{ code: number | null; stderr: string }> {
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const child = spawn("/usr/bin/env", ["-i", ...assignments, "/bin/sh", "-c", command], { cwd: home, stdio: ["ignore", "ignore", "pipe"] });
  const err: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr: Buffer.concat(err).toString("utf8") }));
  });
}

describe("the README's cron line", () => {
  it("exports a dated file, the state and a JSON log line; with the API down it exits 2 and overwrites nothing", async () => {
    const { sandbox, dir: home } = await setup();
    sandbox.store.insert(personal("KH2"), new Date().toISOString());
    sandbox.store.insert(personal("KH1"), new Date().toISOString());
    const { variables, command } = await cronJob();
    // finan-bulk "installed" in a folder of its own, put before the crontab's PATH
    await mkdir(join(home, "bin"));
    await writeFile(join(home, "bin", "finan-bulk"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const work = join(home, "finan");
    await mkdir(join(work, "exports"), { recursive: true });
    await mkdir(join(work, "logs"));
    await writeFile(join(work, "finan.env"), `FINAN_BASE_URL=${sandbox.url}\nFINAN_CLIENT_ID=${sandbox.clientId}\nFINAN_SECRET_KEY=${sandbox.secretKey}\n`, { mode: 0o600 });
    await chmod(join(work, "finan.env"), 0o600);
    const env = { ...variables, HOME: home, SHELL: "/bin/sh", LOGNAME: "cron", PATH: `${join(home, "bin")}:${variables.PATH ?? "/usr/bin:/bin"}` };

    const night = await runAsCron(command, env, home);
    expect(night.code, night.stderr).toBe(0);
    // the first night says the state is new; nothing else reaches MAILTO
    expect(night.stderr.trim()).toBe("No state yet at exports/customers.state.jsonl: every customer counts as new, and the state is written now.");
    const files = await readdir(join(work, "exports"));
    const exported = files.find((name) => /^khach-hang-\d{4}-\d{2}-\d{2}\.xlsx$/.test(name));
    expect(exported, files.join(", ")).toBeDefined();
    expect(files).toEqual(expect.arrayContaining([`${exported}.manifest.json`, "customers.state.jsonl"]));
    const logs = await readdir(join(work, "logs"));
    expect(logs).toEqual([expect.stringMatching(/^export-\d{4}-\d{2}\.jsonl$/)]);
    const line = JSON.parse((await readFile(join(work, "logs", logs[0] as string), "utf8")).trim());
    expect(line).toMatchObject({ command: "export", ok: true, customers: 2 });
    expect(JSON.stringify(line)).not.toContain(sandbox.secretKey);

    const before = { file: await readFile(join(work, "exports", exported as string)), state: await readFile(join(work, "exports", "customers.state.jsonl")) };
    await sandbox.close();
    // the same line, told not to retry: its five retries against a closed port would wait ~10 s for the same outcome
    const down = await runAsCron(command.replace(" --json", " --json --retries 0"), env, home);
    expect(command).toContain(" --json");
    expect(down.code).toBe(2);
    expect(await readFile(join(work, "exports", exported as string))).toEqual(before.file);
    expect(await readFile(join(work, "exports", "customers.state.jsonl"))).toEqual(before.state);
  }, 60_000);
});
