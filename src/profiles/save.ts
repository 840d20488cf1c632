// validate --save-columns: the mapping a run used, as the JSON --columns reads, to edit and reuse.
import { fieldForHeader, normaliseHeader } from "../customers/columns.js";
import { existsSync } from "node:fs";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { replaceFile } from "../temp-files.js";
import { emptyPlan, planToObject } from "./plan.js";
import type { SourcePlan } from "./plan.js";


/** Every column of the header as it is read: its field, role or value map; null for a column not sent. */
export function usedMapping(headers: readonly string[], plan: SourcePlan = emptyPlan()): Record<string, unknown> {
  const columns = headers.map((header) => {
    const key = normaliseHeader(header);
    const skipped = plan.roles.has(key) || plan.noField.has(key) || plan.unsure.has(key);
    return { header, field: skipped ? undefined : (plan.fields.get(key) ?? fieldForHeader(header)) };
  });
  return planToObject(plan, columns);
}

/** Written beside and renamed over, mode 0600; an existing file (perhaps the user's edited mapping) only with --force. */
export async function saveMapping(path: string, headers: readonly string[], plan: SourcePlan | undefined, force: boolean): Promise<void> {
  if (!force && existsSync(path)) throw new ToolError("E_OVERWRITE", msg("sources.save.exists", { path }), { hint: msg("sources.save.existsHint") });
  await replaceFile(path, `${JSON.stringify(usedMapping(headers, plan), null, 2)}\n`);
}
