// The export pipeline: list until converged → fetch (paced, in list order) → spool → flatten → write.
import type { PaceReport } from "../api/pace-report.js";
import { openSession } from "../api/session.js";
import type { Pacing } from "../api/session.js";
import type { Connection } from "../config.js";
import type { Lang } from "../customers/columns.js";
import { countGroups } from "../customers/from-payload.js";
import type { CustomerRecord, CustomerType } from "../customers/types.js";
import { describeChanges } from "./changes.js";
import type { ExportChanges } from "./changes.js";
import { layoutColumns, needsGroupWidths } from "./columns.js";
import type { ColumnChoice, ExportColumns } from "./columns.js";
import { converge } from "./converge.js";
import type { Entry } from "./converge.js";
import { exportFailure } from "./failures.js";
import { FetchFailed, fetchRecord } from "./fetch.js";
import { mapInOrder } from "./in-order.js";
import { checkSheetLimit, checkSheetWidth, createExportFile } from "./export-file.js";
import type { ExportFile, ExportFormat, ExportRecord, ExtraSheet, WidestRecord } from "./export-file.js";
import type { ExportProgress } from "../output/progress.js";
import { textRecord } from "./record-text.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { createSpoolDir, removeKilledSpools } from "./spool.js";
import { byCode, createDiff } from "./diff.js";
import type { DiffCounts, DiffOptions } from "./diff.js";
import type { FieldKey } from "../customers/columns.js";
import type { Spool, SpoolDir } from "./spool.js";

export type { ExportFormat } from "./export-file.js";
export type { ExportWarning, NamedCustomer } from "./changes.js";

export interface ExportOptions {
  file: string;
  format: ExportFormat;
  /** only the list's summary fields, no per-customer GET */
  summaryOnly: boolean;
  type: CustomerType | undefined;
  /** `--columns`, parsed; undefined for the template's columns */
  selection: ColumnChoice[] | undefined;
  lang: Lang;
  /** created_at and updated_at as yyyy-mm-dd hh:mm:ss in this IANA zone (checked); undefined: as the server sent them */
  timeZone?: string | undefined;
  /** CSV: UTF-8 BOM */
  bom: boolean;
  pageSize: number;
  /** the server and credentials; in a 401's hint, the client id (never the secret) */
  connection: Connection;
  /** pacing of every request of the run, listing included */
  pacing: Pacing;
  /** full records fetched ahead of the one being written: bounds memory (default concurrency × 4) */
  ahead?: number;
  /** where the temporary spool folder goes (default the OS temp folder) */
  spoolParent?: string;
  /** Ctrl-C: stop, remove the partial file, exit 130 */
  signal?: AbortSignal;
  now: () => number;
  onProgress?: (progress: ExportProgress) => void;
  /** once the first listing pass is done: how many customers it found (of --type, if given) */
  onListed?: (customers: number) => void;
  /** --state / --changes-only / --changes-since: compare with a baseline, note each customer in the new state */
  diff?: DiffOptions | undefined;
  /** XLSX: the summary sheet, the last of the workbook, made once the rows are written */
  summarySheet?: ((facts: RunFacts) => ExtraSheet) | undefined;
}

/** What a summary sheet tells about the run, known once every row is written. */
export interface RunFacts extends ExportChanges {
  listed: number;
  written: number;
  /** customers written, by type as the server says it */
  byType: Map<string, number>;
  changes: DiffCounts | undefined;
  startedMs: number;
}

export interface ExportResult extends ExportChanges {
  file: string;
  format: ExportFormat;
  customers: number;
  columns: string[];
  contactGroups: number;
  bankGroups: number;
  /** with --state or --changes-since: new, changed, deleted and unchanged customers against the baseline */
  changes?: DiffCounts | undefined;
  /** full passes of the list it took until one found nobody new */
  listingPasses: number;
  /** what bounded the requests, and the flag that would help (none for a short run) */
  pace?: PaceReport | undefined;
  /** about how the file was written (control characters escaped): said after the summary; also in --json */
  fileWarnings: Message[];
  requests: number;
  elapsedMs: number;
}

/**
 * Exports every customer to `options.file`. The file appears under its name only when complete:
 * any failure (after the pacer's retries) or an interruption throws a ToolError and leaves
 * nothing there. Full records wait in a private temporary spool until the list has converged
 * and the widest record is known; the file then holds every customer the last pass confirmed.
 * `open` is openSession, as for import and undo; tests pass one whose client fails on cue.
 */
export async function runExport(options: ExportOptions, open: typeof openSession = openSession): Promise<ExportResult> {
  const started = options.now();
  // Aborted on failure too, so requests still queued in the pacer are not sent for nothing.
  const stop = new AbortController();
  const output = createExportFile(options);
  const step: { doing: Message } = { doing: msg("export.doing.listing") };
  const ahead = options.ahead ?? Math.max(1, options.pacing.concurrency) * 4;
  let spoolDir: SpoolDir | undefined;
  let entries: Map<string, Entry>;
  let passes: number;
  let changes: DiffCounts | undefined;
  await removeKilledSpools(options.spoolParent);
  const { client, pacer, close } = open(options.connection, options.pacing, options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal);
  try {
    spoolDir = await createSpoolDir(options.spoolParent);
    const spool = spoolDir.spool<CustomerRecord>("records.jsonl");
    const keep = (entry: Entry, fetched: Awaited<ReturnType<typeof fetchRecord>>) => spoolFetched(entry, fetched, spool, options.type);
    ({ entries, passes } = await converge(client, pacer, {
      pageSize: options.pageSize,
      type: options.type,
      ahead,
      afterFirstPass: (count) => {
        checkSheetLimit(options.format, count, options.file);
        options.onListed?.(count);
      },
      onProgress: options.onProgress,
      fetchNew: async (fresh) => {
        if (options.summaryOnly || fresh.length === 0) return;
        step.doing = msg("export.doing.fetching");
        let done = 0;
        for await (const [entry, fetched] of mapInOrder(fresh, async (entry) => [entry, await fetchRecord(client, pacer, entry.summary)] as const, ahead)) {
          await keep(entry, fetched);
          options.onProgress?.({ phase: "fetching", done: (done += 1), total: fresh.length });
        }
        step.doing = msg("export.doing.listing");
      },
      refetch: async (entry) => {
        const fetched = await fetchRecord(client, pacer, entry.summary);
        if (!options.summaryOnly) await keep(entry, fetched);
        return "notFound" in fetched;
      },
    }));
    await spool.finish();
    step.doing = msg("export.doing.writing", { file: options.file });
    changes = await writeFile(entries, spool, output, options, started);
    await output.close();
  } catch (caught) {
    stop.abort();
    await output.abort();
    const interrupted = options.signal?.aborted ?? false;
    let error = caught;
    if (caught instanceof FetchFailed) {
      error = caught.cause;
      const { customer_code: code } = caught.summary.general_info;
      if (!interrupted) step.doing = msg("export.doing.fetchingOne", { code: code || msg("export.noCode"), id: caught.summary.customer_id });
    }
    throw exportFailure(error, { doing: step.doing, file: options.file, clientId: options.connection.clientId, signal: options.signal });
  } finally {
    await spoolDir?.remove();
    await close();
  }
  return {
    file: options.file,
    format: options.format,
    customers: output.written,
    ...describeChanges(entries.values(), started),
    ...(changes === undefined ? {} : { changes }),
    columns: output.columns?.headers ?? [],
    contactGroups: groupCount(output.columns, "contact_persons"),
    bankGroups: groupCount(output.columns, "bank_accounts"),
    listingPasses: passes,
    fileWarnings: output.warnings,
    pace: pacer.pace,
    requests: pacer.requestsStarted,
    elapsedMs: options.now() - started,
  };
}

/** Notes a fetched record on its entry and spools it as text; a 104004 is noted, to be settled later. */
async function spoolFetched(entry: Entry, fetched: Awaited<ReturnType<typeof fetchRecord>>, spool: Spool<CustomerRecord>, type: CustomerType | undefined): Promise<void> {
  if ("notFound" in fetched) {
    entry.notFound = true;
    return;
  }
  entry.notFound = false;
  const { record, oddities } = textRecord(fetched.record);
  entry.oddities = oddities;
  const recordType = record.general_info.type?.trim().toLowerCase();
  // The type may differ from the list's, or have changed since the list was read.
  entry.otherType = type !== undefined && recordType !== type;
  entry.createdAt = record.created_at;
  entry.updatedAt = record.updated_at;
  entry.widths = countGroups(record);
  entry.place = await spool.append(record);
  entry.seq = spool.count - 1;
}

/**
 * Writes the latest version of every customer that is still there, sorted by customer_code: the
 * records are read back from the spool by place, one at a time (memory holds the entries, not the
 * records). With a diff, deleted customers take their place in the order and unchanged ones may be left out.
 */
async function writeFile(entries: Map<string, Entry>, spool: Spool<CustomerRecord>, output: ExportFile, options: ExportOptions, startedMs: number): Promise<DiffCounts | undefined> {
  // With --summary no record tells the type: a blank or odd listed type is not the one asked.
  const ofType = (entry: Entry) => !options.summaryOnly || options.type === undefined || entry.summary.general_info.type.trim().toLowerCase() === options.type;
  for (const entry of entries.values()) if (!ofType(entry)) entry.otherType = true;
  const live = [...entries.values()].filter((entry) => !entry.deleted && !entry.otherType);
  const widths = { contacts: 0, banks: 0 };
  let widest: WidestRecord | undefined;
  if (needsGroupWidths(options.selection, options.summaryOnly)) {
    for (const entry of live) {
      const groups = { contacts: entry.widths?.contacts ?? 0, banks: entry.widths?.banks ?? 0 };
      if (!widest || groups.contacts + groups.banks > widest.contacts + widest.banks) {
        widest = { code: entry.summary.general_info.customer_code, customerId: entry.summary.customer_id, ...groups };
      }
      widths.contacts = Math.max(widths.contacts, groups.contacts);
      widths.banks = Math.max(widths.banks, groups.banks);
    }
  }
  // --profile (issue #19, h15sys): a profile's columns and value mapping take the place of layoutColumns here, and no summary sheet follows
  const columns = layoutColumns(options.selection, { lang: options.lang, summaryOnly: options.summaryOnly, widths, timeZone: options.timeZone });
  checkSheetWidth(options.format, columns, options.file, widest);
  const sortKey = (entry: Entry) => ({ code: entry.summary.general_info.customer_code, id: entry.summary.customer_id });
  live.sort((a, b) => byCode(sortKey(a), sortKey(b)));
  const fields = columns.keys.filter((key): key is FieldKey => !META_KEYS.has(key));
  const present = (id: string) => entries.has(id) && entries.get(id)?.deleted !== true;
  const diff = options.diff ? createDiff(options.diff, fields, options.lang, present, options.type) : undefined;
  const sheets: ExtraSheet[] = [];
  await output.open(columns, diff?.extraHeaders ?? [], sheets);
  const byType = new Map<string, number>();
  const records = options.summaryOnly ? summaries(live) : spool.readAt(live.map((entry) => entry.place ?? { offset: 0, length: 0 }));
  const gone = diff?.gone ?? [];
  let next = 0;
  const total = live.length + gone.length;
  for await (const record of records) {
    const code = { code: String(record.general_info?.customer_code ?? "") };
    // a deleted customer comes before a live one of the same code (deleted and re-created: the old id, then the new)
    for (; diff && next < gone.length && (gone[next]?.customer.code ?? "") <= code.code; next += 1) {
      const row = diff.goneRow(gone[next] as (typeof gone)[number]);
      await output.write(row.record, total, row.extra);
    }
    const seen = diff ? await diff.see(record) : { extra: [] };
    const type = String(record.general_info?.type ?? "").trim().toLowerCase();
    byType.set(type, (byType.get(type) ?? 0) + 1);
    if (seen) await output.write(record, total, seen.extra);
  }
  for (; diff && next < gone.length; next += 1) {
    const row = diff.goneRow(gone[next] as (typeof gone)[number]);
    await output.write(row.record, total, row.extra);
  }
  if (options.summarySheet && options.format === "xlsx") {
    sheets.push(options.summarySheet({ ...describeChanges(entries.values(), startedMs), listed: entries.size, written: output.written, byType, changes: diff?.counts, startedMs }));
  }
  return diff?.counts;
}

const META_KEYS = new Set<string>(["customer_id", "created_at", "updated_at"]);

async function* summaries(live: Entry[]): AsyncGenerator<ExportRecord> {
  for (const entry of live) yield summaryAsRecord(entry);
}

function summaryAsRecord({ summary }: Entry): ExportRecord {
  return { general_info: summary.general_info as CustomerRecord["general_info"], customer_id: summary.customer_id, created_at: summary.created_at };
}

function groupCount(columns: ExportColumns | undefined, group: "contact_persons" | "bank_accounts"): number {
  return new Set((columns?.keys ?? []).filter((key) => key.startsWith(`${group}.`)).map((key) => key.split(".")[1])).size;
}
