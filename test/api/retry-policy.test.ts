import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import type { FailureKind } from "../../src/api/api-error.js";
import { decideRetry, slowsThePace } from "../../src/api/retry-policy.js";
import type { RetryDecision, RetryPolicy } from "../../src/api/retry-policy.js";
import { render } from "../../src/i18n/text.js";

const apiError = (kind: FailureKind, status?: number, retryAfterMs?: number) =>
  new ApiError({ method: "PUT", path: "/api/v1/customers/7", kind, ...(status === undefined ? {} : { status }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

const policy = (random = 1 - Number.EPSILON): RetryPolicy => ({ retries: 3, maxWaitMs: 60_000, baseBackoffMs: 250, maxBackoffMs: 2000, random: () => random });

/** The give-up reason as English text. */
const reasonText = (decision: RetryDecision) => (decision.action === "give-up" && decision.reason ? render("en", decision.reason) : undefined);

describe("decideRetry", () => {
  it.each([
    ["retryable", false, "wait"],
    ["outcome-unknown", true, "wait"],
    // a POST whose outcome is unknown may have created the customer: never sent twice
    ["outcome-unknown", false, "give-up"],
    ["rejected", true, "give-up"],
    ["auth", true, "give-up"],
  ] as const)("a %s failure (idempotent %s) → %s", (kind, idempotent, action) => {
    expect(decideRetry({ error: apiError(kind, 503), idempotent }, 1, policy()).action).toBe(action);
  });

  it("backs off exponentially with full jitter, up to the ceiling", () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => decideRetry({ error: apiError("retryable", 503), idempotent: true }, attempt, { ...policy(), retries: 9 }));
    expect(ceilings.map((d) => (d.action === "wait" ? Math.round(d.delayMs) : -1))).toEqual([250, 500, 1000, 2000, 2000]);
    const jittered = decideRetry({ error: apiError("retryable", 503), idempotent: true }, 3, policy(0.25));
    expect(jittered).toEqual({ action: "wait", delayMs: 250 });
  });

  it("waits at least as long as Retry-After says", () => {
    expect(decideRetry({ error: apiError("retryable", 429, 7000), idempotent: true }, 1, policy())).toEqual({ action: "wait", delayMs: 7000 });
  });

  it("gives up after the last retry, saying how many attempts were made", () => {
    const decision = decideRetry({ error: apiError("retryable", 503), idempotent: true }, 4, policy());
    expect(decision.action).toBe("give-up");
    expect(reasonText(decision)).toBe("[PUT] /api/v1/customers/7: 503 (gave up after 4 attempts)");
  });

  it("gives up at once on a Retry-After past --max-wait, naming both waits", () => {
    const decision = decideRetry({ error: apiError("retryable", 429, 3_600_000), idempotent: true }, 1, { ...policy(), maxWaitMs: 120_000 });
    expect(decision.action).toBe("give-up");
    expect(reasonText(decision)).toBe("[PUT] /api/v1/customers/7: 429 (the server asked to wait 3600 s, more than --max-wait 120 s)");
  });

  it("gives a plain give-up for a failure that is never retried, whatever Retry-After says", () => {
    expect(decideRetry({ error: apiError("rejected", 400, 3_600_000), idempotent: true }, 1, policy())).toEqual({ action: "give-up" });
  });
});

describe("slowsThePace", () => {
  it("a 429 slows the run, unless its wait is refused: that request then fails alone", () => {
    expect(slowsThePace(apiError("retryable", 429, 1000), policy())).toBe(true);
    expect(slowsThePace(apiError("retryable", 429), policy())).toBe(true);
    expect(slowsThePace(apiError("retryable", 429, 3_600_000), policy())).toBe(false);
    expect(slowsThePace(apiError("retryable", 503, 1000), policy())).toBe(false);
  });
});
