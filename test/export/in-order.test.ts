import { describe, expect, it } from "vitest";
import { mapInOrder } from "../../src/export/in-order.js";

async function* numbers(count: number, pulled: number[] = []): AsyncGenerator<number> {
  for (let n = 1; n <= count; n += 1) {
    pulled.push(n);
    yield n;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("mapInOrder", () => {
  it("yields results in the source's order although later work finishes first", async () => {
    const results: number[] = [];
    // Each item takes longer the earlier it is, so completion order is reversed.
    for await (const value of mapInOrder(numbers(8), async (n) => (await delay((9 - n) * 3), n * 10), 4)) results.push(value);
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it("never has more than `ahead` items started and not yet yielded", async () => {
    let started = 0;
    let yielded = 0;
    let mostAhead = 0;
    const work = async (n: number) => {
      started += 1;
      mostAhead = Math.max(mostAhead, started - yielded);
      await delay(1);
      return n;
    };
    for await (const _ of mapInOrder(numbers(100), work, 5)) yielded += 1;
    expect(yielded).toBe(100);
    expect(mostAhead).toBeLessThanOrEqual(5);
  });

  it("pulls the source lazily, so a long source is not read into memory", async () => {
    const pulled: number[] = [];
    const iterator = mapInOrder(numbers(1000, pulled), async (n) => n, 3);
    await iterator.next();
    expect(pulled.length).toBeLessThanOrEqual(4);
    await iterator.return(undefined);
  });

  it("throws the first failure when its turn comes, after the results before it", async () => {
    const results: number[] = [];
    const work = async (n: number) => {
      await delay(n === 3 ? 1 : 5);
      if (n === 3 || n === 5) throw new Error(`item ${n} failed`);
      return n;
    };
    await expect(async () => {
      for await (const value of mapInOrder(numbers(10), work, 4)) results.push(value);
    }).rejects.toThrow("item 3 failed");
    expect(results).toEqual([1, 2]);
  });

  it("leaves no unhandled rejection behind when several items fail", async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const failing = async (n: number) => {
        await delay(1);
        throw new Error(`item ${n}`);
      };
      await expect(async () => {
        for await (const _ of mapInOrder(numbers(6), failing, 6)) {
          // nothing arrives
        }
      }).rejects.toThrow("item 1");
      await delay(20);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });
});
