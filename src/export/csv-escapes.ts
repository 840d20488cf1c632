// The export's word about cells a CSV carries as _xHHHH_ (issue #20: control characters in CSV).
import { describeCharacter } from "../customers/invisible.js";
import { unsafeCsvCharacter } from "../spreadsheet/csv-text.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";

const NAMED = 10;

/** Notes each CSV cell that holds a control character; `warning` says them in one line. */
export function createEscapeNotes() {
  const named: Message[] = [];
  let cells = 0;
  return {
    note(customerCode: string | undefined, headers: readonly string[], values: readonly (string | undefined)[]): void {
      values.forEach((value, index) => {
        const char = value === undefined ? undefined : unsafeCsvCharacter(value);
        if (char === undefined) return;
        cells += 1;
        if (named.length < NAMED) named.push(msg("export.escaped.cell", { code: customerCode || msg("export.noCode"), column: headers[index] ?? msg("export.escaped.column", { column: String(index + 1) }), character: describeCharacter(char) }));
      });
    },
    get warning(): Message | undefined {
      if (cells === 0) return undefined;
      // "a, b, c" in either language: a list format would add "and"
      const cellsNamed = named.reduceRight((rest: Message | undefined, first) => (rest === undefined ? first : msg("export.escaped.comma", { first, rest })), undefined) ?? "";
      if (cells > named.length) return msg("export.escaped.more", { count: cells, named: cellsNamed, more: cells - named.length });
      return msg("export.escaped", { count: cells, named: cellsNamed });
    },
  };
}
