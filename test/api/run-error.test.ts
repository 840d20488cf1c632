import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import type { ApiErrorDetails } from "../../src/api/api-error.js";
import { isAuthRejection, toRunError } from "../../src/api/run-error.js";
import type { RunContext } from "../../src/api/run-error.js";
import { ToolError, isAbortOf } from "../../src/errors.js";
import { msg } from "../../src/i18n/text.js";

const SECRET = "sk_live_never_printed_9f3a";
const apiError = (details: Partial<ApiErrorDetails>) => new ApiError({ method: "GET", path: "/api/v1/customers", kind: "rejected", ...details });
const context: RunContext = {
  doing: msg("export.doing.listing"),
  consequence: msg("export.failed.untouched", { file: "out.xlsx" }),
  clientId: "client-42",
  apiFailure: { said: (reason) => msg("export.failed.while", { doing: msg("export.doing.listing"), reason, untouched: msg("export.failed.untouched", { file: "out.xlsx" }) }), hint: msg("common.asIs", { text: "Run it again later." }) },
  otherFailure: (reason) => msg("export.failed.while", { doing: msg("export.doing.listing"), reason, untouched: msg("export.failed.untouched", { file: "out.xlsx" }) }),
};
const text = (error: ToolError) => `${error.message}\n${error.hint ?? ""}`;

describe("toRunError", () => {
  it("passes a ToolError through as it is", () => {
    const file = new ToolError("E_FILE_UNWRITABLE", msg("common.asIs", { text: "Cannot write out.xlsx: the disk is full." }), { hint: msg("common.asIs", { text: "Free some space." }) });
    expect(toRunError(file, context)).toBe(file);
  });

  it.each([
    ["a 401", 401, "invalid client_id"],
    ["a 403", 403, "forbidden"],
  ])("says %s is the credentials, what was being done, and which credential to check (exit 2)", (_, status, detail) => {
    const error = toRunError(apiError({ kind: "auth", status, detail }), context);
    expect(error).toMatchObject({ code: "E_AUTH_REJECTED", exitCode: 2 });
    expect(error.message).toBe(`The server rejected the credentials while listing customers (HTTP ${status}: ${detail}). Nothing was written to out.xlsx.`);
    expect(error.hint).toContain("client-42");
    expect(text(error)).not.toContain(SECRET);
  });

  it("points at the clock when the server's reason does", () => {
    const error = toRunError(apiError({ kind: "auth", status: 401, detail: "timestamp out of range" }), context);
    expect(error.hint).toMatch(/^Check this machine's clock/);
  });

  it("says an API failure the command's way, with its hint (exit 2)", () => {
    const failed = apiError({ status: 503, detail: "busy" });
    const given = failed.gaveUp(4, msg("api.gaveUp.attempts", { error: failed.said, count: 4 }));
    expect(given.message).toBe("[GET] /api/v1/customers: 503 busy (gave up after 4 attempts)");
    const error = toRunError(given, context);
    expect(error).toMatchObject({ code: "E_API", exitCode: 2, hint: "Run it again later.", cause: given });
    expect(error.message).toBe("Export failed while listing customers: [GET] /api/v1/customers: 503 busy (gave up after 4 attempts). Nothing was written to out.xlsx.");
  });

  it("keeps an API failure's own message when the command words none", () => {
    const error = toRunError(apiError({ status: 400, detail: "bad" }), { doing: msg("common.asIs", { text: "undoing" }), consequence: msg("common.asIs", { text: "Nothing more was sent." }), clientId: "c" });
    expect(error).toMatchObject({ code: "E_API", exitCode: 2, message: "[GET] /api/v1/customers: 400 bad", hint: undefined });
  });

  it("says anything else is an internal failure, keeping where it happened for --debug", () => {
    const defect = new TypeError("cannot read properties of undefined");
    const error = toRunError(defect, context);
    expect(error).toMatchObject({ code: "E_INTERNAL", exitCode: 2, message: "Export failed while listing customers: cannot read properties of undefined. Nothing was written to out.xlsx." });
    expect(error.stack).toBe(defect.stack);
    expect(toRunError("odd", { doing: msg("common.asIs", { text: "x" }), consequence: msg("common.asIs", { text: "" }), clientId: "c" })).toMatchObject({ code: "E_INTERNAL", message: "odd" });
  });

  it("once the run's signal is aborted, whatever failed is the interruption (exit 130)", () => {
    const controller = new AbortController();
    controller.abort("SIGINT");
    for (const thrown of ["SIGINT", apiError({ kind: "retryable", status: 503 }), new Error("socket hang up")]) {
      const error = toRunError(thrown, { ...context, signal: controller.signal });
      expect(error).toMatchObject({ code: "E_INTERRUPTED", exitCode: 130, message: "Interrupted while listing customers. Nothing was written to out.xlsx." });
    }
  });
});

describe("isAuthRejection", () => {
  it("is an ApiError of kind auth, nothing else", () => {
    expect(isAuthRejection(apiError({ kind: "auth", status: 401 }))).toBe(true);
    expect(isAuthRejection(apiError({ kind: "rejected", status: 400 }))).toBe(false);
    expect(isAuthRejection(new Error("401"))).toBe(false);
  });
});

describe("isAbortOf", () => {
  it("is the signal's own reason once it is aborted, not any error thrown meanwhile", () => {
    const controller = new AbortController();
    expect(isAbortOf(controller.signal, undefined)).toBe(false);
    controller.abort("SIGTERM");
    expect(isAbortOf(controller.signal, "SIGTERM")).toBe(true);
    expect(isAbortOf(controller.signal, new Error("socket hang up"))).toBe(false);
    expect(isAbortOf(undefined, "SIGTERM")).toBe(false);
  });
});
