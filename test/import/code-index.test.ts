// The code index on a fake client: unknown outcomes are confirmed together, one listing for a batch.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CodeIndex } from "../../src/import/code-index.js";
import { apiError, fakeClient, noWaitPacer } from "../helpers/fake-client.js";
import type { FakeClient } from "../helpers/fake-client.js";

const person = (code: string) => ({ general_info: { name: `Khách ${code}`, customer_code: code, type: "personal" as const } });
const listings = (fake: FakeClient) => fake.calls.filter((call) => call === "list 1").length;
/** lets every promise that can settle now settle */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("CodeIndex.confirm", () => {
  it("holds confirmations until flush(), then answers them all from one listing", async () => {
    const fake = fakeClient();
    const index = new CodeIndex(fake.client, noWaitPacer());
    const ids = ["KH1", "KH2", "KH3"].map((code) => fake.insert(person(code)));
    const answers = Promise.all(["KH1", "KH2", "KH9"].map((code) => index.confirm(code)));
    await settle();
    expect(listings(fake)).toBe(0);
    index.flush();
    expect(await answers).toEqual([ids[0], ids[1], undefined]);
    expect(listings(fake)).toBe(1);
  });

  it("without flush(), lists once after 10 s for every confirmation that came in meanwhile", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fake = fakeClient();
    const index = new CodeIndex(fake.client, noWaitPacer());
    const id = fake.insert(person("KH1"));
    const first = index.confirm("KH1");
    await vi.advanceTimersByTimeAsync(9_000);
    const second = index.confirm("KH2");
    expect(listings(fake)).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await Promise.all([first, second])).toEqual([id, undefined]);
    expect(listings(fake)).toBe(1);
  });

  it("lists at once when 256 are waiting, without waiting for the timer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fake = fakeClient();
    const index = new CodeIndex(fake.client, noWaitPacer());
    const codes = Array.from({ length: 256 }, (_, i) => `KH${i}`);
    const answers = Promise.all(codes.map((code) => index.confirm(code)));
    await answers;
    expect(listings(fake)).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("confirms at once while eager (nothing else can go on)", async () => {
    const fake = fakeClient();
    const index = new CodeIndex(fake.client, noWaitPacer());
    const id = fake.insert(person("KH1"));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    index.eager = true;
    const answer = index.confirm("KH1");
    await settle();
    expect(listings(fake)).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(await answer).toBe(id);
  });

  it("a listing that fails fails every confirmation of its batch, and the next batch lists again", async () => {
    let down = true;
    const fake = fakeClient({ list: () => {
      if (down) throw apiError("rejected", "GET", 400, 104000, "page_size is invalid");
    } });
    const index = new CodeIndex(fake.client, noWaitPacer());
    const batch = [index.confirm("KH1"), index.confirm("KH2")].map((p) => p.then(() => "answered", (error: unknown) => error));
    index.flush();
    for (const outcome of await Promise.all(batch)) expect(outcome).toMatchObject({ message: expect.stringContaining("page_size is invalid") });
    down = false;
    const id = fake.insert(person("KH1"));
    index.eager = true;
    expect(await index.confirm("KH1")).toBe(id);
  });
});

describe("CodeIndex.lookup", () => {
  it("asked while a listing runs, waits for the next one: the listing under way may have passed the code", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeClient();
    const listPage = fake.client.listPage;
    let calls = 0;
    fake.client.listPage = async (page, size) => {
      calls += 1;
      const answer = await listPage(page, size);
      // the first listing read its page before KH1 existed, and is slow to finish
      if (calls === 1) await held;
      return answer;
    };
    const index = new CodeIndex(fake.client, noWaitPacer());
    const loading = index.load();
    await settle();
    const found = index.lookup("KH1");
    const id = fake.insert(person("KH1"));
    release();
    await loading;
    expect(index.get("KH1")).toBeUndefined();
    expect(await found).toBe(id);
    expect(calls).toBe(2);
  });

  it("keeps what this run learnt: a code set while a listing passed it by stays known", async () => {
    const fake = fakeClient();
    const index = new CodeIndex(fake.client, noWaitPacer());
    const id = fake.insert(person("KH1"));
    index.set("KH2", "id-created-by-this-run");
    expect(await index.lookup("KH1")).toBe(id);
    expect(index.get("KH2")).toBe("id-created-by-this-run");
  });
});
