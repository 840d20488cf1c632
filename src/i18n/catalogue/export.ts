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
  "export.doing.listing": { en: "listing customers", vi: "lấy danh sách khách hàng" },
  "export.doing.fetching": { en: "fetching customers", vi: "tải thông tin khách hàng" },
  "export.doing.fetchingOne": { en: "fetching customer {code} ({id})", vi: "tải thông tin khách hàng {code} ({id})" },
  "export.doing.writing": { en: "writing {file}", vi: "ghi tệp {file}" },
  "export.noCode": { en: "(no code)", vi: "(không có mã)" },
  "export.odd.notObject": { en: "{field} was {odd} instead of an object: written as {column}", vi: "{field} là {odd} thay vì một đối tượng: đã ghi vào cột {column}" },
  "export.odd.notList": { en: "{field} was {odd} instead of a list: written as its first entry", vi: "{field} là {odd} thay vì một danh sách: đã ghi như mục đầu tiên của danh sách" },
  "export.odd.entryNotObject": {
    en: "{field} entry {entry} was {odd} instead of an object: written as {column}",
    vi: "mục thứ {entry} của {field} là {odd} thay vì một đối tượng: đã ghi vào cột {column}",
  },
  "export.escaped.cell": { en: "{code} {column} ({character})", vi: "{code} {column} ({character})" },
  "export.escaped.column": { en: "column {column}", vi: "cột {column}" },
  "export.escaped.comma": { en: "{first}, {rest}", vi: "{first}, {rest}" },
  "export.escaped": {
    en: { one: "{count} cell holds a control character a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named}.", other: "{count} cells hold control characters a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named}." },
    vi: "{count} ô chứa ký tự điều khiển mà tệp CSV không chứa được, đã ghi thành _xHHHH_ (lệnh nhập của finan-bulk đọc lại đúng ký tự): {named}.",
  },
  "export.escaped.more": {
    en: { one: "{count} cell holds a control character a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named} and {more} more.", other: "{count} cells hold control characters a CSV cell cannot carry, written as _xHHHH_ (our import reads them back): {named} and {more} more." },
    vi: "{count} ô chứa ký tự điều khiển mà tệp CSV không chứa được, đã ghi thành _xHHHH_ (lệnh nhập của finan-bulk đọc lại đúng ký tự): {named} và {more} ô khác.",
  },
  "export.list.unstable": {
    en: { one: "The customer list kept changing: listing pass {pass} still found {count} customer the earlier passes had not shown.", other: "The customer list kept changing: listing pass {pass} still found {count} customers the earlier passes had not shown." },
    vi: "Danh sách khách hàng liên tục thay đổi: lượt đọc thứ {pass} vẫn thấy {count} khách hàng mà các lượt trước chưa có.",
  },
  "export.list.unstableHint": {
    en: "Customers are being added faster than the export can list them. Run the export at a quieter time (at night), or with a higher --rate.",
    vi: "Khách hàng đang được thêm nhanh hơn tốc độ đọc danh sách. Hãy xuất vào lúc ít người làm việc (ban đêm), hoặc với --rate cao hơn.",
  },
  "export.list.countMismatch": {
    en: "The server says it holds {total} customers, but two full passes of its list showed only {listed}.",
    vi: "Máy chủ báo có {total} khách hàng, nhưng hai lượt đọc trọn danh sách chỉ thấy {listed}.",
  },
  "export.list.countMismatchHint": {
    en: "The list hides some customers, so an export would be incomplete. Try a different --page-size; if it persists, send this message to Finan support.",
    vi: "Danh sách đang thiếu một số khách hàng, nên tệp xuất sẽ không đầy đủ. Hãy thử --page-size khác; nếu vẫn còn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ của Finan.",
  },
  "export.list.contradiction": {
    en: "The server contradicts itself about customer {code} ({id}): its list still shows it, but fetching it answers 104004 \"not found\".",
    vi: "Máy chủ trả lời mâu thuẫn về khách hàng {code} ({id}): danh sách vẫn có khách hàng này, nhưng khi tải thông tin thì máy chủ trả lời 104004 \"không tìm thấy\".",
  },
  "export.list.contradictionHint": {
    en: "The server's list and its records disagree, so an export would be incomplete. Try again later; if it persists, send this message to Finan support.",
    vi: "Danh sách khách hàng và thông tin chi tiết trên máy chủ không khớp nhau, nên tệp xuất sẽ không đầy đủ. Hãy thử lại sau; nếu vẫn còn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ của Finan.",
  },
  "export.wrongCustomer": { en: "the answer is for another customer (customer_id {id})", vi: "câu trả lời là của một khách hàng khác (customer_id {id})" },
  "export.tooManyRows": {
    en: "Too many customers for one Excel sheet (at most {max} rows below the header).",
    vi: "Quá nhiều khách hàng cho một trang tính Excel (tối đa {max} dòng dưới dòng tiêu đề).",
  },
  "export.tooManyRowsHint": { en: "Export to .csv instead of {file}, or split the export with --type.", vi: "Hãy xuất ra tệp .csv thay cho {file}, hoặc chia nhỏ lần xuất bằng --type." },
  "export.tooWide": {
    en: "Too many columns for one Excel sheet: this export needs {needed}, and a sheet holds {max}. Nothing was written to {file}.",
    vi: "Quá nhiều cột cho một trang tính Excel: lần xuất này cần {needed} cột, mà một trang tính chỉ chứa {max}. Chưa ghi gì vào {file}.",
  },
  "export.tooWideWho": {
    en: "Too many columns for one Excel sheet: this export needs {needed}, and a sheet holds {max}. Customer {code} ({id}) has {contacts} contact persons and {banks} bank accounts. Nothing was written to {file}.",
    vi: "Quá nhiều cột cho một trang tính Excel: lần xuất này cần {needed} cột, mà một trang tính chỉ chứa {max}. Khách hàng {code} ({id}) có {contacts} người liên hệ và {banks} tài khoản ngân hàng. Chưa ghi gì vào {file}.",
  },
  "export.tooWideHint": {
    en: "Export to .csv instead (no column limit), or leave those groups out with --columns. A sheet with columns cut would lose them on the server if re-imported.",
    vi: "Hãy xuất ra tệp .csv (không giới hạn số cột), hoặc bỏ bớt các nhóm đó bằng --columns. Một trang tính bị cắt bớt cột, nếu nhập lại, sẽ làm mất các thông tin đó trên máy chủ.",
  },
  "export.columns.none": { en: "--columns \"{text}\" names no column.", vi: "--columns \"{text}\" không có tên cột nào." },
  "export.columns.unknown": { en: "--columns: \"{name}\" is not a column.", vi: "--columns: \"{name}\" không phải là một cột." },
  "export.columns.notInSummary": {
    en: "--columns: \"{name}\" is not in the list's summary, and --summary fetches nothing else.",
    vi: "--columns: \"{name}\" không có trong danh sách tóm tắt, mà --summary không lấy thêm thông tin nào khác.",
  },
  "export.columns.summaryHint": {
    en: "With --summary the columns are: {columns} (or their Vietnamese headers or API paths).",
    vi: "Với --summary chỉ có các cột: {columns} (hoặc tên cột tiếng Việt, hoặc đường dẫn API của chúng).",
  },
  "export.columns.hint": {
    en: "Valid columns: {columns}; contact_persons or bank_accounts for every contact or bank group the data needs; the Vietnamese headers and API paths (general_info.name, bank_accounts.2.account_number) work too. Separate them with commas.",
    vi: "Các cột hợp lệ: {columns}; contact_persons hoặc bank_accounts cho mọi nhóm người liên hệ hay ngân hàng mà dữ liệu cần; tên cột tiếng Việt và đường dẫn API (general_info.name, bank_accounts.2.account_number) cũng dùng được. Các cột cách nhau bằng dấu phẩy.",
  },
  "export.internal.rowBeforeColumns": { en: "export: a row was written before the columns were known", vi: "lỗi nội bộ khi xuất: một dòng được ghi trước khi biết các cột" },
  // for spool.ts's cannotWrite, once file-errors.ts takes messages (on main after h16sheet)
  "export.spool.what": { en: "the temporary file", vi: "tệp tạm" },
  "export.spool.then": {
    en: "An export keeps the customers there until it knows the columns; set TMPDIR to a folder with more space.",
    vi: "Khi xuất, khách hàng được giữ tạm ở đó cho đến khi biết đủ các cột; hãy đặt TMPDIR là một thư mục còn nhiều chỗ trống hơn.",
  },
} as const satisfies Record<string, Translated>;
