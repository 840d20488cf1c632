// The journal on its own: what resume and undo can trust after a crash, a damaged file or a planted link.
import { appendFile, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { JournalWriter, assertReadable, readJournal } from "../../src/import/journal.js";
import type { JournalEntry, RunHeader } from "../../src/import/journal.js";
import { msg } from "../../src/i18n/text.js";

const header: RunHeader = { t: "run", version: 1, command: "import", input: "in.csv", mode: "upsert", startedAt: "2026-01-02T03:04:05.000Z" };
const done = (row: number, code: string): JournalEntry => ({ t: "done", row, status: "created", customerCode: code, customerId: `id-${code}` });
const intent = (row: number, code: string): JournalEntry => ({ t: "intent", row, op: "create", code, sent: { general_info: { name: code, customer_code: code, type: "personal" } } });

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = "";
});

async function journalOf(entries: JournalEntry[]): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "finan-journal-"));
  const path = join(dir, "in.journal");
  const writer = await JournalWriter.create(path, header);
  // appended together, as rows finishing at once do: one write, in order
  await Promise.all(entries.map((entry) => writer.append(entry)));
  await writer.close(false);
  return path;
}

describe("the journal after a crash mid-write", () => {
  it("reads a torn last line as not written, and resume cuts it before appending, saying so in a note", async () => {
    const path = await journalOf([intent(2, "KH1"), done(2, "KH1"), intent(3, "KH2")]);
    const whole = await readFile(path, "utf8");
    await appendFile(path, '{"t":"done","row":3,"status":"crea');
    const read = readJournal(path);
    expect(read.damaged).toEqual([]);
    expect([...read.done.keys()]).toEqual(["code:KH1"]);
    expect(read.intents.has("code:KH2")).toBe(true);

    const writer = await JournalWriter.resume(path);
    await writer.append(done(3, "KH2"));
    await writer.close(true);
    const text = await readFile(path, "utf8");
    expect(text.startsWith(whole)).toBe(true);
    expect(text).not.toContain('"status":"crea"');
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as JournalEntry);
    expect(lines.slice(-3).map((entry) => entry.t)).toEqual(["note", "done", "end"]);
    expect(lines.at(-3)).toMatchObject({ t: "note", text: expect.stringMatching(/cut a torn last line \(\d+ bytes\)/) });
    const after = readJournal(path);
    expect(after).toMatchObject({ damaged: [], finished: true });
    expect([...after.done.keys()]).toEqual(["code:KH1", "code:KH2"]);
  });

  it("resumes a whole journal without cutting anything or adding a note", async () => {
    const path = await journalOf([done(2, "KH1")]);
    const before = await readFile(path, "utf8");
    const writer = await JournalWriter.resume(path);
    await writer.close(false);
    expect(await readFile(path, "utf8")).toBe(before);
  });
});

describe("a journal damaged in the middle", () => {
  it("reports the damaged line by its number, reads the lines around it, and refuses to go on", async () => {
    const path = await journalOf([done(2, "KH1"), done(3, "KH2")]);
    const lines = (await readFile(path, "utf8")).split("\n");
    lines[1] = "%%% not json %%%";
    await writeFile(path, lines.join("\n"));
    const read = readJournal(path);
    expect(read.damaged).toEqual([2]);
    expect(read.header).toEqual(header);
    expect([...read.done.keys()]).toEqual(["code:KH2"]);
    let error: unknown;
    try {
      assertReadable(path, read, msg("import.journal.moveAside"));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toMatchObject({ code: "E_JOURNAL", message: `The journal ${path} is damaged at line 2.`, hint: expect.stringContaining("Move it aside to start a new run") });
  });

  it("keeps a whole entry that an older version appended after a torn line", async () => {
    const path = await journalOf([]);
    await appendFile(path, `{"t":"done","row":2,"sta${JSON.stringify(done(3, "KH2"))}\n${JSON.stringify(done(4, "KH3"))}\n`);
    const read = readJournal(path);
    expect(read.damaged).toEqual([2]);
    expect([...read.done.keys()]).toEqual(["code:KH2", "code:KH3"]);
  });
});

describe("a link planted at the journal's name", () => {
  it.each(["create", "resume"] as const)("%s refuses it, and the file it points at is left as it was", async (how) => {
    dir = await mkdtemp(join(tmpdir(), "finan-journal-"));
    const target = join(dir, "precious.txt");
    await writeFile(target, "do not touch\n");
    const path = join(dir, "in.journal");
    await symlink(target, path);
    const opening = how === "create" ? JournalWriter.create(path, header) : JournalWriter.resume(path);
    await expect(opening).rejects.toMatchObject({ code: "E_JOURNAL", message: expect.stringContaining(path) });
    expect(await readFile(target, "utf8")).toBe("do not touch\n");
  });

  it("a new journal is readable by its owner only: it holds personal data", async () => {
    const path = await journalOf([done(2, "KH1")]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe("a long journal", () => {
  // 3,000 rows of Vietnamese names: past the 1 MiB read chunk, a multi-byte character cut at its edge
  const rows = Array.from({ length: 3_000 }, (_, i) => i + 2);
  const named = (row: number): JournalEntry => ({ t: "intent", row, op: "create", code: `KH${row}`, sent: { general_info: { name: `Nguyễn Thị Hồng Nhung ${"ữ".repeat(row % 300)}`, customer_code: `KH${row}`, type: "personal" } } });

  it("reads every entry as written, and resume cuts a torn last line found from the end", async () => {
    const path = await journalOf(rows.flatMap((row) => [named(row), done(row, `KH${row}`)]));
    expect((await stat(path)).size).toBeGreaterThan(1 << 20);
    await appendFile(path, '{"t":"done","row":9,"status":"crea');
    const read = readJournal(path);
    expect(read.damaged).toEqual([]);
    expect(read.done.size).toBe(3_000);
    expect(read.intents.get("code:KH2999")).toEqual(named(2999));
    const writer = await JournalWriter.resume(path);
    await writer.close(false);
    expect(await readFile(path, "utf8")).toMatch(/"t":"note".*torn last line \(34 bytes\)/);
  });

  it("read for its header alone, says whether the run finished and which lines are damaged, and keeps no rows", async () => {
    const path = await journalOf(rows.map((row) => done(row, `KH${row}`)));
    await appendFile(path, 'not json\n{"t":"end","finishedAt":"2026-01-02T04:00:00.000Z"}\n');
    const head = readJournal(path, { entries: false });
    expect(head).toMatchObject({ header, finished: true, damaged: [3_002] });
    expect(head.done.size + head.intents.size).toBe(0);
  });
});
