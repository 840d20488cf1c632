import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import type { FailureKind } from "../../src/api/api-error.js";
import { createPacer } from "../../src/api/pacer.js";
import { VirtualClock } from "../helpers/virtual-clock.js";

const apiError = (kind: FailureKind, status?: number, retryAfterMs?: number) =>
  new ApiError({ method: "POST", path: "/api/v1/customers", kind, ...(status === undefined ? {} : { status }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

const quick = { retries: 3, maxWaitMs: 5000, baseBackoffMs: 5, maxBackoffMs: 20 };

// Every test runs on virtual time: the machine's speed and load change nothing in what it sees.
const onVirtualTime = () => {
  const time = new VirtualClock();
  return { time, paced: { ...quick, clock: time.now, setTimer: time.setTimer, random: () => 0.5 } };
};

describe("createPacer", () => {
  it("never starts more than the rate in any sliding second, with no burst at start", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 20, concurrency: 8, ...paced });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 30 }, () => pacer.run(async () => starts.push(time.now()), { idempotent: true }))));
    starts.sort((a, b) => a - b);
    for (let i = 0; i + 20 < starts.length; i += 1) expect((starts[i + 20] ?? 0) - (starts[i] ?? 0)).toBeGreaterThanOrEqual(999);
    // evenly spaced from the start: the first five take about four intervals of 50 ms
    expect((starts[4] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it("keeps its rate when timers fire late (a start's lateness is not added to the next spacing)", async () => {
    // A clock that ticks every 15 ms makes each start look up to 15 ms late, as a busy event loop
    // does; spaced from when each start happened, 50/s would fall to about 33/s.
    const { time, paced } = onVirtualTime();
    const clock = () => Math.floor(time.now() / 15) * 15;
    const pacer = createPacer({ ratePerSecond: 50, concurrency: 4, ...paced, clock });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 51 }, () => pacer.run(async () => starts.push(time.now()), { idempotent: true }))));
    starts.sort((a, b) => a - b);
    const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    // 50 intervals of 20 ms and the sliding second's guard (blurred by a tick); 33/s would take 1,500 ms
    expect(span).toBeGreaterThanOrEqual(980);
    expect(span).toBeLessThan(1250);
  });

  it("counts a request answered late from its answer: the server may have counted it then", async () => {
    // A server counts each request somewhere between its start and its answer. Every third one
    // here is answered 250 ms later than the others; counted at the latest possible time, no
    // second may hold more than the rate. (Counted from their starts, 20/s would pass 20.)
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 20, concurrency: 20, ...paced });
    const counted: number[] = [];
    await time.run(Promise.all(Array.from({ length: 41 }, (_, i) => pacer.run(async () => {
      if (i % 3 === 0) await time.sleep(250);
      counted.push(time.now());
    }, { idempotent: true }))));
    counted.sort((a, b) => a - b);
    for (let i = 0; i + 20 < counted.length; i += 1) expect((counted[i + 20] ?? 0) - (counted[i] ?? 0)).toBeGreaterThanOrEqual(999);
  });

  it("counts a request still in flight, held longer than the others, up to now", async () => {
    // The first request is answered after 1.3 s, the rest at once: the server may count the first
    // as late as its answer, so no second may hold more than the rate counting it there.
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 4, concurrency: 4, ...paced });
    const counted: number[] = [];
    await time.run(Promise.all(Array.from({ length: 9 }, (_, i) => pacer.run(async () => {
      if (i === 0) await time.sleep(1300);
      counted.push(time.now());
    }, { idempotent: true }))));
    counted.sort((a, b) => a - b);
    for (let i = 0; i + 4 < counted.length; i += 1) expect((counted[i + 4] ?? 0) - (counted[i] ?? 0)).toBeGreaterThanOrEqual(999);
  });

  it("keeps its rate against a server far away: answers all 200 ms late hold nothing up", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 100, concurrency: 40, ...paced });
    const starts: number[] = [];
    await time.run(Promise.all(Array.from({ length: 300 }, () => pacer.run(async () => {
      starts.push(time.now());
      await time.sleep(200);
    }, { idempotent: true }))));
    starts.sort((a, b) => a - b);
    // Past the first answers (counted from their answers while the round trip is unknown), 99
    // intervals of 10 ms; counted from their answers all along, about 1,200 ms.
    const span = (starts[199] ?? 0) - (starts[100] ?? 0);
    expect(span).toBeGreaterThanOrEqual(980);
    expect(span).toBeLessThan(1100);
    // Each hundred after the first keeps 100/s too: counted from their answers, every one would
    // start a round trip (200 ms) late, 199 intervals taking about 2,200 ms instead of 2,000.
    const longer = (starts[299] ?? 0) - (starts[100] ?? 0);
    expect(longer).toBeGreaterThanOrEqual(1980);
    expect(longer).toBeLessThan(2100);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 3, ...paced });
    let inFlight = 0;
    let most = 0;
    await time.run(Promise.all(Array.from({ length: 12 }, () => pacer.run(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await time.sleep(10);
      inFlight -= 1;
    }, { idempotent: true }))));
    expect(most).toBe(3);
  });

  it("retries retryable failures and reports the attempts", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...paced });
    let calls = 0;
    const result = await time.run(pacer.run(async () => {
      calls += 1;
      if (calls < 3) throw apiError("retryable", 503);
      return "ok";
    }, { idempotent: false }));
    expect(result).toEqual({ value: "ok", attempts: 3 });
  });

  it.each([
    ["rejected", false, 1],
    ["auth", false, 1],
    ["outcome-unknown", false, 1],
    ["outcome-unknown", true, 4],
    ["retryable", false, 4],
  ] as const)("a %s failure (idempotent %s) is attempted %i time(s)", async (kind, idempotent, attempts) => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...paced });
    let calls = 0;
    const outcome = await time.run(pacer.run(async () => {
      calls += 1;
      throw apiError(kind, 400);
    }, { idempotent }).catch((e: unknown) => e));
    expect(outcome).toBeInstanceOf(ApiError);
    expect((outcome as ApiError).attempts).toBe(attempts);
    expect(calls).toBe(attempts);
  });

  it("gives up by throwing the last ApiError itself, with its attempts and why it stopped retrying", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...paced });
    const thrown: ApiError[] = [];
    const outcome = await time.run(pacer.run(async () => {
      thrown.push(apiError("retryable", 503));
      throw thrown.at(-1);
    }, { idempotent: true }).catch((e: unknown) => e));
    expect(outcome).toBe(thrown[3]);
    expect(outcome).toMatchObject({ status: 503, attempts: 4, message: "[POST] /api/v1/customers: 503 (gave up after 4 attempts)" });
    // the earlier attempts' errors were retried, not given up on
    expect(thrown[0]?.attempts).toBeUndefined();
  });

  it("waits as long as Retry-After says before retrying", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...paced });
    const times: number[] = [];
    await time.run(pacer.run(async () => {
      times.push(time.now());
      if (times.length === 1) throw apiError("retryable", 429, 300);
    }, { idempotent: true }));
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(295);
  });

  it("fails instead of waiting when Retry-After exceeds --max-wait, and says so", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...paced, maxWaitMs: 1000 });
    const outcome = await time.run(pacer.run(async () => {
      throw apiError("retryable", 429, 3_600_000);
    }, { idempotent: true }).catch((e: unknown) => e as ApiError));
    expect(outcome).toBeInstanceOf(ApiError);
    expect((outcome as ApiError).message).toMatch(/wait 3600 s, more than --max-wait 1 s/);
  });

  it("lowers its rate after a 429 and recovers towards the ceiling", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 100, concurrency: 4, ...paced });
    await time.run(pacer.run(async () => {
      if (pacer.requestsStarted === 1) throw apiError("retryable", 429, 10);
    }, { idempotent: true }));
    const lowered = pacer.currentRate;
    expect(lowered).toBeLessThan(100);
    await time.advance(1100);
    await time.run(Promise.all(Array.from({ length: 40 }, () => pacer.run(async () => undefined, { idempotent: true }))));
    expect(pacer.currentRate).toBeGreaterThan(lowered);
  });

  it("a burst of 429s lowers the rate once, to just below what the server served, not once per 429", async () => {
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 100, concurrency: 8, ...paced, retries: 0 });
    await time.run(Promise.all(Array.from({ length: 30 }, () => pacer.run(async () => undefined, { idempotent: true }))));
    // the server served 30 in the last second, then refuses the 8 in flight
    await time.run(Promise.all(Array.from({ length: 8 }, () => pacer.run(async () => {
      throw apiError("retryable", 429, 10);
    }, { idempotent: true }).catch(() => undefined))));
    // 0.9 × 30; cut by 30% per 429 it was 100 × 0.7⁸ ≈ 6/s, a sixth of what the server takes
    expect(pacer.currentRate).toBeGreaterThanOrEqual(24);
    expect(pacer.currentRate).toBeLessThanOrEqual(30);
  });

  it("stops starting requests once aborted", async () => {
    const controller = new AbortController();
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 10, concurrency: 1, ...paced, signal: controller.signal });
    let ran = 0;
    const runs = Array.from({ length: 10 }, () => pacer.run(async () => { ran += 1; }, { idempotent: true }).catch((e: unknown) => e));
    await time.advance(120);
    controller.abort();
    await time.run(Promise.all(runs));
    expect(ran).toBeLessThan(4);
  });

  it("a request the abort keeps from starting fails with the signal's own reason, not a class of ours", async () => {
    const controller = new AbortController();
    const { time, paced } = onVirtualTime();
    const pacer = createPacer({ ratePerSecond: 10, concurrency: 1, ...paced, signal: controller.signal });
    const runs = Array.from({ length: 3 }, () => pacer.run(async () => undefined, { idempotent: true }).then(() => "sent", (e: unknown) => e));
    await time.advance(50);
    controller.abort("SIGTERM");
    // the first started at once; the second waited on the rate and the third on a slot when the signal came
    expect(await time.run(Promise.all(runs))).toEqual(["sent", "SIGTERM", "SIGTERM"]);
  });

  it("on real timers, an abort cuts a long wait short", async () => {
    // the default timer: a Retry-After of ten minutes must not keep an interrupted run alive
    const controller = new AbortController();
    const pacer = createPacer({ ratePerSecond: 0, concurrency: 1, ...quick, maxWaitMs: 600_000, signal: controller.signal, onRetry: () => controller.abort() });
    const outcome = await pacer.run(async () => {
      throw apiError("retryable", 429, 600_000);
    }, { idempotent: true }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(ApiError);
    expect((outcome as ApiError).message).toMatch(/interrupted before retrying/);
  });
});
