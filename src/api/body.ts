// Reading an answer's body with a ceiling, so a lying or broken server cannot fill memory.
import type { Dispatcher } from "undici";
import { msg, render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

const MB = 1_000_000;

/** How much of an answer finan-bulk reads, and what for, as the message says it. */
export interface BodyLimit {
  maxBytes: number;
  what: Message;
}

/**
 * A list page holds summaries of ~250 bytes: 500 of them (Finan's page_size cap, API.md) are
 * ~125 KB. 16 MB still takes a server that ignores paging and sends ~60,000 customers at once.
 */
export const LIST_PAGE_LIMIT: BodyLimit = { maxBytes: 16 * MB, what: msg("api.body.listPage") };

/** One full record: even 6,000 contact persons are under 1 MB. Also caps error pages and deletes. */
export const RECORD_LIMIT: BodyLimit = { maxBytes: 4 * MB, what: msg("api.body.record") };

/** The answer was larger than the limit for its endpoint: it was not read to the end. */
export class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
  readonly said: Message;
  constructor(
    readonly limit: BodyLimit,
    /** the size the server announced (Content-Length), when it did */
    readonly announcedBytes: number | undefined,
  ) {
    const max = formatBytes(limit.maxBytes);
    const said = announcedBytes === undefined
      ? msg("api.body.tooLargePassed", { limit: max, what: limit.what })
      : msg("api.body.tooLargeAnnounced", { size: formatBytes(announcedBytes), what: limit.what, limit: max });
    super(render("en", said));
    this.said = said;
  }
}

/** The body as text, or BodyTooLarge as soon as it passes `maxBytes` (the connection is dropped, not drained). */
export async function readBodyText(response: Dispatcher.ResponseData, limit: BodyLimit): Promise<string> {
  const announced = Number(headerOf(response, "content-length"));
  if (Number.isFinite(announced) && announced > limit.maxBytes) {
    response.body.destroy();
    throw new BodyTooLarge(limit, announced);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    if (bytes > limit.maxBytes) {
      response.body.destroy();
      throw new BodyTooLarge(limit, undefined);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, bytes).toString("utf8");
}

/** `16 MB`, `150.3 MB`, `12.5 kB`, as people read sizes. */
function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`;
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

function headerOf(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
