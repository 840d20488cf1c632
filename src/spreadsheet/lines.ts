// Physical lines as a text editor counts them: CRLF, LF and a lone CR each end one line.

/** Line breaks in a piece of text (CRLF counts once). */
export function countLineBreaks(text: string): number {
  // indexOf scans natively: this runs over every cell of every CSV row
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) if (text.charCodeAt(at + 1) !== 0x0a) count++;
  return count;
}

/** Counts lines across chunks, so a CRLF split between two chunks still counts once. */
export class LineCounter {
  #breaks = 0;
  #pendingCR = false;

  /** the 1-based line the next character falls on */
  get line(): number {
    return 1 + this.#breaks + (this.#pendingCR ? 1 : 0);
  }

  /** whether the text so far ends with a CR that a following LF would join */
  get pendingCR(): boolean {
    return this.#pendingCR;
  }

  add(text: string): void {
    if (text === "") return;
    if (this.#pendingCR) {
      this.#breaks++;
      this.#pendingCR = false;
      if (text.charCodeAt(0) === 0x0a) text = text.slice(1);
    }
    if (text.endsWith("\r")) {
      this.#pendingCR = true;
      text = text.slice(0, -1);
    }
    this.#breaks += countLineBreaks(text);
  }
}

const LINE_BREAK = /\r\n?/g;

/** CRLF and a lone CR as LF: the one line break a spreadsheet cell holds (Excel's Alt+Enter). */
export function withLineFeeds(text: string): string {
  return text.includes("\r") ? text.replace(LINE_BREAK, "\n") : text;
}
