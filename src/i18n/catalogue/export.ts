// What an export says: its columns' names, its failures, its warnings about the data and the file.
import type { Translated } from "../text.js";

export const exportArea = {
  "export.column.created_at": { en: "created_at", vi: "Ngày tạo" },
  "export.column.updated_at": { en: "updated_at", vi: "Ngày cập nhật" },
  "export.column.inZone": { en: "{name} ({zone})", vi: "{name} ({zone})" },
  "export.timezone.unknown": { en: "--timezone {zone} is not a time zone this machine knows.", vi: "--timezone {zone} không phải múi giờ mà máy này biết." },
  "export.timezone.unknownHint": { en: "Give an IANA name such as Asia/Ho_Chi_Minh, UTC or Europe/Berlin.", vi: "Hãy ghi tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh, UTC hoặc Europe/Berlin." },
  "export.help.timezone": { en: "Write created_at and updated_at as yyyy-mm-dd hh:mm:ss in this IANA time zone (default with --lang vi: Asia/Ho_Chi_Minh)", vi: "Ghi created_at và updated_at dạng yyyy-mm-dd hh:mm:ss theo múi giờ IANA này (mặc định khi --lang vi: Asia/Ho_Chi_Minh)" },
} as const satisfies Record<string, Translated>;
