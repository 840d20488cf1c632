import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collector, usedBytes } from "../helpers/heap.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ListedCustomer } from "../../src/api/list-entries.js";
import { msg } from "../../src/i18n/text.js";
import { Ledger } from "../../src/export/ledger.js";

const STARTED = Date.parse("2026-12-06T10:00:00Z");
const uuid = (i: number) => `${i.toString(16).padStart(8, "0")}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, "0")}`;
const summary = (i: number, name = `Nguyễn Thị Ánh ${i}`, extra: Partial<ListedCustomer> = {}): ListedCustomer => ({
  customer_id: uuid(i),
  general_info: { name, customer_code: `KH${String(i).padStart(6, "0")}`, type: i % 2 ? "company" : "personal" },
  created_at: "2026-01-01T00:00:00Z",
  ...extra,
});
const fetched = (seq: number, extra: Partial<Parameters<Ledger["notedFetched"]>[1]> = {}) => ({ createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z", widths: { contacts: 1, banks: 2 }, oddities: [], otherType: false, seq, ...extra });

describe("Ledger", () => {
  let folder: string;
  let ledger: Ledger;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "finan-bulk-ledger-"));
    ledger = new Ledger(folder, STARTED, undefined);
  });
  afterEach(async () => {
    ledger.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("numbers customers in first-listed order and gives back their latest summary, Vietnamese and odd ids included", () => {
    const odd = { ...summary(3), customer_id: "not-a-uuid Ư" };
    for (const customer of [summary(1), summary(2), odd]) ledger.add(customer, 1);
    ledger.relist(1, summary(2, "Trần Văn Đức"), 2);
    expect([uuid(1), uuid(2), "not-a-uuid Ư"].map((id) => ledger.indexOf(id))).toEqual([0, 1, 2]);
    expect(ledger.indexOf(uuid(4))).toBeUndefined();
    expect(ledger.customerId(2)).toBe("not-a-uuid Ư");
    expect(ledger.summary(1).general_info.name).toBe("Trần Văn Đức");
    expect(ledger.summary(0)).toEqual(summary(1));
    expect([ledger.listedIn(0, 1), ledger.listedIn(1, 2), ledger.firstPass(1)]).toEqual([true, true, 1]);
  });

  it("asks for a refetch only when a fetched customer's code, name or type changed", () => {
    ledger.add(summary(1), 1);
    ledger.add(summary(2), 1);
    expect(ledger.relist(0, summary(1, "Renamed"), 2)).toBe(false); // never fetched: the first fetch will have it
    ledger.notedFetched(1, fetched(0));
    expect(ledger.relist(1, summary(2), 2)).toBe(false);
    expect(ledger.relist(1, summary(2, undefined, { created_at: "2026-02-01T00:00:00Z" }), 3)).toBe(false);
    expect(ledger.relist(1, { ...summary(2), general_info: { ...summary(2).general_info, type: "company" } }, 4)).toBe(true);
  });

  it("keeps what a fetch told: the spool place, group widths, times against the start, odd fields", () => {
    ledger.add(summary(1, undefined, { created_at: "2026-12-06T11:00:00Z" }), 1);
    ledger.add(summary(2, undefined, { oddities: [msg("api.odd.text")] }), 2);
    expect(ledger.seq(0)).toBeUndefined();
    expect(ledger.times(0)).toEqual({ created: "after", updated: "absent" });
    ledger.notedFetched(0, fetched(7, { createdAt: "2026-01-01 00:00:00", updatedAt: "2026-12-06T10:00:01Z" }));
    expect([ledger.seq(0), ledger.widths(0)]).toEqual([7, { contacts: 1, banks: 2 }]);
    expect(ledger.times(0)).toEqual({ created: "unplaced", updated: "after" });
    ledger.notedFetched(1, fetched(8, { createdAt: undefined, oddities: [msg("api.odd.text"), msg("api.odd.text")] }));
    expect(ledger.times(1)).toEqual({ created: "before", updated: "before" });
    expect(ledger.oddityCount(1)).toBe(3);
    expect(ledger.oddities(1)).toEqual([msg("api.odd.text"), msg("api.odd.text"), msg("api.odd.text")]);
  });

  it("keeps flags apart per customer", () => {
    for (let i = 0; i < 3; i++) ledger.add(summary(i), 1);
    ledger.setNotFound(1, true);
    ledger.setDeleted(2, true);
    ledger.setOtherType(0, true);
    expect([0, 1, 2].map((i) => [ledger.isNotFound(i), ledger.isDeleted(i), ledger.isOtherType(i)])).toEqual([[false, false, true], [true, false, false], [false, true, false]]);
    ledger.notedFetched(1, fetched(0));
    expect(ledger.isNotFound(1)).toBe(false);
  });

  it("tells whether the latest listing shows the --type asked", async () => {
    const typed = new Ledger(await mkdtemp(join(folder, "typed-")), STARTED, "company");
    try {
      typed.add(summary(1), 1);
      typed.add({ ...summary(2), general_info: { ...summary(2).general_info, type: " Personal " } }, 1);
      expect([typed.listedAsType(0), typed.listedAsType(1)]).toEqual([true, false]);
      typed.relist(1, { ...summary(2), general_info: { ...summary(2).general_info, type: "COMPANY" } }, 2);
      expect(typed.listedAsType(1)).toBe(true);
    } finally {
      typed.close();
    }
  });

  it("holds 32,000 customers in under 150 bytes each (73 here), summaries on disk in a private file", async () => {
    const gc = collector();
    const count = 32_000;
    const fill = (from: number, to: number) => {
      for (let i = from; i < to; i++) ledger.add(summary(i), 1);
      for (let i = from; i < to; i++) ledger.notedFetched(i, fetched(i));
    };
    // the first 2,000 warm up the code and the growable arrays; the rest is what a customer costs
    fill(0, 2_000);
    gc();
    gc();
    const before = usedBytes();
    fill(2_000, count);
    gc();
    gc();
    const perCustomer = (usedBytes() - before) / (count - 2_000);
    // a Map of entry objects with their summaries took ~500 bytes a customer (heap snapshot of a 100,000-customer export)
    expect(perCustomer).toBeGreaterThan(0);
    expect(perCustomer).toBeLessThan(150);
    expect(ledger.summary(count - 1)).toEqual(summary(count - 1));
    expect(ledger.indexOf(uuid(23_456))).toBe(23_456);
    expect((await stat(join(folder, "summaries.jsonl"))).mode & 0o777).toBe(0o600);
  });
});
