import { describe, expect, it } from "vitest";
import { fetchPlan } from "../../src/commands/export.js";

describe("fetchPlan", () => {
  it.each([
    [5_000, 100, 100, "Listed 5,000 customers; fetching their full records at --rate 100 takes about 51 s."],
    [100_000, 50, 100, "Listed 100,000 customers; fetching their full records at --rate 50 takes about 34 min."],
    [1_000_000, 100, 100, "Listed 1,000,000 customers; fetching their full records at --rate 100 takes about 2 h 49 min."],
    [1, 10, 100, "Listed 1 customer; fetching its full record at --rate 10 takes about 1 s."],
    [20, 0, 100, "Listed 20 customers; fetching their full records as fast as the server answers (no --rate)."],
  ])("says %d customers at --rate %d (page size %d) as %j", (customers, rate, pageSize, line) => {
    expect(fetchPlan("en", customers, rate, pageSize)).toBe(line);
  });

  it("says it in Vietnamese, with the language's numbers", () => {
    expect(fetchPlan("vi", 100_000, 50, 100)).toBe("Đã liệt kê 100.000 khách hàng; tải thông tin đầy đủ với --rate 50 sẽ mất khoảng 34 phút.");
    expect(fetchPlan("vi", 1_000_000, 100, 100)).toBe("Đã liệt kê 1.000.000 khách hàng; tải thông tin đầy đủ với --rate 100 sẽ mất khoảng 2 giờ 49 phút.");
  });
});
