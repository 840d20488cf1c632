// saxes over a part's bytes: UTF-8 decoded across chunk boundaries, and no DOCTYPE (no entity tricks).
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { msg } from "../i18n/text.js";
import { PartError } from "./part-error.js";

/** What a part's reader does with each element; names are local (a "x:row" prefix is dropped). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
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

/** Read a whole part through `handlers`. */
export async function readXml(bytes: AsyncIterable<Buffer | string>, handlers: XmlHandlers): Promise<void> {
  for await (const _ of xmlEvents(bytes, handlers));
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}
