import { describe, expect, it } from "vitest";
import { createPacer } from "../../src/api/pacer.js";
import { pacingOptions } from "../../src/commands/options.js";
import type { NetworkArgs } from "../../src/commands/options.js";
import { VirtualClock } from "../helpers/virtual-clock.js";

/** The flags as yargs gives them: the given ones over the declared defaults. */
const withDefaults = (flags: Partial<NetworkArgs>) => ({ rate: 10, retries: 5, maxWait: 120, ...flags }) as NetworkArgs;

/** `count` requests through a pacer made from the command's flags, each answered `roundTripMs` later, on virtual time. */
async function run(flags: Partial<NetworkArgs>, count: number, roundTripMs: number) {
  const time = new VirtualClock();
  const pacer = createPacer({ ...pacingOptions(withDefaults(flags)), clock: time.now, setTimer: time.setTimer, random: () => 0.5 });
  const starts: number[] = [];
  let inFlight = 0;
  let most = 0;
  await time.run(Promise.all(Array.from({ length: count }, () => pacer.run(async () => {
    starts.push(time.now());
    most = Math.max(most, ++inFlight);
    await time.sleep(roundTripMs);
    inFlight -= 1;
  }, { idempotent: true }))));
  starts.sort((a, b) => a - b);
  /** requests started per second from the `from`th start to the last */
  const rateFrom = (from: number) => ((starts.length - 1 - from) * 1000) / ((starts.at(-1) ?? 0) - (starts[from] ?? 0));
  return { pacer, most, rateFrom };
}

describe("requests in flight", () => {
  it.each([0, 100, 300])("without --concurrency, --rate 100 is reached with round trips of %i ms", async (roundTripMs) => {
    const { rateFrom, pacer } = await run({ rate: 100 }, 500, roundTripMs);
    // past the first round trips (in flight grows as they are seen); a fixed 4 in flight gives 40/s at 100 ms, 13/s at 300
    expect(rateFrom(200)).toBeGreaterThanOrEqual(95);
    expect(rateFrom(200)).toBeLessThanOrEqual(100.5);
    expect(pacer.pace?.bound).toBe("rate");
  });

  it("keeps at most 64 in flight without --concurrency, however slow the server", async () => {
    const { most } = await run({ rate: 100 }, 300, 5000);
    expect(most).toBe(64);
  });

  it("keeps --concurrency as a hard cap, and names it as what held the run", async () => {
    const { most, pacer } = await run({ rate: 100, concurrency: 4 }, 100, 300);
    expect(most).toBe(4);
    expect(pacer.pace?.bound).toBe("in-flight");
    expect(pacer.pace?.note).toMatch(/^Requests were held by --concurrency 4 \(13\.\d\/s with round trips of 300 ms\): leave out --concurrency, or give 46, to reach --rate 100\.$/);
  });

  it("without --rate keeps the former 4 in flight, and names the round trip as what held the run", async () => {
    const { most, pacer } = await run({ rate: 0 }, 100, 100);
    expect(most).toBe(4);
    expect(pacer.pace?.bound).toBe("round-trip");
  });

  it("names --rate when the rate held the run", async () => {
    const { pacer } = await run({ rate: 50 }, 100, 20);
    expect(pacer.pace?.bound).toBe("rate");
    expect(pacer.pace?.note).toMatch(/^Requests were paced by --rate 50 \(49\.\d\/s\): raise --rate if the API allows more\.$/);
  });

  it("names local work when requests came slower than the rate allows", async () => {
    const time = new VirtualClock();
    const pacer = createPacer({ ...pacingOptions(withDefaults({ rate: 100 })), clock: time.now, setTimer: time.setTimer });
    await time.run((async () => {
      for (let i = 0; i < 120; i += 1) {
        await pacer.run(async () => time.sleep(5), { idempotent: true });
        await time.sleep(45);
      }
    })());
    expect(pacer.pace?.bound).toBe("local");
    expect(pacer.pace?.note).toMatch(/local work .*\(20\/s\)/);
  });

  it("names the server's 429s when they lowered the rate", async () => {
    const { ApiError } = await import("../../src/api/api-error.js");
    const time = new VirtualClock();
    const pacer = createPacer({ ...pacingOptions(withDefaults({ rate: 100 })), clock: time.now, setTimer: time.setTimer, random: () => 0.5 });
    let served = 0;
    await time.run(Promise.all(Array.from({ length: 120 }, () => pacer.run(async () => {
      await time.sleep(10);
      // a server that takes 20 a second: every request past that in its second is refused
      if (served >= 20 * Math.ceil((time.now() + 1) / 1000)) throw new ApiError({ method: "POST", path: "/api/v1/customers", kind: "retryable", status: 429 });
      served += 1;
    }, { idempotent: true }))));
    expect(pacer.pace?.bound).toBe("429");
    expect(pacer.pace?.note).toMatch(/^The server's 429s held requests to about [\d.]+\/s, below --rate 100: --rate \d+ would avoid them\.$/);
  });
});
