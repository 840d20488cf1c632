// A problem inside one part of a workbook, said as a catalogue message, for the reader to wrap with the file's name.
import { render } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

/** Thrown below the reader (XML, cells) where the file is not known; `said` is shown in the run's language. */
export class PartError extends Error {
  readonly said: Message;

  constructor(said: Message) {
    super(render("en", said));
    this.said = said;
  }
}

/** What went wrong: our message when it is ours, else the library's own words (saxes, zlib), quoted. */
export function problemOf(error: unknown): Message | string {
  if (error instanceof PartError) return error.said;
  return error instanceof Error ? error.message : String(error);
}
