// Which program a file comes from and how its header row is read: the --columns plan, or a profile recognised by its headers.
import { ToolError } from "../errors.js";
import { findHeaderRow, headerText } from "../customers/header.js";
import type { ColumnMapping } from "../customers/mapping.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import type { SheetRow } from "../spreadsheet/types.js";
import { recogniseProfile } from "./index.js";
import { emptyPlan, planFromProfile } from "./plan.js";
import type { FieldKey } from "../customers/columns.js";
import type { SourcePlan } from "./plan.js";
import { createReshaper } from "./reshape.js";
import type { Reshaper } from "./reshape.js";

export interface FileSource {
  found: { index: number; row: SheetRow } | undefined;
  plan: SourcePlan | undefined;
  mapping: ColumnMapping | undefined;
  /** present when the file is another program's shape (a profile, roles or value maps) */
  reshaper: Reshaper | undefined;
  warnings: Message[];
}

const HEADER_SEARCH_ROWS = 10;
const MAX_HEADER_CHARS = 200;

/** The header row and the plan to read it by: the user's --columns first, else a recognised program's profile. */
export function findSource(head: SheetRow[], userPlan: SourcePlan | undefined, defaults: ReadonlyMap<FieldKey, string> = new Map(), codesOnly = false): FileSource {
  let plan = userPlan;
  let found: FileSource["found"];
  const warnings: Message[] = [];
  if (plan === undefined) {
    // the header row our own names find, else each of the first rows (Sapo's headers are none of ours)
    const generic = findHeaderRow(head, { codesOnly });
    const candidates = generic !== undefined ? [generic] : head.slice(0, HEADER_SEARCH_ROWS).map((row, index) => ({ index, row }));
    for (const candidate of candidates) {
      // a header is short: a long cell (a data row's 10 MB note) is not worth normalising
      const profile = recogniseProfile(candidate.row.cells.map((cell) => (cell?.kind === "text" && cell.text.length > MAX_HEADER_CHARS ? "" : headerText(cell))));
      if (profile === undefined) continue;
      found = candidate;
      plan = planFromProfile(profile);
      warnings.push(msg(profile.certainty === "unsure" ? "sources.recognisedUnsure" : "sources.recognised", { name: profile.name }));
      break;
    }
  }
  const mapping = plan?.fields;
  found ??= findHeaderRow(head, mapping ? { mapping, codesOnly } : { codesOnly });
  const shaped = defaults.size > 0 || (plan !== undefined && (plan.profile !== undefined || plan.roles.size > 0 || plan.values.size > 0 || plan.noField.size > 0 || plan.unsure.size > 0));
  const reshaper = shaped && found !== undefined ? createReshaper(found.row, plan ?? emptyPlan(), defaults) : undefined;
  return { found, plan, mapping, reshaper, warnings: [...warnings, ...(reshaper?.warnings ?? [])] };
}

/** MISA SME's 0/1 flag with no other type column: said before the generic "type is missing", which would not tell what to do. */
export function refuseUnsureType(reshaper: Reshaper | undefined): void {
  if (reshaper?.unsureType === undefined) return;
  throw new ToolError("E_MAPPING", msg("sources.unsure", { header: reshaper.unsureType }), { hint: msg("sources.columns.formatHint") });
}
