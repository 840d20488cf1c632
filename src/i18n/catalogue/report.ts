// The result columns a report adds after the input's own: written in the run's language, read in either.
import type { Translated } from "../text.js";

export const report = {
  "report.column.row": { en: "row", vi: "Dòng" },
  "report.column.status": { en: "status", vi: "Kết quả" },
  "report.column.customer_id": { en: "customer_id", vi: "customer_id" },
  "report.column.http_status": { en: "http_status", vi: "Mã HTTP" },
  "report.column.api_code": { en: "api_code", vi: "Mã lỗi API" },
  "report.column.request_id": { en: "request_id", vi: "request_id" },
  "report.column.message": { en: "message", vi: "Thông báo" },
  "report.column.attempts": { en: "attempts", vi: "Số lần gửi" },
} as const satisfies Record<string, Translated>;
