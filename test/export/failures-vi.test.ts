// Export's failures in Vietnamese (issue #20's messages, #16): what went wrong, which customer, that nothing was written, what to do.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { envelope, notFound, person, startFakeFinan, summaryOf } from "../helpers/fake-finan.js";
import type { FakeOptions } from "../helpers/fake-finan.js";
import { runCli } from "../helpers/cli.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** Runs `export all.csv --lang vi` against a purpose-built server; returns what it printed and what it left in the folder. */
async function exportVi(options: FakeOptions, extra: string[] = []) {
  const fake = await startFakeFinan(options);
  const dir = await mkdtemp(join(tmpdir(), "finan-bulk-test-export-vi-"));
  cleanups.push(fake.close, () => rm(dir, { recursive: true, force: true }));
  const env = { FINAN_BASE_URL: fake.url, FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: "s" };
  const result = await runCli(["export", "all.csv", "--rate", "0", "--retries", "1", "--lang", "vi", ...extra], { cwd: dir, env });
  return { ...result, left: await readdir(dir) };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => person(i + 1));

describe("export failures in Vietnamese", () => {
  it("a list that never settles: which pass, how many new, nothing written, run at a quieter time", async () => {
    let next = 1000;
    const result = await exportVi({ records: many(5), before: (request, fake) => void (request.includes("page=1&") && fake.records.push(person((next += 1)))) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Danh sách khách hàng liên tục thay đổi: lượt đọc thứ 8 vẫn thấy 1 khách hàng mà các lượt trước chưa có\. Chưa ghi gì vào \S*all\.csv\./);
    expect(result.stderr).toContain("Hãy xuất vào lúc ít người làm việc");
    expect(result.left).toEqual([]);
  });

  it("meta.total says more than the list shows", async () => {
    const result = await exportVi({ records: many(30), list: (page, size, fake) => envelope(fake.records.slice((page - 1) * size, page * size).map(summaryOf), { meta: { total: 31, pages: 3, page, page_size: size } }) }, ["--page-size", "10"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Máy chủ báo có 31 khách hàng, nhưng hai lượt đọc trọn danh sách chỉ thấy 30.");
  });

  it("a gateway's HTML 404 on a record: the customer, the status, the page quoted", async () => {
    const result = await exportVi({ records: many(3), get: () => ({ status: 404, body: "<html><body>404 Not Found</body></html>", contentType: "text/html" }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Xuất không thành công khi đang tải thông tin khách hàng KH00001 (id-KH00001): Yêu cầu GET /api/v1/customers/id-KH00001 không thành công: máy chủ trả lời HTTP 404; câu trả lời HTTP 404 không phải JSON: “<html><body>404 Not Found</body></html>”");
    expect(result.stderr).toMatch(/Chưa ghi gì vào \S*all\.csv\./);
    expect(result.left).toEqual([]);
  });

  it("a GET that answers for another customer names both", async () => {
    const result = await exportVi({ records: many(5), get: (id, fake) => (id === "id-KH00003" ? envelope(fake.records[3]) : undefined) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("tải thông tin khách hàng KH00003 (id-KH00003)");
    expect(result.stderr).toContain('câu trả lời là của một khách hàng khác (customer_id "id-KH00004")');
  });

  it("a customer listed but not found", async () => {
    const result = await exportVi({ records: many(5), get: (id) => (id === "id-KH00003" ? notFound() : undefined) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Máy chủ trả lời mâu thuẫn về khách hàng KH00003 (id-KH00003)");
  });
});
