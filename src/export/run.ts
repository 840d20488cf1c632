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
import type { ProfileShape } from "../profiles/export-shape.js";
import type { ColumnChoice, ExportColumns } from "./columns.js";
import { converge } from "./converge.js";
import { Ledger } from "./ledger.js";
import type { ListedCustomer } from "../api/list-entries.js";
import { exportFailure } from "./failures.js";
import { FetchFailed, fetchRecord } from "./fetch.js";
import type { Fetched } from "./fetch.js";
import { mapInOrder } from "./in-order.js";
import { checkSheetLimit, checkSheetWidth, createExportFile } from "./export-file.js";
import type { ExportFile, ExportFormat, ExportRecord, ExtraSheet, WidestRecord } from "./export-file.js";
import type { ExportProgress } from "../output/progress.js";
import { textRecord } from "./record-text.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { createSpoolDir, removeKilledSpools } from "./spool.js";
import { createDiff } from "./diff.js";
import { SpoolPlaces, codeOrder, summaryOrder } from "./code-order.js";
import type { Order } from "./code-order.js";
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
  /** `--profile`: another program's import file instead of our columns */
  profile?: ProfileShape | undefined;
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
  let ledger: Ledger | undefined;
  let passes: number;
  let changes: ExportChanges;
  let diffCounts: DiffCounts | undefined;
  await removeKilledSpools(options.spoolParent);
  const { client, pacer, close } = open(options.connection, options.pacing, options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal);
  try {
    spoolDir = await createSpoolDir(options.spoolParent);
    const spool = spoolDir.spool<CustomerRecord>("records.jsonl");
    const known = (ledger = new Ledger(spoolDir.path, started, options.type));
    const places = new SpoolPlaces();
    const keep = (index: number, fetched: Fetched) => spoolFetched(known, index, fetched, spool, places, options.type);
    const fetchOne = (index: number) => fetchRecord(client, pacer, known.customerId(index));
    passes = await converge(client, pacer, known, {
      pageSize: options.pageSize,
      type: options.type,
      ahead,
      afterFirstPass: (count) => {
        checkSheetLimit(options.format, count, options.file);
        options.onListed?.(count);
      },
      onProgress: options.onProgress,
      fetchNew: async (fresh, count) => {
        if (options.summaryOnly || count === 0) return;
        step.doing = msg("export.doing.fetching");
        let done = 0;
        for await (const [index, fetched] of mapInOrder(fresh, async (index) => [index, await fetchOne(index)] as const, ahead)) {
          await keep(index, fetched);
          options.onProgress?.({ phase: "fetching", done: (done += 1), total: count });
        }
        step.doing = msg("export.doing.listing");
      },
      refetch: async (index) => {
        const fetched = await fetchOne(index);
        if (!options.summaryOnly) await keep(index, fetched);
        return "notFound" in fetched;
      },
    });
    await spool.finish();
    step.doing = msg("export.doing.writing", { file: options.file });
    diffCounts = await writeFile(known, spool, places, output, options, started);
    await output.close();
    changes = describeChanges(known);
  } catch (caught) {
    stop.abort();
    await output.abort();
    const interrupted = options.signal?.aborted ?? false;
    let error = caught;
    if (caught instanceof FetchFailed) {
      error = caught.cause;
      const index = ledger?.indexOf(caught.customerId);
      const code = index === undefined ? "" : ledger!.summary(index).general_info.customer_code;
      if (!interrupted) step.doing = msg("export.doing.fetchingOne", { code: code || msg("export.noCode"), id: caught.customerId });
    }
    throw exportFailure(error, { doing: step.doing, file: options.file, clientId: options.connection.clientId, signal: options.signal });
  } finally {
    ledger?.close();
    await spoolDir?.remove();
    await close();
  }
  return {
    file: options.file,
    format: options.format,
    customers: output.written,
    ...changes,
    ...(diffCounts === undefined ? {} : { changes: diffCounts }),
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

/** Notes a fetched record in the ledger and spools it as text; a 104004 is noted, to be settled later. */
async function spoolFetched(ledger: Ledger, index: number, fetched: Fetched, spool: Spool<CustomerRecord>, places: SpoolPlaces, type: CustomerType | undefined): Promise<void> {
  if ("notFound" in fetched) {
    ledger.setNotFound(index, true);
    return;
  }
  const { record, oddities } = textRecord(fetched.record);
  const recordType = record.general_info.type?.trim().toLowerCase();
  const place = await spool.append(record);
  places.note(spool.count - 1, place);
  // The type may differ from the list's, or have changed since the list was read.
  ledger.notedFetched(index, { createdAt: record.created_at, updatedAt: record.updated_at, widths: countGroups(record), oddities, otherType: type !== undefined && recordType !== type, seq: spool.count - 1 });
}

/**
 * Writes the latest version of every customer that is still there, sorted by customer_code: the
 * records are read back from the spool by place, one at a time (memory holds an index of codes,
 * not the records). With a diff, deleted customers take their place in the order and unchanged ones may be left out.
 */
async function writeFile(ledger: Ledger, spool: Spool<CustomerRecord>, places: SpoolPlaces, output: ExportFile, options: ExportOptions, startedMs: number): Promise<DiffCounts | undefined> {
  // With --summary no record tells the type: a blank or odd listed type is not the one asked.
  if (options.summaryOnly && options.type !== undefined) for (let index = 0; index < ledger.size; index++) if (!ledger.listedAsType(index)) ledger.setOtherType(index, true);
  const isLive = (index: number) => !ledger.isDeleted(index) && !ledger.isOtherType(index);
  let live = 0;
  for (let index = 0; index < ledger.size; index++) if (isLive(index)) live += 1;
  const widths = { contacts: 0, banks: 0 };
  let widest: { index: number; contacts: number; banks: number } | undefined;
  if (needsGroupWidths(options.selection, options.summaryOnly)) {
    for (let index = 0; index < ledger.size; index++) {
      if (!isLive(index)) continue;
      const groups = ledger.widths(index);
      if (!widest || groups.contacts + groups.banks > widest.contacts + widest.banks) widest = { index, ...groups };
      widths.contacts = Math.max(widths.contacts, groups.contacts);
      widths.banks = Math.max(widths.banks, groups.banks);
    }
  }
  const { profile } = options;
  const columns = profile !== undefined ? { keys: [], headers: profile.headers, valuesOf: profile.row } : layoutColumns(options.selection, { lang: options.lang, summaryOnly: options.summaryOnly, widths, timeZone: options.timeZone });
  checkSheetWidth(options.format, columns, options.file, widest && widestRecord(ledger, widest));
  const fields = columns.keys.filter((key): key is FieldKey => !META_KEYS.has(key));
  const present = (id: string) => {
    const index = ledger.indexOf(id);
    return index !== undefined && !ledger.isDeleted(index);
  };
  const diff = options.diff ? createDiff(options.diff, fields, options.lang, present, options.type) : undefined;
  const sheets: ExtraSheet[] = [];
  await output.open(columns, diff?.extraHeaders ?? [], sheets);
  const byType = new Map<string, number>();
  const order = options.summaryOnly ? summaryOrder(ledger, isLive) : await codeOrder(ledger, spool, isLive);
  const records = options.summaryOnly ? summariesOf(ledger, order) : spool.readAt(order.places(places));
  const gone = diff?.gone ?? [];
  let next = 0;
  const total = live + gone.length;
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
  // a profile's file is the accounting program's own shape: no sheet of ours follows
  if (options.summarySheet && options.format === "xlsx" && profile === undefined) {
    sheets.push(options.summarySheet({ ...describeChanges(ledger), listed: ledger.size, written: output.written, byType, changes: diff?.counts, startedMs }));
  }
  return diff?.counts;
}

const META_KEYS = new Set<string>(["customer_id", "created_at", "updated_at"]);

async function* summariesOf(ledger: Ledger, order: Order): AsyncGenerator<ExportRecord> {
  for (const index of order.ledgerIndexes()) yield summaryAsRecord(ledger.summary(index));
}

function widestRecord(ledger: Ledger, { index, contacts, banks }: { index: number; contacts: number; banks: number }): WidestRecord {
  return { code: ledger.summary(index).general_info.customer_code, customerId: ledger.customerId(index), contacts, banks };
}

function summaryAsRecord(summary: ListedCustomer): ExportRecord {
  return { general_info: summary.general_info as CustomerRecord["general_info"], customer_id: summary.customer_id, created_at: summary.created_at };
}

function groupCount(columns: ExportColumns | undefined, group: "contact_persons" | "bank_accounts"): number {
  return new Set((columns?.keys ?? []).filter((key) => key.startsWith(`${group}.`)).map((key) => key.split(".")[1])).size;
}
