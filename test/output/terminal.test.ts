import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/output/terminal.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { runCli, setup } from "../helpers/cli.js";
import { HEADER, customerRow, writeCustomersCsv } from "../helpers/files.js";
import { envelope, faultyServer } from "../reliability/harness.js";

// Retitles the terminal, then clears it: what an attacker's header or server message would carry.
const ATTACK = "\u001b]0;owned\u0007\u001b[2J";
const SHOWN = "\\u001B]0;owned\\u0007\\u001B[2J";

const rowsOf = async (file: string) => {
  const rows = [];
  for await (const row of (await openSheet(file)).rows) rows.push(row.cells.map((cell) => (cell?.kind === "text" ? cell.text : undefined)));
  return rows;
};

describe("terminalSafe", () => {
  it.each([
    ["ESC and BEL", `a${ATTACK}b`, `a${SHOWN}b`],
    ["a carriage return that would overwrite the line", "ok\rfailed", "ok\\u000Dfailed"],
    ["C1 CSI and DEL", "x\u009b2Jy\u007f", "x\\u009B2Jy\\u007F"],
    ["a bidi override", "KH\u202e1", "KH\\u202E1"],
  ])("shows %s instead of obeying it", (_, text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
  });

  it("leaves tabs, line breaks and Vietnamese as they are", () => {
    expect(terminalSafe("Tên khách hàng\tNguyễn\ndòng 2")).toBe("Tên khách hàng\tNguyễn\ndòng 2");
  });

  it("keeps a --json line valid JSON with the same value", () => {
    const object = { message: `x\u009b${ATTACK}` };
    expect(JSON.parse(terminalSafe(JSON.stringify(object)))).toEqual(object);
  });
});

describe("what the CLI prints", () => {
  it("shows an escape sequence in a CSV header, and the report keeps the header as it was", async () => {
    const { dir } = await setup();
    const header = [...HEADER, `Note${ATTACK}`];
    const input = await writeCustomersCsv(dir, "in.csv", [[...customerRow(1), "x"]], header);
    const run = await runCli(["validate", input]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toContain(`Note${SHOWN}`);
    const [reportHeader] = await rowsOf(join(dir, "in.check.csv"));
    expect(reportHeader).toContain(`Note${ATTACK}`);
  });

  it("shows an escape sequence in a server's error message", async () => {
    const { sandbox, dir, env } = await setup();
    const server = await faultyServer(sandbox, () => ({ kind: "reply", status: 401, body: envelope(401, 104001, null, `bad signature${ATTACK}`), headers: { "content-type": "application/json" } }));
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1)]);
    const run = await runCli(["import", input, "--retries", "0"], { env: { ...env, FINAN_BASE_URL: server.url } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`bad signature${SHOWN}`);
    expect(run.stderr).not.toContain("\u001b");
  });
});
