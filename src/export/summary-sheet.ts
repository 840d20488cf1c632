// The summary sheet, last of an XLSX export: what the run found and did, and with which parameters (never a secret).
import type { Lang } from "../customers/columns.js";
import { typeLabel } from "../customers/template.js";
import { t } from "../i18n/text.js";
import { formatTimestamp } from "./cell-words.js";
import type { ExtraSheet } from "./export-file.js";
import type { RunFacts } from "./run.js";

/** `parameters`: the flags as given, [flag, value]; credentials are never among them (the caller picks which). */
export function summarySheet(lang: Lang, facts: RunFacts, parameters: [string, string][], timeZone: string | undefined): ExtraSheet {
  const when = new Date(facts.startedMs).toISOString();
  const rows: string[][] = [
    [t(lang, "accounting.sheet.item"), t(lang, "accounting.sheet.value")],
    [t(lang, "accounting.sheet.snapshot"), timeZone === undefined ? when : `${formatTimestamp(when, timeZone)} (${timeZone})`],
    [t(lang, "accounting.sheet.listed"), String(facts.listed)],
    [t(lang, "accounting.sheet.written"), String(facts.written)],
  ];
  for (const [type, count] of [...facts.byType].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const word = type === "personal" || type === "company" ? typeLabel(lang, type) : type;
    rows.push([t(lang, "accounting.sheet.ofType", { type: word }), String(count)]);
  }
  rows.push(
    [t(lang, "accounting.sheet.createdDuring"), String(facts.createdDuringExport.length)],
    [t(lang, "accounting.sheet.changedDuring"), String(facts.changedDuringExport.length)],
    [t(lang, "accounting.sheet.deletedDuring"), String(facts.deletedDuringExport.length)],
  );
  if (facts.changes) {
    const { changes } = facts;
    rows.push(
      [t(lang, "accounting.sheet.baseline"), changes.baseline ?? "—"],
      [t(lang, "accounting.sheet.new"), String(changes.new)],
      [t(lang, "accounting.sheet.changed"), String(changes.changed)],
      [t(lang, "accounting.sheet.deleted"), String(changes.deleted)],
      [t(lang, "accounting.sheet.unchanged"), String(changes.unchanged)],
    );
  }
  for (const [flag, value] of parameters) rows.push([t(lang, "accounting.sheet.parameter", { flag }), value]);
  return { name: t(lang, "accounting.sheet.name"), rows, header: true };
}
