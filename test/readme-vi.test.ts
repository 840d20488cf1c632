import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// README.vi.md is README.md in Vietnamese: what can be checked mechanically must not drift apart.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const read = (name: string) => readFileSync(join(root, name), "utf8");

/** The prose lines of a Markdown text (outside fenced code blocks) and the lines of its code blocks, by info string. */
function split(markdown: string): { prose: string[]; code: { info: string; lines: string[] }[] } {
  const prose: string[] = [];
  const code: { info: string; lines: string[] }[] = [];
  let block: { info: string; lines: string[] } | undefined;
  for (const line of markdown.split("\n")) {
    const fence = /^```(.*)$/.exec(line);
    if (fence) {
      if (block) (code.push(block), (block = undefined));
      else block = { info: fence[1]!.trim(), lines: [] };
    } else if (block) block.lines.push(line);
    else prose.push(line);
  }
  expect(block, "an unclosed code fence").toBeUndefined();
  return { prose, code };
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every command of the shell blocks (comments cut off) and every `finan-bulk …` quoted in prose. */
function commands(markdown: string): string[] {
  const { prose, code } = split(markdown);
  const inBlocks = code
    .filter((block) => block.info === "sh")
    .flatMap((block) => block.lines.map((line) => squash(line.replace(/(^|\s)#.*$/, ""))))
    .filter((line) => line !== "");
  const inProse = [...prose.join("\n").matchAll(/`((?:npx )?finan-bulk [^`]+)`/g)].map((match) => squash(match[1]!));
  return [...inBlocks, ...inProse];
}

/** A Vietnamese example may add `--lang vi` (after npm's `--` for an npm script) to an English one: it still counts as that command. */
function withoutLangVi(command: string): string {
  return squash(command.replace(/(^|\s)(?:-- )?--lang vi(?=\s|$)/, " "));
}

const headings = (markdown: string) =>
  split(markdown).prose.flatMap((line) => {
    const match = /^(#{1,6}) (.*)$/.exec(line);
    return match ? [{ level: match[1]!.length, text: match[2]! }] : [];
  });

const levelCounts = (markdown: string) =>
  headings(markdown).reduce<Record<number, number>>((counts, { level }) => ({ ...counts, [level]: (counts[level] ?? 0) + 1 }), {});

/** The anchor GitHub gives a heading: lower case, punctuation dropped (letters with tone marks kept), spaces → dashes. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { text } of headings(markdown)) {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_ -]/gu, "").replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Per heading, in order: its level, its list items and its table rows, so no bullet or row is summarised away. */
const shape = (markdown: string) =>
  split(markdown).prose.reduce<{ level: number; items: number; tableRows: number }[]>((sections, line) => {
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) return [...sections, { level: heading[1]!.length, items: 0, tableRows: 0 }];
    const current = sections.at(-1);
    if (current && line.startsWith("- ")) current.items += 1;
    if (current && line.startsWith("|")) current.tableRows += 1;
    return sections;
  }, []);

const flags = (markdown: string) => new Set(markdown.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? []);

/** Links outside code: [text](target), not to the web. */
const localLinks = (markdown: string) =>
  [...split(markdown).prose.join("\n").replace(/`[^`]*`/g, "").matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target));

describe("README.vi.md", () => {
  const english = read("README.md");
  const vietnamese = read("README.vi.md");

  it("shows every command of README.md (a Vietnamese example may add --lang vi)", () => {
    const shown = new Set(commands(vietnamese).flatMap((command) => [command, withoutLangVi(command)]));
    const missing = commands(english).filter((command) => !shown.has(command));
    expect(missing, "commands of README.md missing from README.vi.md").toEqual([]);
  });

  it("has as many headings of each level as README.md", () => {
    expect(levelCounts(vietnamese)).toEqual(levelCounts(english));
  });

  it("has, section by section, as many list items and table rows as README.md", () => {
    expect(shape(vietnamese)).toEqual(shape(english));
  });

  it("mentions every flag README.md mentions", () => {
    const shown = flags(vietnamese);
    expect([...flags(english)].filter((flag) => !shown.has(flag)), "flags missing from README.vi.md").toEqual([]);
  });

  it.each([
    ["README.vi.md", vietnamese],
    ["README.md", english],
  ])("%s links only to files that exist and headings that exist", (name, markdown) => {
    const broken = localLinks(markdown).filter((target) => {
      const [path, anchor] = target.split("#") as [string, string | undefined];
      const file = path === "" ? name : path;
      if (!existsSync(join(root, file))) return true;
      return anchor !== undefined && file.endsWith(".md") && !anchors(read(file)).has(decodeURIComponent(anchor));
    });
    expect(broken, `broken links in ${name}`).toEqual([]);
  });

  it("is linked at the top of README.md, and links back", () => {
    expect(english.split("\n").slice(0, 4).join("\n")).toContain("[README.vi.md](README.vi.md)");
    expect(vietnamese.split("\n").slice(0, 4).join("\n")).toContain("[README.md](README.md)");
  });
});
