// The CSV worker thread: parses while the main thread maps and validates, a few packed batches ahead at most.
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { ToolError } from "../errors.js";
import type { Message } from "../i18n/text.js";
import type { CsvBatch } from "./csv-batch.js";
import { csvBatches } from "./csv-records.js";
import type { TextEncodingPlan } from "./csv-encoding.js";

export interface CsvWorkerInput {
  file: string;
  plan: TextEncodingPlan;
  delimiter: string;
  /** batches that may be in flight before the main thread has taken one */
  window: number;
}

export type CsvWorkerMessage =
  | { batch: CsvBatch }
  | { done: true }
  /** the messages as data (a Message is plain data): the main thread shows them in the run's language */
  | { toolError: { code: ToolError["code"]; said: Message; hintSaid: Message | undefined; exitCode: number } }
  | { failure: string };

async function run(port: MessagePort, input: CsvWorkerInput): Promise<void> {
  let credit = input.window;
  let wake: (() => void) | undefined;
  port.on("message", (granted: number) => {
    credit += granted;
    wake?.();
    wake = undefined;
  });
  const post = (message: CsvWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const send = async (batch: CsvBatch) => {
    post({ batch }, [batch.records.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer]);
    credit--;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    for await (const batch of csvBatches(input.file, input.plan, input.delimiter)) await send(batch);
    post({ done: true });
  } catch (error) {
    if (error instanceof ToolError) post({ toolError: { code: error.code, said: error.said, hintSaid: error.hintSaid, exitCode: error.exitCode } });
    else post({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    port.close();
  }
}

if (parentPort) await run(parentPort, workerData as CsvWorkerInput);
