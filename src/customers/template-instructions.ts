// The Instructions sheet of the XLSX template: every column and every rule, in English and Vietnamese side by side.
import { actionWordList } from "./actions.js";
import { headerFor, parseFieldKey } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { CATALOGUE } from "../i18n/catalogue.js";
import { render, t } from "../i18n/text.js";
import type { Message, MessageKey } from "../i18n/text.js";

const REQUIRED = new Set<string>(["general_info.customer_code", "general_info.name", "general_info.type"]);

/** The rules, in the order the sheet lists them (catalogue area `template`). */
const RULES = ["oneRow", "required", "companyContact", "shapes", "text", "excel", "groups", "headers", "validate"] as const;
/** The Vietnamese rules (catalogue area `rules`), listed after the general ones. */
const VIETNAMESE_RULES = ["phones", "taxIds", "banks", "provinces", "strict"] as const;

/** An entry in both languages: the sheet shows the two side by side, whatever --lang says. */
function both(key: MessageKey): [string, string] {
  const said: Message = { key, params: {} };
  return [render("en", said), render("vi", said)];
}

/** Rows of the Instructions sheet for the template's columns: rules first, then one line per column. */
export function instructionRows(fields: FieldKey[]): string[][] {
  const [required, requiredVi] = both("template.heading.required");
  const [yes, yesVi] = both("template.yes");
  const rows: string[][] = [
    both("template.title"),
    [],
    both("template.rules"),
    ...RULES.map((rule) => both(`template.rule.${rule}`)),
    both("damage.instructions.digits"),
    ...VIETNAMESE_RULES.map((rule) => both(`rules.instructions.${rule}`)),
    both("sources.instructions.otherSystems"),
    both("damage.instructions.examples"),
    [],
    [...both("template.heading.header"), t("en", "template.heading.field"), `${required} / ${requiredVi}`, ...both("template.heading.help")],
  ];
  for (const field of fields) {
    const required = REQUIRED.has(field) ? `${yes} / ${yesVi}` : "";
    rows.push([headerFor(field, "en"), headerFor(field, "vi"), field, required, ...both(helpKey(field))]);
  }
  // not a customer field: what to do with the row (its words in both languages, from the column's own table)
  const { en, vi } = actionWordList();
  rows.push([...both("actions.column.header"), "", "", t("en", "actions.template.help", { words: en }), t("vi", "actions.template.help", { words: vi })]);
  return rows;
}

/** What goes in each column, by field (contact and bank fields by attribute, for any group N). */
function helpKey(field: FieldKey): MessageKey {
  const ref = parseFieldKey(field);
  const attr = ref === undefined ? field : ref.group === "contact_persons" ? `contact.${ref.attr}` : ref.group === "bank_accounts" ? `bank.${ref.attr}` : ref.attr;
  const key = `template.column.${attr}`;
  if (!Object.hasOwn(CATALOGUE, key)) throw new Error(`no instructions for ${field}`);
  return key as MessageKey;
}
