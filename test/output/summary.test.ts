import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/io.js";
import { msg } from "../../src/i18n/text.js";
import { printSummary } from "../../src/output/summary.js";

/** An Io in a language whose stdout and stderr the test reads. */
function fakeIo(lang: "en" | "vi") {
  const text = { stdout: "", stderr: "" };
  const stream = (name: "stdout" | "stderr") => new Writable({ write(chunk, _encoding, done) { text[name] += String(chunk); done(); } });
  const io = { stdout: stream("stdout"), stderr: stream("stderr"), env: {}, cwd: "/", isTTY: false, color: false, signal: new AbortController().signal, now: () => 0, lang } satisfies Io;
  return { io, text };
}

const SUMMARY = {
  title: msg("output.title.import"),
  rows: 12_345,
  counts: { created: 12_000, invalid: 344, failed: 1 },
  report: "khach-hang.report.xlsx",
  elapsedMs: 61_500,
  requests: 1,
  warnings: [msg("output.title.validate"), msg("common.asIs", { text: "a warning quoted as it came" })],
  notes: [msg("cli.import.resumed"), msg("common.asIs", { text: "a note quoted as it came" })],
};

describe("printSummary", () => {
  it("in English: as before, with singular counts said singular", () => {
    const { io, text } = fakeIo("en");
    printSummary(io, SUMMARY, false);
    expect(text.stderr).toBe([
      "warning: Validation",
      "warning: a warning quoted as it came",
      "Import: 12,345 rows — 12,000 created, 344 invalid, 1 failed in 61.5 s, 1 request (0/s).",
      "Resumed an interrupted run: rows already done were not sent again.",
      "a note quoted as it came",
      "Report: khach-hang.report.xlsx",
      "",
    ].join("\n"));
  });

  it("in Vietnamese: statuses, numbers, warnings prefix and the report's name as GLOSSARY.md says them", () => {
    const { io, text } = fakeIo("vi");
    printSummary(io, { ...SUMMARY, requests: 2_460 }, false);
    expect(text.stderr).toBe([
      "cảnh báo: Kiểm tra",
      "cảnh báo: a warning quoted as it came",
      "Nhập 12.345 dòng, mất 61,5 giây: 12.000 đã tạo, 344 không hợp lệ, 1 không thành công; đã gửi 2.460 yêu cầu (40 yêu cầu/giây).",
      "Đã chạy tiếp lần chạy bị dừng: các dòng đã xong không bị gửi lại.",
      "a note quoted as it came",
      "Tệp kết quả: khach-hang.report.xlsx",
      "",
    ].join("\n"));
  });

  it("with --json in Vietnamese: one English object, warnings and notes rendered in English", () => {
    const { io, text } = fakeIo("vi");
    printSummary(io, SUMMARY, true, { command: "import" });
    expect(text.stderr).toBe("");
    expect(JSON.parse(text.stdout)).toMatchObject({ command: "import", rows: 12_345, warnings: ["Validation", "a warning quoted as it came"], notes: ["Resumed an interrupted run: rows already done were not sent again.", "a note quoted as it came"] });
  });
});
