// `--columns mapping.json`: the user's own header names for fields, {"Header in your file": "field"}.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ToolError } from "../errors.js";
import { fieldForHeader, normaliseHeader } from "./columns.js";
import type { FieldKey } from "./columns.js";
import { CATALOGUE } from "../i18n/catalogue.js";
import { msg } from "../i18n/text.js";
import type { Message, MessageKey } from "../i18n/text.js";

/** Normalised header → field. A Map, so "__proto__" or "constructor" are just names. */
export type ColumnMapping = Map<string, FieldKey>;

// A JSON example is a value (braces are not catalogue text); its header is said in the user's language.
const EXAMPLE_OBJECT = msg("customers.mapping.exampleObject", { open: "{", header: msg("customers.mapping.exampleHeader"), close: "}" });
const FORMAT_HINT = msg("customers.mapping.formatHint", { example: EXAMPLE_OBJECT });

// zod's messages are catalogue keys; a custom issue's values ride in its params.
const problemKey = (key: MessageKey): MessageKey => key;
const headerSchema = z
  .string()
  .refine((header) => normaliseHeader(header) !== "", problemKey("customers.mapping.noLetters"));
const fieldSchema = z
  .string({ error: problemKey("customers.mapping.notString") })
  .transform((text, ctx) => {
    const field = fieldForHeader(text);
    if (field === undefined) ctx.addIssue({ code: "custom", message: problemKey("customers.mapping.unknownField"), params: { field: text } });
    return field ?? z.NEVER;
  });

/** The first zod issue as the Message its key names. */
function problemOf(issues: readonly z.core.$ZodIssue[] | undefined): Message | undefined {
  const issue = issues?.[0];
  if (issue === undefined) return undefined;
  if (!Object.hasOwn(CATALOGUE, issue.message)) return msg("customers.mapping.invalid");
  const field: unknown = issue.code === "custom" ? issue.params?.field : undefined;
  return { key: issue.message as MessageKey, params: typeof field === "string" ? { field } : {} };
}

/** Validates a parsed mapping.json; any bad entry is a whole-run error naming that entry. */
export function loadMappingObject(input: unknown, source: string | Message = msg("customers.mapping.source")): ColumnMapping {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ToolError("E_MAPPING", msg("customers.mapping.notObject", { source }), { hint: FORMAT_HINT });
  }
  const mapping: ColumnMapping = new Map();
  const headerOf = new Map<string, string>();
  // Object.entries over the parsed JSON keeps own "__proto__" keys that z.record would drop silently.
  for (const [header, value] of Object.entries(input)) {
    const headerResult = headerSchema.safeParse(header);
    const fieldResult = fieldSchema.safeParse(value);
    const problem = problemOf(headerResult.error?.issues) ?? problemOf(fieldResult.error?.issues);
    if (problem !== undefined || !fieldResult.success) {
      throw new ToolError("E_MAPPING", msg("customers.mapping.badEntry", { source, header, problem: problem ?? msg("customers.mapping.invalid") }), {
        hint: FORMAT_HINT,
      });
    }
    const key = normaliseHeader(header);
    const earlier = mapping.get(key);
    if (earlier !== undefined && earlier !== fieldResult.data) {
      throw new ToolError(
        "E_MAPPING",
        msg("customers.mapping.conflict", { source, first: headerOf.get(key) ?? "", second: header, firstField: earlier, secondField: fieldResult.data }),
        { hint: msg("customers.mapping.conflictHint") },
      );
    }
    mapping.set(key, fieldResult.data);
    headerOf.set(key, header);
  }
  return mapping;
}

/** The mapping file of --columns, read and checked. */
export async function loadMappingFile(path: string): Promise<ColumnMapping> {
  return loadMappingObject(await readMappingJson(path), path);
}

/** The --columns file's JSON, parsed; unreadable or not JSON is a whole-run error. */
export async function readMappingJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as unknown;
  } catch (error) {
    // the reason is the system's or the JSON parser's own text, quoted as it is
    throw new ToolError("E_MAPPING", msg("customers.mapping.unreadable", { path, reason: (error as Error).message }), {
      cause: error,
      hint: msg("customers.mapping.unreadableHint", { example: '{"Mã KH": "general_info.customer_code"}' }),
    });
  }
}
