// `--columns mapping.json`: the user's own header names for fields, {"Header in your file": "field"}.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ToolError } from "../errors.js";
import { fieldForHeader, normaliseHeader } from "./columns.js";
import type { FieldKey } from "./columns.js";

/** Normalised header → field. A Map, so "__proto__" or "constructor" are just names. */
export type ColumnMapping = Map<string, FieldKey>;

const FORMAT_HINT =
  'Write the mapping as one JSON object: {"Header in your file": "general_info.customer_code", ...}; ' +
  'a field is an API path (address.province, contact_persons.1.name) or a template header.';

const headerSchema = z
  .string()
  .refine((header) => normaliseHeader(header) !== "", "the header name has no letters or digits");
const fieldSchema = z
  .string({ error: "the field must be a string such as general_info.name" })
  .transform((text, ctx) => {
    const field = fieldForHeader(text);
    if (field === undefined) ctx.addIssue({ code: "custom", message: `"${text}" is not a known field` });
    return field ?? z.NEVER;
  });

/** Validates a parsed mapping.json; any bad entry is a whole-run error naming that entry. */
export function loadMappingObject(input: unknown, source = "the column mapping"): ColumnMapping {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ToolError("E_MAPPING", `${source} is not a JSON object of header → field.`, { hint: FORMAT_HINT });
  }
  const mapping: ColumnMapping = new Map();
  const headerOf = new Map<string, string>();
  // Object.entries over the parsed JSON keeps own "__proto__" keys that z.record would drop silently.
  for (const [header, value] of Object.entries(input)) {
    const headerResult = headerSchema.safeParse(header);
    const fieldResult = fieldSchema.safeParse(value);
    const problem = headerResult.error?.issues[0]?.message ?? fieldResult.error?.issues[0]?.message;
    if (problem !== undefined || !fieldResult.success) {
      throw new ToolError("E_MAPPING", `${source}: entry "${header}": ${problem ?? "invalid"}.`, {
        hint: FORMAT_HINT,
      });
    }
    const key = normaliseHeader(header);
    const earlier = mapping.get(key);
    if (earlier !== undefined && earlier !== fieldResult.data) {
      throw new ToolError(
        "E_MAPPING",
        `${source}: entries "${headerOf.get(key)}" and "${header}" are the same header but map to ` +
          `${earlier} and ${fieldResult.data}.`,
        { hint: "Keep one of the two entries." },
      );
    }
    mapping.set(key, fieldResult.data);
    headerOf.set(key, header);
  }
  return mapping;
}

/** The mapping file of --columns, read and checked. */
export async function loadMappingFile(path: string): Promise<ColumnMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new ToolError("E_MAPPING", `Cannot read the column mapping ${path}: ${(error as Error).message}`, {
      cause: error,
      hint: 'It must be a JSON object such as {"Mã KH": "general_info.customer_code"}.',
    });
  }
  return loadMappingObject(parsed, path);
}
