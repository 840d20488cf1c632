import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSheetWriter } from "../../src/spreadsheet/write.js";
import { runCli, setup } from "../helpers/cli.js";
import { HEADER, customerRow, writeCustomersCsv } from "../helpers/files.js";
import { readReport } from "../reliability/harness.js";
import { openSheet } from "../../src/spreadsheet/open.js";
import { mayHoldUnseen } from "../../src/customers/invisible.js";

// "KH00001" three times as every screen shows it: plain, with a zero-width space, with a soft hyphen.
const LOOK_ALIKES = [customerRow(1), customerRow(2, { "Customer code": "KH00001\u200b" }), customerRow(3, { "Customer code": "KH\u00ad00001", Name: "Trần\u200b Bình" })];

async function writeInput(dir: string, format: "csv" | "xlsx"): Promise<string> {
  if (format === "csv") return writeCustomersCsv(dir, "in.csv", LOOK_ALIKES);
  const file = join(dir, "in.xlsx");
  const writer = await createSheetWriter(file, { columns: HEADER });
  for (const row of LOOK_ALIKES) await writer.write(row);
  await writer.close();
  return file;
}

async function reportRows(file: string): Promise<Record<string, string>[]> {
  if (file.endsWith(".csv")) return readReport(file);
  const rows: string[][] = [];
  for await (const row of (await openSheet(file)).rows) rows.push(row.cells.map((cell) => (cell?.kind === "text" ? cell.text : "")));
  const [header = [], ...data] = rows;
  return data.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

describe("invisible characters in a customer code", () => {
  it.each(["csv", "xlsx"] as const)("make the row invalid, naming the character (%s), and nothing look-alike is created", async (format) => {
    const { sandbox, dir, env } = await setup();
    const input = await writeInput(dir, format);
    const run = await runCli(["import", input, "--rate", "0"], { env });
    expect(run.code).toBe(1);
    const rows = await reportRows(join(dir, `in.report.${format}`));
    expect(rows.map((row) => row.status)).toEqual(["created", "invalid", "invalid"]);
    expect(rows[1]?.message).toContain('Customer code (general_info.customer_code): holds an invisible character, U+200B zero-width space, after "KH00001"');
    expect(rows[2]?.message).toContain("U+00AD soft hyphen");
    // the report keeps the code as the user typed it, so the fix is made there
    expect(rows[1]?.["Customer code"]).toBe("KH00001\u200b");
    expect(sandbox.store.list().map((customer) => customer.general_info.customer_code)).toEqual(["KH00001"]);
  });

  it("removes them from other text with a warning naming the cell", async () => {
    const { sandbox, dir, env } = await setup();
    const input = await writeCustomersCsv(dir, "in.csv", [customerRow(1, { Name: "Nguyễn\u200b\u00a0Văn A" })]);
    const run = await runCli(["import", input, "--rate", "0"], { env });
    expect(run.code).toBe(0);
    const [row] = await readReport(join(dir, "in.report.csv"));
    expect(row?.message).toBe("Name (general_info.name): removed invisible U+200B zero-width space; replaced U+00A0 no-break space with a space; Bank 1 name (bank_accounts.1.bank_name): bank name Vietcombank filled in from the bank code 203");
    expect(sandbox.store.byCode("KH00001")?.general_info.name).toBe("Nguyễn Văn A");
  });
});

describe("mayHoldUnseen, the row mapper's one look at every text cell", () => {
  // the class the one-pass check stands for: invisible characters, and control characters but tab and line breaks
  const UNSEEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

  it("answers as the character class does for every UTF-16 code unit, alone and inside Vietnamese text", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `Nguyễn${char}Văn`, `KH00001${char}`]) {
        if (mayHoldUnseen(text) !== UNSEEN_IN_TEXT.test(text)) expect.fail(`U+${code.toString(16)} in ${JSON.stringify(text)}: ${mayHoldUnseen(text)}`);
      }
    }
    expect(mayHoldUnseen("")).toBe(false);
    expect(mayHoldUnseen("dòng 1\r\ndòng 2\tcột")).toBe(false);
  });
});
