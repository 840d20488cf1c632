// The export pipeline: list → fetch (paced, in list order) → spool → flatten → write.
import type { FinanClient } from "../api/client.js";
import { createPacer, Interrupted, PacedFailure } from "../api/pacer.js";
import type { Pacer, PacerOptions } from "../api/pacer.js";
import type { PaceReport } from "../api/pace-report.js";
import { listAllCustomers } from "../api/paginate.js";
import type { Lang } from "../customers/columns.js";
import { countGroups } from "../customers/from-payload.js";
import type { CustomerRecord, CustomerSummary, CustomerType } from "../customers/types.js";
import { layoutColumns, needsGroupWidths } from "./columns.js";
import type { ColumnChoice, ExportColumns, GroupWidths } from "./columns.js";
import { exportFailure } from "./failures.js";
import { mapInOrder } from "./in-order.js";
import { checkSheetLimit, createExportOutput } from "./output.js";
import type { ExportFormat, ExportOutput, ExportRecord } from "./output.js";
import type { ExportProgress } from "./progress.js";
import { createSpoolDir } from "./spool.js";
import type { Spool, SpoolDir } from "./spool.js";

export type { ExportFormat } from "./output.js";

export interface ExportOptions {
  file: string;
  format: ExportFormat;
  /** only the list's summary fields, no per-customer GET */
  summaryOnly: boolean;
  type: CustomerType | undefined;
  /** `--columns`, parsed; undefined for the template's columns */
  selection: ColumnChoice[] | undefined;
  lang: Lang;
  /** CSV: UTF-8 BOM */
  bom: boolean;
  pageSize: number;
  /** pacing of every request of the run, listing included */
  pacing: Omit<PacerOptions, "signal">;
  /** full records fetched ahead of the one being written: bounds memory (default concurrency × 4) */
  ahead?: number;
  /** for the credential hint of a 401; never the secret */
  clientId: string;
  /** where the temporary spool folder goes (default the OS temp folder) */
  spoolParent?: string;
  /** Ctrl-C: stop, remove the partial file, exit 130 */
  signal?: AbortSignal;
  now: () => number;
  onProgress?: (progress: ExportProgress) => void;
}

export interface DeletedCustomer {
  customer_id: string;
  customer_code: string;
  name: string;
}

export interface ExportResult {
  file: string;
  format: ExportFormat;
  customers: number;
  /** listed, then answered 404 when fetched: deleted while the export ran */
  deletedDuringExport: DeletedCustomer[];
  columns: string[];
  contactGroups: number;
  bankGroups: number;
  requests: number;
  /** what bounded the requests, and the flag that would help (none for a short run) */
  pace?: PaceReport | undefined;
  elapsedMs: number;
  /** said after the summary; also in --json */
  warnings: string[];
}

type Fetched = { record: CustomerRecord } | { deleted: DeletedCustomer };

/** Carries which customer a fetch failed for, so the message can name it. */
class FetchFailed extends Error {
  constructor(
    readonly summary: CustomerSummary,
    override readonly cause: unknown,
  ) {
    super("fetch failed", { cause });
  }
}

/**
 * Exports every customer to `options.file`. The file appears under its name only when complete:
 * any failure (after the pacer's retries) or an interruption throws a ToolError and leaves
 * nothing there. Full records wait in a private temporary spool until the widest record is known.
 */
export async function runExport(client: FinanClient, options: ExportOptions): Promise<ExportResult> {
  const started = options.now();
  // Aborted on failure too, so requests still queued in the pacer are not sent for nothing.
  const stop = new AbortController();
  const pacer = createPacer({ ...options.pacing, signal: options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal });
  const output = createExportOutput(options);
  const deleted: DeletedCustomer[] = [];
  const step = { doing: "listing customers" };
  let spoolDir: SpoolDir | undefined;
  try {
    const listed = listMatching(client, pacer, options);
    if (options.summaryOnly) {
      await output.open(layoutColumns(options.selection, { lang: options.lang, summaryOnly: true, widths: { contacts: 0, banks: 0 } }));
      for await (const summary of listed) await output.write(summaryAsRecord(summary));
    } else {
      spoolDir = await createSpoolDir(options.spoolParent);
      const list = await spoolAll(listed, spoolDir.spool<CustomerSummary>("list.jsonl"), (done) => options.onProgress?.({ phase: "listing", done }));
      checkSheetLimit(options.format, list.count, options.file);
      step.doing = "fetching customers";
      const records = fetchRecords(client, pacer, list, deleted, options);
      await writeRecords(records, output, spoolDir, options, step);
    }
    step.doing = `writing ${options.file}`;
    await output.close();
  } catch (caught) {
    stop.abort();
    await output.abort();
    const interrupted = options.signal?.aborted ?? false;
    let error = caught;
    if (caught instanceof FetchFailed) {
      error = caught.cause;
      const { customer_code: code } = caught.summary.general_info;
      if (!interrupted && !(error instanceof Interrupted)) step.doing = `fetching customer ${code || "(no code)"} (${caught.summary.customer_id})`;
    }
    throw exportFailure(error, { doing: step.doing, file: options.file, clientId: options.clientId, interrupted });
  } finally {
    await spoolDir?.remove();
  }
  return {
    file: options.file,
    format: options.format,
    customers: output.written,
    deletedDuringExport: deleted,
    columns: output.columns?.headers ?? [],
    contactGroups: groupCount(output.columns, "contact_persons"),
    bankGroups: groupCount(output.columns, "bank_accounts"),
    requests: pacer.requestsStarted,
    pace: pacer.pace,
    elapsedMs: options.now() - started,
    warnings: output.warnings,
  };
}

/** Writes the records: straight through when the columns are fixed, else spooled until the widest is known. */
async function writeRecords(records: AsyncIterable<CustomerRecord>, output: ExportOutput, spoolDir: SpoolDir, options: ExportOptions, step: { doing: string }): Promise<void> {
  const layout = (widths: GroupWidths): ExportColumns => layoutColumns(options.selection, { lang: options.lang, summaryOnly: false, widths });
  if (!needsGroupWidths(options.selection, false)) {
    await output.open(layout({ contacts: 0, banks: 0 }));
    for await (const record of records) await output.write(record);
    return;
  }
  const widths = { contacts: 0, banks: 0 };
  const measured = async function* (): AsyncGenerator<CustomerRecord> {
    for await (const record of records) {
      const groups = countGroups(record);
      widths.contacts = Math.max(widths.contacts, groups.contacts);
      widths.banks = Math.max(widths.banks, groups.banks);
      yield record;
    }
  };
  const spooled = await spoolAll(measured(), spoolDir.spool<CustomerRecord>("records.jsonl"));
  step.doing = `writing ${options.file}`;
  await output.open(layout(widths));
  for await (const record of spooled.read()) await output.write(record, spooled.count);
}

/** Every listed customer of the wanted type, once, in list order. */
async function* listMatching(client: FinanClient, pacer: Pacer, options: ExportOptions): AsyncGenerator<CustomerSummary> {
  for await (const summary of listAllCustomers(client, pacer, { pageSize: options.pageSize })) {
    if (options.type === undefined || summary.general_info.type.trim().toLowerCase() === options.type) yield summary;
  }
}

/** Full records in list order, `ahead` fetches at most in advance; deletions are noted, not yielded. */
async function* fetchRecords(client: FinanClient, pacer: Pacer, list: Spool<CustomerSummary>, deleted: DeletedCustomer[], options: ExportOptions): AsyncGenerator<CustomerRecord> {
  const ahead = options.ahead ?? Math.max(1, options.pacing.concurrency) * 4;
  let done = 0;
  for await (const result of mapInOrder(list.read(), (summary) => fetchOne(client, pacer, summary), ahead)) {
    done += 1;
    options.onProgress?.({ phase: "fetching", done, total: list.count });
    if ("deleted" in result) deleted.push(result.deleted);
    // The type may have changed since the list was read.
    else if (options.type === undefined || result.record.general_info?.type === options.type) yield result.record;
  }
}

/** One full record; a 404 means the customer was deleted since it was listed, which is no failure. */
async function fetchOne(client: FinanClient, pacer: Pacer, summary: CustomerSummary): Promise<Fetched> {
  try {
    const { value } = await pacer.run(() => client.getCustomer(summary.customer_id), { idempotent: true });
    return { record: value.data };
  } catch (error) {
    if (error instanceof PacedFailure && error.error.status === 404) {
      const { customer_code, name } = summary.general_info;
      return { deleted: { customer_id: summary.customer_id, customer_code, name } };
    }
    throw new FetchFailed(summary, error);
  }
}

async function spoolAll<T>(values: AsyncIterable<T>, spool: Spool<T>, onEach?: (count: number) => void): Promise<Spool<T>> {
  for await (const value of values) {
    await spool.append(value);
    onEach?.(spool.count);
  }
  await spool.finish();
  return spool;
}

function summaryAsRecord(summary: CustomerSummary): ExportRecord {
  return { general_info: summary.general_info as CustomerRecord["general_info"], customer_id: summary.customer_id, created_at: summary.created_at };
}

function groupCount(columns: ExportColumns | undefined, group: "contact_persons" | "bank_accounts"): number {
  return new Set((columns?.keys ?? []).filter((key) => key.startsWith(`${group}.`)).map((key) => key.split(".")[1])).size;
}
