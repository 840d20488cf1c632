import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSpoolDir } from "../../src/export/spool.js";
import type { SpoolPlace } from "../../src/export/spool.js";

describe("createSpoolDir", () => {
  it("gives back every value exactly, line breaks and Vietnamese included", async () => {
    const dir = await createSpoolDir();
    try {
      const spool = dir.spool<{ text: string }>("values.jsonl");
      const values = ["Nguyễn Văn A", "line 1\nline 2\r\nline 3", 'say "hi", then go', "\u2028 and \u2029", "0012", ""].map((text) => ({ text }));
      for (const value of values) await spool.append(value);
      await spool.finish();
      const back: { text: string }[] = [];
      for await (const value of spool.read()) back.push(value);
      expect(back).toEqual(values);
      expect(spool.count).toBe(values.length);
    } finally {
      await dir.remove();
    }
  });

  it("reads values back by place in any order asked, a long one included (the export sorts by code this way)", async () => {
    const dir = await createSpoolDir();
    try {
      const spool = dir.spool<{ text: string }>("placed.jsonl");
      const values = ["KH3 Nguyễn", "KH1 line\nbreak", "x".repeat(200_000), "KH2"].map((text) => ({ text }));
      const places: SpoolPlace[] = [];
      for (const value of values) places.push(await spool.append(value));
      await spool.finish();
      const back: { text: string }[] = [];
      for await (const value of spool.readAt([3, 2, 0, 1].map((index) => places[index]!))) back.push(value);
      expect(back).toEqual([values[3], values[2], values[0], values[1]]);
    } finally {
      await dir.remove();
    }
  });

  it("keeps the spool private to this user and removes it afterwards", async () => {
    const dir = await createSpoolDir();
    const spool = dir.spool<number>("n.jsonl");
    await spool.append(1);
    await spool.finish();
    expect((await stat(dir.path)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir.path, "n.jsonl"))).mode & 0o777).toBe(0o600);
    await dir.remove();
    await expect(stat(dir.path)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reads nothing back from an empty spool", async () => {
    const dir = await createSpoolDir();
    const spool = dir.spool<number>("empty.jsonl");
    await spool.finish();
    const back: number[] = [];
    for await (const value of spool.read()) back.push(value);
    expect(back).toEqual([]);
    await dir.remove();
  });
});
