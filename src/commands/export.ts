import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { resolveConnection } from "../config.js";
import { ToolError } from "../errors.js";
import type { Io } from "../io.js";
import { writeLine } from "../io.js";
import { parseColumnSelection } from "../export/columns.js";
import { createProgressLine } from "../output/progress.js";
import { saidText, secondsText } from "../output/summary.js";
import type { Lang } from "../i18n/lang.js";
import { msg, render, t, verbatim } from "../i18n/text.js";
import type { Message, Text } from "../i18n/text.js";
import { MAX_WARNINGS } from "../export/changes.js";
import { runExport } from "../export/run.js";
import { DEFAULT_TIME_ZONE, checkTimeZone } from "../export/cell-words.js";
import type { ExportFormat, ExportResult, NamedCustomer } from "../export/run.js";
import { createProfileShape, profileNotes } from "../profiles/export-shape.js";
import type { ProfileShape } from "../profiles/export-shape.js";
import { profileById } from "../profiles/index.js";
import { datedName, zoneFromEnv } from "../export/dated-name.js";
import { prepareOutputs } from "../export/outputs.js";
import { changeLines } from "../export/diff.js";
import { summarySheet } from "../export/summary-sheet.js";
import { defineCommand } from "./define.js";
import { headerLang, numberOption, pacingOptions, withNetworkFlags } from "./options.js";

/** Customers named per line of the summary; --json names them all. */
const NAMED = 10;

/** `finan-bulk export <file>`: exit 0 with the whole list written, 2 with nothing written, 130 interrupted. */
export const exportCommand = defineCommand({
  builder: (y, lang) =>
    withNetworkFlags(y.positional("file", { type: "string", demandOption: true, describe: t(lang, "cli.help.export.file") }), lang)
      .option("summary", { type: "boolean", default: false, describe: t(lang, "cli.help.export.summary") })
      .option("type", { choices: ["personal", "company"] as const, describe: t(lang, "cli.help.export.type") })
      .option("columns", { type: "string", describe: t(lang, "cli.help.export.columns") })
      .option("bom", { type: "boolean", default: true, describe: t(lang, "cli.help.export.bom") })
      .option("page-size", { type: "number", default: 100, describe: t(lang, "cli.help.export.pageSize") })
      .option("mkdir", { type: "boolean", default: false, describe: t(lang, "cli.help.export.mkdir") })
      .option("timezone", { type: "string", describe: t(lang, "export.help.timezone") })
      .option("profile", { choices: ["misa", "kiotviet"] as const, describe: t(lang, "sources.help.profile") })
      .option("misa-org-flag", { type: "string", choices: ["0", "1"] as const, describe: t(lang, "sources.help.misaOrgFlag") })
      .option("state", { type: "string", describe: t(lang, "accounting.help.state") })
      .option("changes-only", { type: "boolean", default: false, describe: t(lang, "accounting.help.changesOnly") })
      .option("changes-since", { type: "string", describe: t(lang, "accounting.help.changesSince") })
      .option("manifest", { type: "boolean", default: false, describe: t(lang, "accounting.help.manifest") })
      .option("force", { type: "boolean", default: false, describe: t(lang, "accounting.help.force") })
      .example("$0 export customers.xlsx", t(lang, "cli.help.export.exampleAll"))
      .example("$0 export out/customers.xlsx --mkdir", t(lang, "cli.help.export.exampleMkdir"))
      .example('$0 export "out/khach-hang-{date}.xlsx" --state out/customers.state.jsonl --changes-only', t(lang, "accounting.help.exampleDated"))
      .example("$0 export companies.csv --type company --json", t(lang, "cli.help.export.exampleCompanies"))
      .example('$0 export banks.csv --columns "Customer code,Name,bank_accounts"', t(lang, "cli.help.export.exampleColumns")),
  run: async (args, io) => {
    // a cron job's TZ names the day in the file's name; the run's start fixes it once
    const named = datedName(args.file, io.now(), zoneFromEnv(io.env.TZ));
    const format = formatOf(named);
    const selection = args.columns === undefined ? undefined : parseColumnSelection(args.columns, args.summary);
    const pageSize = numberOption(args.pageSize, "--page-size", { min: 1, integer: true });
    const pacing = { ...pacingOptions(args), ...(args.debug ? { onRetry: logRetry(io) } : {}) };
    const lang = headerLang(args.lang);
    // a nightly English export keeps the server's times unless asked; a Vietnamese one reads them in Vietnam's zone
    const timeZone = args.timezone !== undefined ? checkTimeZone(args.timezone) : lang === "vi" ? DEFAULT_TIME_ZONE : undefined;
    const profile = profileShape(args);
    const connection = resolveConnection(args, io.env, io.cwd, io.stderr, io.lang);
    const file = resolve(io.cwd, named);
    await checkWritable(file, named, args.mkdir);
    const outputs = await prepareOutputs({
      file,
      format,
      force: args.force,
      state: args.state,
      changesOnly: args.changesOnly,
      changesSince: args.changesSince,
      cwd: io.cwd,
      manifest: args.manifest,
      type: args.type,
      summaryOnly: args.summary,
      now: io.now,
    });
    for (const notice of outputs.notices) writeLine(io.stderr, render(io.lang, notice));
    // the run's flags as given, for the summary sheet: never the connection's (no secret goes in a file)
    const parameters: [string, string][] = [
      ["--type", args.type === undefined ? t(lang, "accounting.sheet.all") : args.type],
      ...(args.columns === undefined ? [] : [["--columns", args.columns] as [string, string]]),
      ...(args.state === undefined ? [] : [["--state", args.state] as [string, string]]),
      ...(args.changesSince === undefined ? [] : [["--changes-since", args.changesSince] as [string, string]]),
      ["--changes-only", String(args.changesOnly)],
      ["--lang", lang],
    ];
    const started = io.now();

    const progress = createProgressLine(io.stderr, io.isTTY, io.now, io.lang);
    let result: ExportResult;
    try {
      result = await runExport({
        file,
        format,
        summaryOnly: args.summary,
        type: args.type,
        selection,
        profile,
        lang,
        timeZone,
        bom: args.bom,
        pageSize,
        pacing,
        connection,
        signal: io.signal,
        now: io.now,
        onProgress: (state) => progress.update(state),
        diff: outputs.diff,
        summarySheet: (facts) => summarySheet(lang, facts, parameters, timeZone),
        onListed: (customers) => {
          if (args.json || args.summary) return;
          progress.clear();
          writeLine(io.stderr, fetchPlan(io.lang, customers, pacing.ratePerSecond, pageSize));
        },
      });
    } catch (error) {
      await outputs.failed();
      throw error;
    } finally {
      progress.clear();
    }
    const manifest = await outputs.succeeded({ customers: result.customers, startedMs: started, changes: result.changes });
    printSummary(io, { file: named, json: args.json, type: args.type, manifest }, profile === undefined ? result : withProfileNotes(result, profile), args.summary);
    return { failing: 0 };
  },
});

/** --profile misa|kiotviet, checked against the flags it cannot go with. */
function profileShape(args: { profile?: "misa" | "kiotviet" | undefined; misaOrgFlag?: "0" | "1" | undefined; columns?: string | undefined; summary: boolean }): ProfileShape | undefined {
  if (args.misaOrgFlag !== undefined && args.profile !== "misa") throw new ToolError("E_USAGE", msg("sources.export.flagWithoutMisa"));
  if (args.profile === undefined) return undefined;
  const clash = args.columns !== undefined ? "--columns" : args.summary ? "--summary" : undefined;
  if (clash !== undefined) throw new ToolError("E_USAGE", msg("sources.export.notWith", { flag: clash }), { hint: msg("sources.export.notWithHint", { flag: clash }) });
  return createProfileShape(profileById(args.profile === "misa" ? "misa-sme" : "kiotviet"), { orgFlag: args.misaOrgFlag });
}

/** The profile's notes (what its file left out) among the file's warnings, said once at the end. */
function withProfileNotes(result: ExportResult, profile: ProfileShape): ExportResult & { profile: string; dropped: ReturnType<ProfileShape["dropped"]> } {
  return { ...result, fileWarnings: [...result.fileWarnings, ...profileNotes(profile)], profile: profile.profile.id, dropped: profile.dropped() };
}

function printSummary(io: Io, asked: { file: string; json: boolean; type: string | undefined; manifest: string | undefined }, result: ExportResult, summaryOnly: boolean): void {
  const { lang } = io;
  const seconds = result.elapsedMs / 1000;
  const customersPerSecond = seconds > 0 ? Math.round((result.customers / seconds) * 10) / 10 : result.customers;
  if (asked.json) {
    // --json speaks English: the warnings' messages rendered so
    const english = { warnings: result.warnings.map((warning) => ({ ...warning, message: render("en", warning.message) })), fileWarnings: result.fileWarnings.map((warning) => render("en", warning)) };
    writeLine(io.stdout, verbatim(JSON.stringify({ command: "export", ok: true, ...result, ...english, manifest: asked.manifest ?? null, pace: result.pace?.bound ?? null, summaryOnly, type: asked.type ?? null, customersPerSecond })));
    return;
  }
  writeLine(io.stderr, t(lang, "cli.export.done", {
    customers: msg("common.customers", { count: result.customers }),
    file: asked.file,
    seconds: secondsText(lang, result.elapsedMs),
    perSecond: customersPerSecond,
    requests: msg("common.requests", { count: result.requests }),
  }));
  if (result.pace) writeLine(io.stderr, render(lang, result.pace.said));
  if (result.changes) for (const line of changeLines(result.changes)) writeLine(io.stderr, render(lang, line));
  if (asked.manifest !== undefined) writeLine(io.stderr, t(lang, "accounting.done.manifest", { file: asked.manifest }));
  const changes = [
    [result.deletedDuringExport, "cli.export.deleted"],
    [result.createdDuringExport, "cli.export.created"],
    [result.changedDuringExport, "cli.export.changed"],
  ] as const;
  for (const [customers, key] of changes) {
    if (customers.length === 0) continue;
    writeLine(io.stderr, t(lang, key, { count: customers.length, names: nameSome(lang, customers.map((customer) => nameOf(lang, customer))) }));
  }
  for (const warning of result.fileWarnings) writeLine(io.stderr, t(lang, "output.warning", { text: saidText(lang, warning) }));
  const { warnings, warningCount } = result;
  if (warningCount > 0) {
    writeLine(io.stderr, t(lang, "cli.export.warnings", { count: warningCount }));
    for (const warning of warnings.slice(0, NAMED)) writeLine(io.stderr, t(lang, "cli.export.warning", { customer: nameOf(lang, warning), text: saidText(lang, warning.message) }));
    if (warningCount > NAMED) writeLine(io.stderr, t(lang, "cli.export.moreWarnings", { count: warningCount - NAMED, max: MAX_WARNINGS }));
  }
}

/** How many records the export will fetch and, at --rate, about how long: the second listing pass counted too. */
export function fetchPlan(lang: Lang, customers: number, ratePerSecond: number, pageSize: number): Text {
  if (ratePerSecond <= 0) return t(lang, "cli.export.fetchPlanNoRate", { count: customers });
  const seconds = (customers + Math.ceil(customers / pageSize)) / ratePerSecond;
  return t(lang, "cli.export.fetchPlan", { count: customers, rate: ratePerSecond, duration: roughly(seconds) });
}

/** 40 s, 12 min, 2 h 05 min: an estimate, so no seconds past the first minute. */
function roughly(seconds: number): Message {
  if (seconds < 60) return msg("cli.export.aboutSeconds", { seconds: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return msg("cli.export.aboutMinutes", { minutes });
  return msg("cli.export.aboutHours", { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, "0") });
}

function nameOf(lang: Lang, customer: NamedCustomer): Text {
  return t(lang, "cli.export.customer", { code: customer.customer_code || msg("cli.export.noCode"), name: customer.name || customer.customer_id });
}

function nameSome(lang: Lang, names: Text[]): string {
  return names.length > NAMED ? t(lang, "cli.export.andMore", { names: names.slice(0, NAMED).join(", "), count: names.length - NAMED }) : names.join(", ");
}

function formatOf(file: string): ExportFormat {
  const extension = extname(file).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".csv") return "csv";
  throw new ToolError("E_USAGE", msg("cli.export.format", { extension: extension || msg("cli.export.noExtension"), file }), { hint: msg("cli.export.formatHint") });
}

/** Fail before hours of fetching, not after, when the target cannot be written. */
async function checkWritable(file: string, given: string, makeFolder: boolean): Promise<void> {
  const folder = dirname(file);
  // A missing folder is often an unmounted share: creating it would write to the local disk instead.
  if (!makeFolder && !(await stat(folder).catch(() => undefined))) {
    throw new ToolError("E_FILE_UNWRITABLE", msg("cli.export.noFolder", { file: given, folder }), { hint: msg("cli.export.noFolderHint") });
  }
  try {
    if (makeFolder) await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unwritable";
    throw new ToolError("E_FILE_UNWRITABLE", msg("cli.export.folderNotWritable", { file: given, folder, code }), { cause: error, hint: msg("cli.export.folderNotWritableHint") });
  }
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new ToolError("E_USAGE", msg("cli.export.isFolder", { file: given }), { hint: msg("cli.export.isFolderHint") });
  }
}

function logRetry(io: Io) {
  return ({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: Error }) => {
    // the error's own words (an API error quotes the server) until errors carry messages
    writeLine(io.stderr, t(io.lang, "cli.export.retry", { attempt: String(attempt), seconds: secondsText(io.lang, delayMs), text: error.message }));
  };
}
