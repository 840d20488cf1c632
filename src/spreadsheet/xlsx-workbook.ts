// The workbook around the sheet: its parts, sheet list, 1904 flag, number formats and shared strings.
import type { Readable } from "node:stream";
import { ToolError } from "../errors.js";
import { msg } from "../i18n/text.js";
import { MAX_PART_XML_BYTES } from "./limits.js";
import { problemOf } from "./part-error.js";
import { StringStore } from "./string-store.js";
import { readNumberFormats } from "./xlsx-styles.js";
import { readPart, readXml } from "./xml-events.js";
import type { PartBytes, XmlHandlers } from "./xml-events.js";
import { damaged, openZipEntry, readZipDirectory } from "./zip.js";
import type { ZipEntry } from "./zip.js";

export interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

export interface OpenWorkbook {
  file: string;
  parts: Map<string, ZipEntry>;
  sheets: SheetEntry[];
  date1904: boolean;
  /** the number format of each cell style, by the cell's `s` */
  numberFormats: (string | undefined)[];
  sharedStrings: StringStore;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

const OFFICE_DOCUMENT = "xl/workbook.xml";

/** Read everything but the sheets: relationships, sheet list, 1904 flag, styles, shared strings. */
export async function openWorkbook(file: string): Promise<OpenWorkbook> {
  const parts = await readZipDirectory(file);
  if (!parts.has(OFFICE_DOCUMENT)) throw notExcel(file, parts);
  const part = (name: string): Promise<Readable> => openPart(file, parts, name);
  try {
    const rels = await readRelationships(await part("xl/_rels/workbook.xml.rels"));
    const { listed, date1904 } = await readWorkbookXml(await part(OFFICE_DOCUMENT));
    const target = (type: string): string | undefined => {
      const rel = rels.find((candidate) => candidate.type.endsWith(`/${type}`));
      return rel === undefined ? undefined : resolveTarget(rel.target);
    };
    const styles = target("styles");
    const numberFormats = styles !== undefined && parts.has(styles) ? await readNumberFormats(await part(styles)) : [];
    const strings = target("sharedStrings");
    const sharedStrings = strings !== undefined && parts.has(strings) ? await readSharedStrings(() => part(strings)) : new StringStore();
    const sheets = listed.flatMap((sheet): SheetEntry[] => {
      const rel = rels.find((candidate) => candidate.id === sheet.rId);
      if (rel === undefined || !rel.type.endsWith("/worksheet")) return [];
      return [{ name: sheet.name.normalize("NFC"), hidden: sheet.hidden, part: resolveTarget(rel.target) }];
    });
    return { file, parts, sheets, date1904, numberFormats, sharedStrings };
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw damaged(file, msg("sheet.workbookUnreadable", { problem: problemOf(error) }));
  }
}

async function readRelationships(xml: Readable): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await readXml(xml, {
    open(name, { Id, Type, Target }) {
      if (name === "Relationship" && Id !== undefined && Type !== undefined && Target !== undefined) rels.push({ id: Id, type: Type, target: Target });
    },
  });
  return rels;
}

async function readWorkbookXml(xml: Readable): Promise<{ listed: { name: string; rId: string; hidden: boolean }[]; date1904: boolean }> {
  const listed: { name: string; rId: string; hidden: boolean }[] = [];
  let date1904 = false;
  await readXml(xml, {
    open(name, attributes) {
      if (name === "workbookPr") {
        // Excel writes date1904="1", LibreOffice "true"
        date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      } else if (name === "sheet") {
        // the relationship id is r:id, whatever the prefix of its namespace
        const rId = Object.entries(attributes).find(([key]) => key.endsWith(":id"))?.[1];
        if (attributes.name === undefined || rId === undefined) return;
        listed.push({ name: attributes.name, rId, hidden: attributes.state === "hidden" || attributes.state === "veryHidden" });
      }
    },
  });
  return { listed, date1904 };
}

/** Each <si>'s text (rich text runs joined, phonetic guides left out), into a compact store. */
async function readSharedStrings(part: PartBytes): Promise<StringStore> {
  let store = new StringStore();
  // a reading that starts again (saxes after the scanner) starts a new store
  await readPart(part, () => stringHandlers((store = new StringStore())));
  return store;
}

function stringHandlers(store: StringStore): XmlHandlers {
  let inString = false;
  let inText = false;
  let inPhonetic = false;
  return {
    open(name) {
      if (name === "si") inString = true;
      else if (name === "t") inText = !inPhonetic;
      else if (name === "rPh") inPhonetic = true;
    },
    // the runs of a rich text go into the store as they come
    text(value) {
      if (inText && inString) store.append(value);
    },
    bytes(buffer, start, end) {
      if (inText && inString) store.appendBytes(buffer, start, end);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && inString) {
        store.end();
        inString = false;
      }
    },
  };
}

/** Stream one part of the workbook, inflated within the limits. */
export async function openPart(file: string, parts: Map<string, ZipEntry>, name: string, maxBytes = MAX_PART_XML_BYTES): Promise<Readable> {
  const entry = parts.get(name);
  if (entry === undefined) throw damaged(file, msg("sheet.zip.noPart", { part: name }));
  return openZipEntry(file, entry, maxBytes, name);
}

// Relationship targets are relative to xl/ unless absolute.
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

// A zip that is not an Excel workbook: say what it probably is.
function notExcel(file: string, parts: Map<string, ZipEntry>): ToolError {
  if (parts.has("mimetype") && parts.has("content.xml")) {
    return new ToolError("E_FILE_FORMAT", msg("sheet.ods", { file }), { hint: msg("sheet.odsHint") });
  }
  if ([...parts.keys()].some((name) => name.startsWith("Index/"))) {
    return new ToolError("E_FILE_FORMAT", msg("sheet.numbers", { file }), { hint: msg("sheet.numbersHint") });
  }
  return new ToolError("E_FILE_FORMAT", msg("sheet.zipNotWorkbook", { file }), { hint: msg("sheet.zipNotWorkbookHint") });
}
