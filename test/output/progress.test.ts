import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/io.js";
import { createProgress, createProgressLine } from "../../src/output/progress.js";
import { msg } from "../../src/i18n/text.js";

/** An Io whose clock the test moves and whose stderr it reads. */
function fakeIo(isTTY: boolean, lang: "en" | "vi" = "en") {
  let text = "";
  let time = 1_000_000;
  const stderr = new Writable({ write(chunk, _encoding, done) { text += String(chunk); done(); } });
  const io = { stdout: stderr, stderr, env: {}, cwd: "/", isTTY, color: false, signal: new AbortController().signal, now: () => time, lang } satisfies Io;
  return { io, advance: (ms: number) => (time += ms), output: () => text };
}

describe("createProgress (rows of an import, validate or undo)", () => {
  it("draws one live line on a terminal, at most every 200 ms, and erases it before the summary", () => {
    const { io, advance, output } = fakeIo(true);
    const progress = createProgress(io, msg("output.progress.importing"));
    advance(1000);
    progress.update({ done: 50, total: 100, counts: { created: 40, failed: 10 } });
    advance(100);
    progress.update({ done: 60, total: 100, counts: { created: 50, failed: 10 } });
    expect(output()).toBe("\r\x1b[2K[##########..........] Importing 50/100 rows · 50 rows/s · ETA 0:01 · created 40, failed 10");
    progress.finish();
    expect(output().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("off a terminal says nothing for 5 s, then a plain line every 5 s at most, and erases nothing", () => {
    const { io, advance, output } = fakeIo(false);
    const progress = createProgress(io, msg("output.progress.validating"));
    advance(4000);
    progress.update({ done: 10, total: undefined, counts: { valid: 10 } });
    expect(output()).toBe("");
    advance(5000);
    progress.update({ done: 45, total: undefined, counts: { valid: 44, invalid: 1, failed: 0 } });
    advance(1000);
    progress.update({ done: 50, total: undefined, counts: { valid: 50 } });
    progress.finish();
    expect(output()).toBe("Validating 45 rows · 5.0 rows/s · valid 44, invalid 1\n");
  });
});

describe("createProgressLine (phases of an export, or an import's listing)", () => {
  it("redraws on a terminal and erases once; off a terminal writes nothing at all", () => {
    const tty = fakeIo(true);
    const line = createProgressLine(tty.io.stderr, true, tty.io.now);
    line.update({ phase: "listing", done: 100, total: 250 });
    line.clear();
    line.clear();
    expect(tty.output()).toBe("\r\x1b[2KListing customers: 100/250\r\x1b[2K");
    const piped = fakeIo(false);
    const quiet = createProgressLine(piped.io.stderr, false, piped.io.now);
    quiet.update({ phase: "fetching", done: 1 });
    quiet.clear();
    expect(piped.output()).toBe("");
  });

  it("speaks the run's language: phase, counts and rate in Vietnamese, numbers as Vietnamese writes them", () => {
    const tty = fakeIo(true, "vi");
    const line = createProgressLine(tty.io.stderr, true, tty.io.now, "vi");
    line.update({ phase: "listing", done: 1200, total: 2500, pass: 2 });
    tty.advance(1000);
    line.update({ phase: "fetching", done: 0 });
    tty.advance(2000);
    line.update({ phase: "fetching", done: 3000 });
    expect(tty.output()).toBe("\r\x1b[2KĐang lấy danh sách khách hàng (lượt 2): 1.200/2.500\r\x1b[2KĐang tải thông tin khách hàng: 0\r\x1b[2KĐang tải thông tin khách hàng: 3.000 · 1.500/giây");
  });
});

describe("createProgress in Vietnamese", () => {
  it("names what is under way, rows, rate, time left and statuses in Vietnamese", () => {
    const { io, advance, output } = fakeIo(true, "vi");
    const progress = createProgress(io, msg("output.progress.importing"));
    advance(1000);
    progress.update({ done: 1500, total: 3000, counts: { created: 1400, failed: 100 } });
    expect(output()).toBe("\r\x1b[2K[##########..........] Đang nhập 1.500/3.000 dòng · 1.500 dòng/giây · còn khoảng 0:01 · đã tạo 1.400, không thành công 100");
  });

  it("says 1 row, not 1 rows, in English", () => {
    const { io, advance, output } = fakeIo(false);
    const progress = createProgress(io, msg("output.progress.validating"));
    advance(6000);
    progress.update({ done: 1, total: undefined, counts: { valid: 1 } });
    expect(output()).toBe("Validating 1 row · 0.2 rows/s · valid 1\n");
  });
});
