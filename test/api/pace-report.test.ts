import { describe, expect, it } from "vitest";
import { describePace } from "../../src/api/pace-report.js";
import type { PaceStats } from "../../src/api/pace-report.js";
import { render } from "../../src/i18n/text.js";

const stats = (over: Partial<PaceStats>): PaceStats => ({
  causes: { rate: 0, throttled: 0, slots: 0, free: 0 },
  requestsPerSecond: 40,
  ratePerSecond: 100,
  currentRate: 100,
  roundTripMs: 100,
  inFlightLimit: 4,
  concurrency: 4,
  ...over,
});

describe("describePace", () => {
  it("says nothing about a run too short to tell", () => {
    expect(describePace(stats({ causes: { rate: 10, throttled: 0, slots: 50, free: 0 } }))).toBeUndefined();
  });

  it("names --concurrency, and the in-flight count that would reach --rate", () => {
    expect(describePace(stats({ causes: { rate: 0, throttled: 0, slots: 500, free: 3 } }))).toMatchObject({
      bound: "in-flight",
      note: "Requests were held by --concurrency 4 (40/s with round trips of 100 ms): leave out --concurrency, or give 16, to reach --rate 100.",
    });
  });

  it("names the round trip when in flight followed it up to its most", () => {
    expect(describePace(stats({ causes: { rate: 0, throttled: 0, slots: 500, free: 3 }, concurrency: undefined, inFlightLimit: 64, roundTripMs: 2000, requestsPerSecond: 32 }))).toMatchObject({
      bound: "round-trip",
      note: "Requests were held by the round trip (32/s with round trips of 2000 ms and up to 64 in flight): --concurrency 301 allows enough in flight to reach --rate 100.",
    });
  });

  it("names the server's 429s and a --rate that avoids them", () => {
    expect(describePace(stats({ causes: { rate: 100, throttled: 300, slots: 0, free: 0 }, currentRate: 27.4, requestsPerSecond: 27 }))?.note)
      .toBe("The server's 429s held requests to about 27.4/s, below --rate 100: --rate 27 would avoid them.");
  });

  it("names --rate when the run reached it, even if slots freed just in time", () => {
    expect(describePace(stats({ causes: { rate: 10, throttled: 0, slots: 400, free: 0 }, requestsPerSecond: 99.2 }))?.bound).toBe("rate");
  });

  it("names local work when requests came slower than anything allowed", () => {
    expect(describePace(stats({ causes: { rate: 1, throttled: 0, slots: 0, free: 400 }, requestsPerSecond: 12 }))?.note)
      .toBe("Requests were held by local work (reading the file, writing the report), not by the network or --rate (12/s).");
  });

  it("says the same in Vietnamese, flag values as written (--rate 1000, not 1.000)", () => {
    const report = describePace(stats({ causes: { rate: 100, throttled: 300, slots: 0, free: 0 }, ratePerSecond: 1000, currentRate: 27.4, requestsPerSecond: 27 }));
    expect(report && render("vi", report.said)).toBe("Máy chủ trả lời 429 nên chỉ gửi được khoảng 27,4 yêu cầu/giây, thấp hơn --rate 1000: dùng --rate 27 sẽ tránh được.");
  });
});
