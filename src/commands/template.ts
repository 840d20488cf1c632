import { headerLang } from "./options.js";
import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Lang } from "../customers/columns.js";
import { templateContent } from "../customers/template.js";
import { ToolError } from "../errors.js";
import { writeLine } from "../io.js";
import { msg, t, verbatim } from "../i18n/text.js";
import { createSheetWriter } from "../spreadsheet/write.js";
import { defineCommand } from "./define.js";

/** `finan-bulk template <file>`: a ready-to-fill .xlsx (instructions, Type dropdown) or .csv (UTF-8 BOM). */
export const templateCommand = defineCommand({
  builder: (y, lang) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: t(lang, "cli.help.template.file") })
      .option("force", { type: "boolean", describe: t(lang, "cli.help.template.force") })
      .example("$0 template customers.xlsx", t(lang, "cli.help.template.example"))
      .example("$0 template khach-hang.xlsx --lang vi", t(lang, "cli.help.template.exampleVi")),
  run: async (args, io) => {
    const file = resolve(io.cwd, args.file);
    // `template customers.xlsx` over a list already filled in would wipe it: a blank form never replaces a file unasked
    if (!args.force && existsSync(file)) {
      throw new ToolError("E_USAGE", msg("cli.template.exists", { file: args.file }), { hint: msg("cli.template.existsHint") });
    }
    const written = await writeTemplate(file, headerLang(args.lang));
    if (args.json) {
      writeLine(io.stdout, verbatim(JSON.stringify({ command: "template", file: args.file, lang: headerLang(args.lang), format: written.format, columns: written.columns, exampleRows: written.exampleRows })));
    } else {
      const said = { file: args.file, columns: written.columns, examples: written.exampleRows };
      writeLine(io.stderr, t(io.lang, written.format === "xlsx" ? "cli.template.writtenXlsx" : "cli.template.writtenCsv", said));
      writeLine(io.stderr, t(io.lang, "cli.template.next", { file: args.file }));
    }
    return { failing: 0 };
  },
});

/** Writes the template; the XLSX writer formats every column as Text and freezes the header. */
export async function writeTemplate(file: string, lang: Lang): Promise<{ format: "xlsx" | "csv"; columns: number; exampleRows: number }> {
  const content = templateContent(lang);
  const format = extname(file).toLowerCase() === ".xlsx" ? "xlsx" : "csv";
  const writer = await createSheetWriter(file, {
    columns: content.headers,
    sheetName: content.sheetName,
    bom: true,
    // as export does, so "+84" reaches Excel as text and re-imports unchanged
    neutraliseFormulas: true,
    dropdowns: { [content.typeColumn]: content.typeChoices },
    extraSheets: [content.instructions],
  });
  try {
    for (const example of content.examples) await writer.write(example);
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { format, columns: content.headers.length, exampleRows: content.examples.length };
}
