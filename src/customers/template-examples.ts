// The template's example rows (VD001, VD002) left in a filled template: known by their code and every other value, so a real customer coded VD001 is still imported.
import type { FieldKey } from "./columns.js";
import { TEMPLATE_EXAMPLES } from "./template.js";

// The type is written in the template's language (personal / Cá nhân): the other values say enough.
const COMPARED = (field: FieldKey): boolean => field !== "general_info.type";

/** The example's code when a row's values are exactly one of the template's examples, else undefined. */
export function templateExampleCode(fields: readonly FieldKey[], values: readonly (string | undefined)[]): string | undefined {
  const codeAt = fields.indexOf("general_info.customer_code");
  const code = codeAt === -1 ? undefined : values[codeAt];
  const example = TEMPLATE_EXAMPLES.find((candidate) => candidate["general_info.customer_code"] === code);
  if (example === undefined || code === undefined) return undefined;
  return fields.every((field, at) => !COMPARED(field) || values[at] === example[field]) ? code : undefined;
}
