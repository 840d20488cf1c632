// What an export says: its columns' names, its failures, its warnings about the data and the file.
import type { Translated } from "../text.js";

export const exportArea = {
  "export.column.created_at": { en: "created_at", vi: "Ngày tạo" },
  "export.column.updated_at": { en: "updated_at", vi: "Ngày cập nhật" },
  "export.column.inZone": { en: "{name} ({zone})", vi: "{name} ({zone})" },
  "export.timezone.unknown": { en: "--timezone {zone} is not a time zone this machine knows.", vi: "--timezone {zone} không phải múi giờ mà máy này biết." },
  "export.timezone.unknownHint": { en: "Give an IANA name such as Asia/Ho_Chi_Minh, UTC or Europe/Berlin.", vi: "Hãy ghi tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh, UTC hoặc Europe/Berlin." },
  "export.help.timezone": { en: "Write created_at and updated_at as yyyy-mm-dd hh:mm:ss in this IANA time zone (default with --lang vi: Asia/Ho_Chi_Minh)", vi: "Ghi created_at và updated_at dạng yyyy-mm-dd hh:mm:ss theo múi giờ IANA này (mặc định khi --lang vi: Asia/Ho_Chi_Minh)" },
  "export.failed.untouched": { en: "Nothing was written to {file}.", vi: "Chưa ghi gì vào {file}." },
  "export.failed.listInconsistent": { en: "{text} {untouched}", vi: "{text} {untouched}" },
  "export.failed.while": { en: "Export failed while {doing}: {reason}. {untouched}", vi: "Xuất không thành công khi đang {doing}: {reason}. {untouched}" },
  "export.failed.hint": {
    en: "A partial export is never left behind. Run it again later; if the server is slow or busy, lower --rate or raise --retries and --max-wait.",
    vi: "Không bao giờ để lại tệp xuất dở dang. Hãy chạy lại sau; nếu máy chủ chậm hoặc bận, hãy giảm --rate hoặc tăng --retries và --max-wait.",
  },
  "export.doing.listing": { en: "listing customers", vi: "đọc danh sách khách hàng" },
  "export.doing.fetching": { en: "fetching customers", vi: "lấy thông tin khách hàng" },
  "export.doing.fetchingOne": { en: "fetching customer {code} ({id})", vi: "lấy thông tin khách hàng {code} ({id})" },
  "export.doing.writing": { en: "writing {file}", vi: "ghi tệp {file}" },
  "export.noCode": { en: "(no code)", vi: "(không có mã)" },
  "export.odd.notObject": { en: "{field} was {odd} instead of an object: written as {column}", vi: "{field} là {odd} thay vì một đối tượng: đã ghi vào cột {column}" },
  "export.odd.notList": { en: "{field} was {odd} instead of a list: written as its first entry", vi: "{field} là {odd} thay vì một danh sách: đã ghi thành mục đầu tiên" },
  "export.odd.entryNotObject": {
    en: "{field} entry {entry} was {odd} instead of an object: written as {column}",
    vi: "mục thứ {entry} của {field} là {odd} thay vì một đối tượng: đã ghi vào cột {column}",
  },
  "export.escaped.cell": { en: "{code} {column} ({character})", vi: "{code} {column} ({character})" },
  "export.escaped.column": { en: "column {column}", vi: "cột {column}" },
  "export.escaped.comma": { en: "{first}, {rest}", vi: "{first}, {rest}" },
  "export.escaped": {
    en: { one: "{count} cell holds a control character a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named}.", other: "{count} cells hold control characters a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named}." },
    vi: "{count} ô chứa ký tự điều khiển mà ô CSV không mang được, đã ghi thành _xHHHH_ (lệnh nhập của finan-bulk đọc lại đúng ký tự): {named}.",
  },
  "export.escaped.more": {
    en: { one: "{count} cell holds a control character a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named} and {more} more.", other: "{count} cells hold control characters a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named} and {more} more." },
    vi: "{count} ô chứa ký tự điều khiển mà ô CSV không mang được, đã ghi thành _xHHHH_ (lệnh nhập của finan-bulk đọc lại đúng ký tự): {named} và {more} ô khác.",
  },
} as const satisfies Record<string, Translated>;
