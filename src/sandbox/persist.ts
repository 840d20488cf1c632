// Keeps the sandbox store in a JSON file: loaded at start, saved (debounced, atomically) after writes.
import { readFile } from "node:fs/promises";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { replaceFile } from "../temp-files.js";
import type { SandboxStore, StoreSnapshot } from "./store.js";

// Long enough that a bulk import does not re-serialise the whole store on every write.
const SAVE_DELAY_MS = 200;

function isSnapshot(value: unknown): value is StoreSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const { customers, unpaidInvoices } = value as Record<string, unknown>;
  return (
    Array.isArray(customers) &&
    Array.isArray(unpaidInvoices) &&
    customers.every(
      (c: unknown) =>
        typeof c === "object" && c !== null && typeof (c as { customer_id?: unknown }).customer_id === "string" &&
        typeof (c as { general_info?: { customer_code?: unknown } }).general_info?.customer_code === "string",
    )
  );
}

/** Loads `file` into the store when it exists; a file that is not a sandbox store is a ToolError. */
export async function loadStore(file: string, store: SandboxStore): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new ToolError("E_FILE_UNREADABLE", msg("sandbox.data.unreadable", { file }), { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    parsed = error;
  }
  if (!isSnapshot(parsed)) {
    throw new ToolError("E_FILE_FORMAT", msg("sandbox.data.notStore", { file }), { hint: msg("sandbox.data.hint") });
  }
  try {
    store.restore(parsed);
  } catch (error) {
    throw new ToolError("E_FILE_FORMAT", msg("sandbox.data.conflicting", { file }), { cause: error, hint: msg("sandbox.data.hint") });
  }
}

/** Saves the store some milliseconds after it changes; flush() writes now and waits. */
export class StorePersister {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly file: string, private readonly store: SandboxStore) {
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch(() => undefined);
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  // Saves run one after another, and each replaces the file whole, so a reader never sees half a store.
  private save(): Promise<void> {
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        // beside it and renamed over: never through a link planted at the file (or at a guessable temp name)
        await replaceFile(this.file, JSON.stringify(this.store.snapshot()));
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    return this.writing;
  }

  /** Stops watching the store and writes any pending change. */
  async close(): Promise<void> {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }
}
