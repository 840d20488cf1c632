// The main API failures in Vietnamese: what happened, where, what to do; the server's text quoted, the secret never.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/api-error.js";
import { createClient } from "../../src/api/client.js";
import { createPacer } from "../../src/api/pacer.js";
import { toRunError } from "../../src/api/run-error.js";
import { assertSafeTransport } from "../../src/config.js";
import { ToolError } from "../../src/errors.js";
import { exportFailure } from "../../src/export/failures.js";
import { msg, render } from "../../src/i18n/text.js";
import { afterThisTest } from "../helpers/cli.js";
import { sandboxWithClient } from "../helpers/sandbox.js";

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterThisTest(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/open`;
}

/** The pacer with no retries: the first failure is the last. */
const once = () => createPacer({ ratePerSecond: 0, concurrency: 1, retries: 0, maxWaitMs: 60_000 });

const exporting = (error: unknown) => exportFailure(error, { doing: msg("export.doing.listing"), file: "khach-hang.xlsx", clientId: "client-42", signal: undefined });

describe("API failures in Vietnamese", () => {
  it("credentials rejected because the clock is behind: says by how much, in GLOSSARY.md's words, and to check the clock", async () => {
    const secretKey = "sk_never_printed_9f3a";
    const env = await sandboxWithClient({}, { clock: () => Date.now() - 47_000 });
    afterThisTest(env.close);
    const rejected = await failure(env.api.listPage(1, 10));
    const error = exporting(rejected);
    expect(error.code).toBe("E_AUTH_REJECTED");
    expect(error.text("vi")).toMatch(/^Máy chủ từ chối thông tin xác thực khi đang lấy danh sách khách hàng \(HTTP 401: .*đồng hồ máy bạn chậm 4[678] giây so với máy chủ/);
    expect(error.text("vi")).toContain("Chưa ghi gì vào khach-hang.xlsx.");
    expect(error.hintText("vi")).toMatch(/^Hãy kiểm tra đồng hồ của máy này/);
    // English as before
    expect(error.message).toMatch(/your clock is 4[678] s behind the server's/);
    expect(`${error.text("vi")} ${error.hintText("vi")}`).not.toContain(secretKey);
  });

  it("429 until the retries run out: the answer, then that it stopped trying", async () => {
    const env = await sandboxWithClient({ rateLimit: 1 });
    afterThisTest(env.close);
    await env.api.listPage(1, 10);
    const error = await failure(once().run(() => env.api.listPage(1, 10), { idempotent: true }));
    expect(error.status).toBe(429);
    expect(exporting(error).text("vi")).toMatch(/^Xuất không thành công khi đang lấy danh sách khách hàng: Yêu cầu GET \/api\/v1\/customers\?page=1&page_size=10 không thành công: máy chủ trả lời HTTP 429, mã \d+; máy chủ báo “[^”]+” \(đã thử 1 lần, không thử nữa\)\. Chưa ghi gì vào khach-hang\.xlsx\.$/);
    expect(exporting(error).hintText("vi")).toContain("hãy giảm --rate hoặc tăng --retries và --max-wait");
  });

  it("a server that does not answer in time: names the --timeout", async () => {
    const url = await rawServer(() => undefined);
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s", timeoutMs: 300 });
    afterThisTest(() => api.close());
    const error = await failure(once().run(() => api.getCustomer("abc"), { idempotent: true }));
    expect(exporting(error).text("vi")).toContain("Yêu cầu GET /api/v1/customers/abc không thành công: máy chủ không trả lời kịp: sau 0.3 giây (--timeout) vẫn chưa nhận đủ câu trả lời (đã thử 1 lần, không thử nữa)");
  });

  it("a gateway's HTML 502: the status, and its page quoted as it came", async () => {
    const url = await rawServer((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" }).end("<html><body>Bad Gateway</body></html>");
    });
    const api = createClient({ baseUrl: url, clientId: "c", secretKey: "s" });
    afterThisTest(() => api.close());
    const error = await failure(once().run(() => api.getCustomer("abc"), { idempotent: true }));
    expect(exporting(error).text("vi")).toContain("máy chủ trả lời HTTP 502; câu trả lời HTTP 502 không phải JSON: “<html><body>Bad Gateway</body></html>”");
    expect(error.message).toBe("[GET] /api/v1/customers/abc: 502 HTTP 502 with a body that is not JSON: <html><body>Bad Gateway</body></html> (gave up after 1 attempt)");
  });

  it("an insecure URL: refuses and says how to proceed", () => {
    const error = (() => {
      try {
        assertSafeTransport("http://api.example.vn/open", false);
      } catch (caught) {
        return caught as ToolError;
      }
      throw new Error("expected a refusal");
    })();
    expect(error.code).toBe("E_INSECURE_URL");
    expect(error.text("vi")).toBe("Không gửi qua http:// thường tới api.example.vn: dữ liệu khách hàng và các yêu cầu đã ký sẽ đi qua mạng mà không được mã hóa.");
    expect(error.hintText("vi")).toContain("--insecure-http");
  });

  it("an interruption: what was being done and that the file is untouched", () => {
    const controller = new AbortController();
    controller.abort("SIGINT");
    const error = toRunError(new Error("socket hang up"), { doing: msg("export.doing.listing"), consequence: msg("export.failed.untouched", { file: "a.xlsx" }), clientId: "c", signal: controller.signal });
    expect(error.text("vi")).toBe("Đã dừng khi đang lấy danh sách khách hàng. Chưa ghi gì vào a.xlsx.");
  });

  it("a row's failure: the server's own text quoted as it was sent, never translated", () => {
    const error = new ApiError({ method: "PUT", path: "/api/v1/customers/abc", kind: "rejected", status: 400, apiCode: 104000, detail: "email must email" });
    expect(error.message).toBe("[PUT] /api/v1/customers/abc: 400 104000 email must email");
    expect(render("vi", error.said)).toBe("Yêu cầu PUT /api/v1/customers/abc không thành công: máy chủ trả lời HTTP 400, mã 104000; máy chủ báo “email must email”");
  });
});
