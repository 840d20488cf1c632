// saxes over a part's bytes: UTF-8 decoded across chunk boundaries, and no DOCTYPE (no entity tricks).
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { msg } from "../i18n/text.js";
import { PartError } from "./part-error.js";
import { NotPlainXml, scanXml } from "./xml-scan.js";

/** What a part's reader does with each element; names are local (a "x:row" prefix is dropped). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  /** Plain text (no entity, no CR) as its UTF-8 bytes, in place of text(), where the reader has them (xml-scan.ts). */
  bytes?(buffer: Buffer, start: number, end: number): void;
  close?(name: string): void;
  /**
   * An element read whole from its bytes (xml-scan.ts only), in place of its events: given the bytes
   * from its `<`, where it ends, NEED_MORE until it has all arrived, or AS_USUAL to have it read event by event.
   */
  element?(buffer: Buffer, start: number): number;
}

/**
 * Feed `bytes` through saxes, yielding after each chunk so the caller can hand on what its handlers
 * collected. Malformed XML, and any DOCTYPE (a billion laughs, an external entity), throw.
 */
export async function* xmlEvents(bytes: AsyncIterable<Buffer | string>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("doctype", () => {
    failure ??= new PartError(msg("sheet.doctype"));
  });
  parser.on("opentag", (tag) => {
    if (failure === undefined) handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  const { text, close } = handlers;
  if (text !== undefined) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (close !== undefined) parser.on("closetag", (tag) => close(localName(tag.name)));
  // a character split between two inflated chunks waits here for its other bytes
  const decoder = new StringDecoder("utf8");
  for await (const chunk of bytes) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk));
    if (failure !== undefined) throw failure;
    yield;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure !== undefined) throw failure;
  yield;
}

/** Where a part's bytes come from; called once more when the part must be read again from the start. */
export type PartBytes = () => AsyncIterable<Buffer | string> | Promise<AsyncIterable<Buffer | string>>;

/** How a part is read: the scanner's xml-scan.ts or saxes's xmlEvents. */
export type XmlReader = (bytes: AsyncIterable<Buffer | string>, handlers: XmlHandlers) => AsyncGenerator<void>;

/**
 * What `read` makes of a part, read by the fast scanner; where the part holds XML the scanner does
 * not read, read again by saxes from the start, the items already handed on skipped.
 */
export async function* scanOrParse<T>(part: PartBytes, read: (reader: XmlReader, bytes: AsyncIterable<Buffer | string>) => AsyncIterable<T>): AsyncGenerator<T> {
  let handedOn = 0;
  try {
    for await (const item of read(scanXml, await part())) {
      handedOn++;
      yield item;
    }
  } catch (error) {
    if (!(error instanceof NotPlainXml)) throw error;
    let seen = 0;
    for await (const item of read(xmlEvents, await part())) if (++seen > handedOn) yield item;
  }
}

/** Read a whole part through fresh `handlers()`: by the scanner, or by saxes from the start where it stops short. */
export async function readPart(part: PartBytes, handlers: () => XmlHandlers): Promise<void> {
  for await (const _ of scanOrParse(part, (reader, bytes) => reader(bytes, handlers())));
}

/** Read a whole part through `handlers`. */
export async function readXml(bytes: AsyncIterable<Buffer | string>, handlers: XmlHandlers): Promise<void> {
  for await (const _ of xmlEvents(bytes, handlers));
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}
