// The optional Action column (Thao tác): an input column, not a customer field, that sets each row's operation.
import { normaliseHeader } from "./columns.js";
import { t } from "../i18n/text.js";

/** What `import --mode` does with every row (the Action column can say it row by row). */
export type ImportMode = "create" | "upsert" | "update" | "merge" | "delete";
export type RowAction = ImportMode | "skip";

/** Each action's words, English first (the machine's), then GLOSSARY.md's Vietnamese; matched without case, marks or spaces. */
export const ACTION_WORDS: Record<RowAction, readonly string[]> = {
  create: ["create", "new", "tạo mới", "tạo", "thêm mới"],
  upsert: ["upsert", "tạo mới hoặc thay thế"],
  update: ["update", "replace", "chỉ cập nhật", "thay thế"],
  merge: ["merge", "cập nhật (giữ ô trống)", "cập nhật giữ ô trống"],
  delete: ["delete", "xóa"],
  skip: ["skip", "ignore", "bỏ qua"],
};

// "cập nhật" alone is both update and merge in GLOSSARY.md's words: which one must be written out
const AMBIGUOUS = new Set(["capnhat", "sua"]);
const BY_WORD = new Map<string, RowAction>(Object.entries(ACTION_WORDS).flatMap(([action, words]) => words.map((word) => [normaliseHeader(word), action as RowAction] as const)));
// only these two names: a user's own "Command" or "Lệnh" column is not taken for ours
const HEADERS = new Set([normaliseHeader(t("en", "actions.column.header")), normaliseHeader(t("vi", "actions.column.header"))]);

/** Whether a header names the Action column: Action or Thao tác, in any case, with or without marks. */
export function isActionHeader(header: string): boolean {
  return HEADERS.has(normaliseHeader(header));
}

/** A cell's action; "ambiguous" for a word that names two; undefined for none. */
export function parseAction(text: string): RowAction | "ambiguous" | undefined {
  const key = normaliseHeader(text);
  if (AMBIGUOUS.has(key)) return "ambiguous";
  return BY_WORD.get(key);
}

/** The words a user may write, for a message: the English ones and the Vietnamese ones. */
export function actionWordList(): { en: string; vi: string } {
  const all = Object.values(ACTION_WORDS);
  const vietnamese = (words: readonly string[]) => words.filter((word) => /[^\x00-\x7f]/.test(word)).join(", ");
  return { en: all.map((words) => words[0]).join(", "), vi: all.map((words) => `${words[0]} (${vietnamese(words)})`).join(", ") };
}
