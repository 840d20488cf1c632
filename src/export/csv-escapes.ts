// The export's word about cells a CSV carries as _xHHHH_ (issue #20: control characters in CSV).
import { describeCharacter } from "../customers/invisible.js";
import { unsafeCsvCharacter } from "../spreadsheet/csv-text.js";

const NAMED = 10;

/** Notes each CSV cell that holds a control character; `warning` says them in one line. */
export function createEscapeNotes() {
  const named: string[] = [];
  let cells = 0;
  return {
    note(customerCode: string | undefined, headers: readonly string[], values: readonly (string | undefined)[]): void {
      values.forEach((value, index) => {
        const char = value === undefined ? undefined : unsafeCsvCharacter(value);
        if (char === undefined) return;
        cells += 1;
        if (named.length < NAMED) named.push(`${customerCode || "(no code)"} ${headers[index] ?? `column ${index + 1}`} (${describeCharacter(char)})`);
      });
    },
    get warning(): string | undefined {
      if (cells === 0) return undefined;
      const more = cells > named.length ? ` and ${(cells - named.length).toLocaleString("en-US")} more` : "";
      const count = cells === 1 ? "1 cell holds a control character" : `${cells.toLocaleString("en-US")} cells hold control characters`;
      return `${count} a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): ${named.join(", ")}${more}.`;
    },
  };
}
