// The compact resume state: what a resumed import knows of each row of its journal, ~60 bytes a row.
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collector, usedBytes } from "../helpers/heap.js";
import { afterEach, describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { JournalWriter, readJournal } from "../../src/import/journal.js";
import type { JournalEntry, RunHeader } from "../../src/import/journal.js";
import { ResumeState } from "../../src/import/resume-state.js";

const header: RunHeader = { t: "run", version: 1, command: "import", input: "in.csv", mode: "upsert", startedAt: "2026-01-02T03:04:05.000Z" };
const payload = (code: string, name = `Nguyễn Văn ${code}`): CustomerPayload => ({ general_info: { name, customer_code: code, type: "personal" } });
const intent = (row: number, code: string, name?: string): JournalEntry => ({ t: "intent", row, op: "create", code, sent: payload(code, name) });
const done = (row: number, code: string, status: "created" | "failed" | "skipped" = "created"): JournalEntry => ({ t: "done", row, status, customerCode: code, customerId: `id-${code}` });

let dir = "";
let state: ResumeState | undefined;
afterEach(async () => {
  state?.close();
  state = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = "";
});

async function journalOf(entries: JournalEntry[]): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "finan-resume-"));
  const path = join(dir, "in.journal");
  const writer = await JournalWriter.create(path, header);
  await Promise.all(entries.map((entry) => writer.append(entry)));
  await writer.close(false);
  return path;
}

describe("ResumeState", () => {
  it("gives each row's latest result and intent, as readJournal does", async () => {
    const path = await journalOf([intent(2, "KH1"), done(2, "KH1", "failed"), intent(3, "KH2"), intent(2, "KH1", "Trần Thị Bình"), done(2, "KH1"), { t: "intent", row: 9, op: "replace", code: "", customerId: "id-9", sent: payload("") }]);
    state = ResumeState.read(path);
    const full = readJournal(path);
    expect(state.header).toEqual(header);
    expect(state.size).toBe(3);
    for (const key of ["code:KH1", "code:KH2", "#9", "code:KH3"]) {
      expect(state.done(key)).toEqual(full.done.get(key));
      expect(state.intent(key)).toEqual(full.intents.get(key));
    }
  });

  it("tells a row edited since it was sent by a fingerprint of its payload", async () => {
    const path = await journalOf([intent(2, "KH1"), done(2, "KH1"), { t: "intent", row: 3, op: "delete", code: "KH2", customerId: "id-KH2", sent: null }]);
    state = ResumeState.read(path);
    expect(state.sentOtherThan("code:KH1", payload("KH1"))).toBe(false);
    expect(state.sentOtherThan("code:KH1", payload("KH1", "Nguyễn Văn KH1 "))).toBe(true);
    expect(state.sentOtherThan("code:KH1", { general_info: { customer_code: "KH1", name: "Nguyễn Văn KH1", type: "personal" } } as CustomerPayload)).toBe(true);
    // nothing sent (a delete), or no intent at all: nothing to compare
    expect(state.sentOtherThan("code:KH2", payload("KH2"))).toBe(false);
    expect(state.sentOtherThan("code:KH9", payload("KH9"))).toBe(false);
  });

  it("lists written rows the file no longer has, in the order they finished", async () => {
    const path = await journalOf([done(2, "KH1"), done(3, "KH2"), done(4, "KH3", "failed"), done(5, "KH4"), done(2, "KH1")]);
    state = ResumeState.read(path);
    state.markSeen("code:KH4");
    state.markSeen("code:KH99");
    expect([...state.goneSinceSent()].map((result) => result.customerCode)).toEqual(["KH2", "KH1"]);
  });

  it("ignores a torn last line and reads a journal appended to after it was read", async () => {
    const path = await journalOf([intent(2, "KH1"), done(2, "KH1")]);
    await appendFile(path, '{"t":"done","row":3,"status":"crea');
    state = ResumeState.read(path);
    expect(state.done("code:KH3")).toBeUndefined();
    await appendFile(path, "\n" + JSON.stringify(done(7, "KH7")) + "\n");
    expect(state.done("code:KH1")).toMatchObject({ row: 2, status: "created" });
  });

  it("keeps 9,000 rows apart through probe collisions and four growths, long lines and Vietnamese codes included", async () => {
    const count = 9_000;
    const code = (i: number) => (i % 3 === 0 ? `KH-Đà-${i}` : `KH${i}`);
    const entries: JournalEntry[] = [];
    for (let i = 0; i < count; i++) entries.push(intent(i + 2, code(i), i === 7 ? "x".repeat(20_000) : undefined), done(i + 2, code(i), i % 5 === 0 ? "failed" : "created"));
    const path = await journalOf(entries);
    state = ResumeState.read(path);
    expect(state.size).toBe(count);
    for (const i of [0, 1, 7, 1023, 1024, 4097, 8_191, count - 1]) {
      expect(state.done(`code:${code(i)}`)).toMatchObject({ row: i + 2, customerCode: code(i), status: i % 5 === 0 ? "failed" : "created" });
      expect(state.sentOtherThan(`code:${code(i)}`, payload(code(i), i === 7 ? "x".repeat(20_000) : undefined))).toBe(false);
    }
    expect(state.done("code:KH9000")).toBeUndefined();
  });

  it("holds 20,000 rows in under 150 bytes each, not their entries", async () => {
    dir = await mkdtemp(join(tmpdir(), "finan-resume-"));
    const path = join(dir, "big.journal");
    const count = 20_000;
    await writeBigJournal(path, count);
    const gc = collector();
    // a first read warms the code up and stays alive: nothing is freed between the two measures
    const first = ResumeState.read(path);
    gc();
    gc();
    const before = usedBytes();
    state = ResumeState.read(path);
    gc();
    gc();
    const perRow = (usedBytes() - before) / count;
    first.close();
    // readJournal's Maps of entries hold ~670 bytes a row; here 111, most of it the arena's first 1 MiB page and arrays doubled ahead
    expect(perRow).toBeGreaterThan(0);
    expect(perRow).toBeLessThan(150);
    expect(state.done(`code:KH${count - 1}`)).toMatchObject({ row: count + 1 });
  });
});

/** A realistic journal: each intent holds the payload sent, a few hundred bytes. */
async function writeBigJournal(path: string, count: number): Promise<void> {
  const lines = [JSON.stringify(header)];
  const sent = (i: number) => ({ ...payload(`KH${i}`), address: { address: `${i} Lê Lợi`, province: "Hồ Chí Minh", district: "Quận 1" }, bank_accounts: [{ account_number: `0${i}`.padStart(15, "0"), bank_code: "203" }] });
  for (let i = 0; i < count; i++) lines.push(JSON.stringify({ t: "intent", row: i + 2, op: "create", code: `KH${i}`, sent: sent(i) }), JSON.stringify(done(i + 2, `KH${i}`)));
  await writeFile(path, lines.join("\n") + "\n");
}
