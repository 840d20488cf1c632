// How a file's columns become fields: from a recognised profile, from a --columns file, or both ($source).
import { normaliseHeader } from "../customers/columns.js";
import type { FieldKey } from "../customers/columns.js";
import { loadMappingObject, readMappingJson } from "../customers/mapping.js";
import type { ColumnMapping } from "../customers/mapping.js";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import type { Message } from "../i18n/text.js";
import { columnsByHeader, isProfileId, profileById } from "./index.js";
import { ROLES } from "./types.js";
import type { Profile, Role } from "./types.js";

export interface SourcePlan {
  /** the program the file came from, when known */
  profile?: Profile;
  /** normalised header → field */
  fields: ColumnMapping;
  roles: Map<string, Role>;
  /** normalised header → (the program's value as written → our value); matched like headers */
  values: Map<string, Map<string, string>>;
  /** normalised headers of columns with no Finan field: kept in the report, listed once */
  noField: Set<string>;
  /** normalised headers of columns whose meaning is not sure: never read */
  unsure: Set<string>;
}

export const emptyPlan = (): SourcePlan => ({ fields: new Map(), roles: new Map(), values: new Map(), noField: new Set(), unsure: new Set() });

/** A profile's columns as a plan. */
export function planFromProfile(profile: Profile): SourcePlan {
  const plan: SourcePlan = { ...emptyPlan(), profile };
  for (const [key, column] of columnsByHeader(profile)) {
    if (column.unsure) plan.unsure.add(key);
    else if (column.target === undefined) plan.noField.add(key);
    else if (isRole(column.target)) plan.roles.set(key, column.target);
    else plan.fields.set(key, column.target);
    if (column.values !== undefined) plan.values.set(key, normaliseValues(column.values));
  }
  return plan;
}

function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

function normaliseValues(values: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(values));
}

/**
 * A --columns object: {"Header": "field"}, {"Header": {"field": "…", "values": {"0": "company"}}},
 * {"Header": {"role": "area"}}, {"Header": null} (no field), and "$source": "kiotviet" to start
 * from that program's profile. Entries of the user override the profile's.
 */
export function planFromObject(input: unknown, source: string): SourcePlan {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ...emptyPlan(), fields: loadMappingObject(input, source) };
  const { $source: profileName, ...entries } = input as Record<string, unknown>;
  const plan = profileName === undefined ? emptyPlan() : planFromProfile(profileOf(profileName, source));
  // no prototype: a header named "__proto__" is an entry like any other, not the object's prototype
  const plain = Object.create(null) as Record<string, unknown>;
  for (const [header, value] of Object.entries(entries)) {
    const key = normaliseHeader(header);
    for (const part of [plan.fields, plan.roles, plan.values]) part.delete(key);
    plan.noField.delete(key);
    plan.unsure.delete(key);
    if (value === null) plan.noField.add(key);
    else if (typeof value !== "object" || Array.isArray(value)) plain[header] = value;
    else readEntry(plan, header, value as Record<string, unknown>, plain, source);
  }
  for (const [key, field] of loadMappingObject(plain, source)) plan.fields.set(key, field);
  return plan;
}

function readEntry(plan: SourcePlan, header: string, entry: Record<string, unknown>, plain: Record<string, unknown>, source: string): void {
  const key = normaliseHeader(header);
  const { field, role, values } = entry;
  if (typeof role === "string" && isRole(role) && field === undefined) plan.roles.set(key, role);
  else plain[header] = field;
  if (values === undefined) return;
  const valid = typeof values === "object" && values !== null && !Array.isArray(values) && Object.values(values).every((to) => typeof to === "string");
  if (!valid) throw badEntry(source, header, msg("sources.columns.badValues"));
  plan.values.set(key, normaliseValues(values as Record<string, string>));
}

function profileOf(name: unknown, source: string): Profile {
  if (typeof name === "string" && isProfileId(name)) return profileById(name);
  throw badEntry(source, "$source", msg("sources.columns.badSource", { value: String(name) }));
}

function badEntry(source: string, header: string, problem: Message): ToolError {
  return new ToolError("E_MAPPING", msg("customers.mapping.badEntry", { source, header, problem }), { hint: msg("sources.columns.formatHint") });
}

/** The mapping used, as the JSON --columns reads: written by validate --save-columns to edit and reuse. */
export function planToObject(plan: SourcePlan, columns: readonly { header: string; field?: FieldKey | undefined }[]): Record<string, unknown> {
  const object: Record<string, unknown> = plan.profile === undefined ? {} : { $source: plan.profile.id };
  for (const { header, field } of columns) {
    const key = normaliseHeader(header);
    const values = plan.values.get(key);
    const role = plan.roles.get(key);
    const entry = role !== undefined ? { role } : field !== undefined ? { field } : undefined;
    if (entry !== undefined) object[header] = values === undefined && field !== undefined ? field : { ...entry, ...(values === undefined ? {} : { values: Object.fromEntries(values) }) };
    else if (plan.noField.has(key) || plan.unsure.has(key)) object[header] = null;
  }
  return object;
}

/** The --columns file as a plan. */
export async function loadColumnsFile(path: string): Promise<SourcePlan> {
  return planFromObject(await readMappingJson(path), path);
}
