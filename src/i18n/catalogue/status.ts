// A row's status as a report, a summary and --only write it: the English word is the machine's, the Vietnamese GLOSSARY.md's.
import type { Translated } from "../text.js";

export const status = {
  "status.created": { en: "created", vi: "đã tạo" },
  "status.replaced": { en: "replaced", vi: "đã thay thế" },
  "status.skipped": { en: "skipped", vi: "đã bỏ qua" },
  "status.invalid": { en: "invalid", vi: "không hợp lệ" },
  "status.failed": { en: "failed", vi: "không thành công" },
  "status.would-create": { en: "would-create", vi: "sẽ tạo" },
  "status.would-replace": { en: "would-replace", vi: "sẽ thay thế" },
  "status.valid": { en: "valid", vi: "hợp lệ" },
  "status.deleted": { en: "deleted", vi: "đã xóa" },
  "status.restored": { en: "restored", vi: "đã khôi phục" },
  "status.would-delete": { en: "would-delete", vi: "sẽ xóa" },
  "status.would-restore": { en: "would-restore", vi: "sẽ khôi phục" },
} as const satisfies Record<string, Translated>;
