// The importer's half of SPEC "export": undo the apostrophe the exporter put before formula-like text.

const GUARDED = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Removes exactly one leading apostrophe when it stands before = + - @ tab or CR; else unchanged. */
export function unneutraliseFormula(text: string): string {
  const next = text[1];
  return text[0] === "'" && next !== undefined && GUARDED.has(next) ? text.slice(1) : text;
}
