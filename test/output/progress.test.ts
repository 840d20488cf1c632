import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/io.js";
import { createProgress, createProgressLine } from "../../src/output/progress.js";

/** An Io whose clock the test moves and whose stderr it reads. */
function fakeIo(isTTY: boolean) {
  let text = "";
  let time = 1_000_000;
  const stderr = new Writable({ write(chunk, _encoding, done) { text += String(chunk); done(); } });
  const io = { stdout: stderr, stderr, env: {}, cwd: "/", isTTY, color: false, signal: new AbortController().signal, now: () => time, lang: "en" } satisfies Io;
  return { io, advance: (ms: number) => (time += ms), output: () => text };
}

describe("createProgress (rows of an import, validate or undo)", () => {
  it("draws one live line on a terminal, at most every 200 ms, and erases it before the summary", () => {
    const { io, advance, output } = fakeIo(true);
    const progress = createProgress(io, "Importing");
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
    const progress = createProgress(io, "Validating");
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
});
