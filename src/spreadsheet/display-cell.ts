// A cell back as text, as reports and messages show it.
import type { Cell } from "./types.js";

/** A cell as the report shows it: what the user typed, as near as text allows. */
export function displayCell(cell: Cell | undefined): string | undefined {
  if (cell === undefined) return undefined;
  switch (cell.kind) {
    case "text":
      return cell.text === "" ? undefined : cell.text;
    case "number":
      return Number.isInteger(cell.value) && Math.abs(cell.value) < 1e21 ? BigInt(cell.value).toString() : String(cell.value);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return Number.isNaN(cell.value.getTime()) ? "" : cell.value.toISOString().replace(/T00:00:00\.000Z$/, "");
    case "error":
      return cell.error;
    case "formula-without-value":
      return `=${cell.formula}`;
  }
}
