// A run's connection to the API: one client and the run's one pacer.
import { createClient } from "./client.js";
import type { FinanClient } from "./client.js";
import { createPacer } from "./pacer.js";
import type { Pacer, PacerOptions } from "./pacer.js";
import type { Connection } from "../config.js";

/** How a run paces its requests (flags --rate, --concurrency, --retries, --max-wait). */
export type Pacing = Omit<PacerOptions, "signal">;

export interface ApiSession {
  client: FinanClient;
  pacer: Pacer;
  close(): Promise<void>;
}

/** A client with one keep-alive connection per request in flight, and the run's one pacer. */
export function openSession(connection: Connection, pacing: Pacing, signal: AbortSignal): ApiSession {
  const client = createClient({ ...connection, connections: pacing.concurrency, headersTimeoutMs: connection.timeoutMs, bodyTimeoutMs: connection.timeoutMs });
  const pacer = createPacer({ ...pacing, signal });
  return { client, pacer, close: () => client.close() };
}
