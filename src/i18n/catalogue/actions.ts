// What --mode update|delete, --allow-delete and the Action column say: each row's message, the run's warnings and notes.
import type { Translated } from "../text.js";

export const actions = {
  "actions.help.allowDelete": { en: "Allow deleting: --mode delete and rows whose Action is delete need it; without it those rows are invalid", vi: "Cho phép xóa: --mode delete và các dòng có Thao tác là xóa cần cờ này; thiếu cờ này, các dòng đó không hợp lệ" },

  // the optional column that sets each row's operation
  "actions.column.header": { en: "Action", vi: "Thao tác" },
  "actions.row.unknown": { en: "{header}: \"{value}\" is not an action; write one of {known}, or leave the cell blank to use --mode", vi: "{header}: \"{value}\" không phải thao tác hợp lệ; hãy ghi một trong các giá trị {known}, hoặc để trống ô để dùng --mode" },
  "actions.row.ambiguous": { en: "{header}: \"{value}\" could mean update (only existing customers) or merge (keep blank cells); write \"chỉ cập nhật\" or \"cập nhật (giữ ô trống)\"", vi: "{header}: \"{value}\" có thể là chỉ cập nhật (chỉ khách hàng đã có) hoặc cập nhật (giữ ô trống); hãy ghi rõ \"chỉ cập nhật\" hoặc \"cập nhật (giữ ô trống)\"" },
  "actions.row.skipped": { en: "skipped: the {header} column says skip", vi: "đã bỏ qua theo cột {header}" },

  "actions.template.help": { en: "Optional. What to do with the row: {words}. Blank: what --mode says. Deleting needs --allow-delete on the command line; a delete reads only the customer code (or customer_id).", vi: "Không bắt buộc. Làm gì với dòng này: {words}. Để trống: theo --mode. Muốn xóa, hãy thêm --allow-delete vào lệnh; khi xóa chỉ đọc mã khách hàng (hoặc customer_id)." },

  // deleting
  "actions.row.needsAllowDelete": { en: "not deleted: deleting needs --allow-delete on the command line", vi: "chưa xóa: muốn xóa, hãy thêm --allow-delete vào lệnh" },
  "actions.row.hidden": { en: "not deleted: the row is hidden in the sheet (filtered out)", vi: "chưa xóa: dòng này đang bị ẩn trong trang tính (bị lọc)" },
  "actions.row.noCode": { en: "neither customer_code nor customer_id is filled: nothing says which customer to delete", vi: "chưa điền mã khách hàng hay customer_id: không biết cần xóa khách hàng nào" },
  "actions.row.idConflict": { en: "customer_code {code} and customer_id {id} name different customers (the server has {code} as {listed}); nothing was deleted: fix one of the two cells", vi: "mã khách hàng {code} và customer_id {id} là hai khách hàng khác nhau (trên máy chủ, {code} có customer_id {listed}); chưa xóa gì: hãy sửa lại một trong hai ô" },
  "actions.row.idOtherCode": { en: "customer_code {code} and customer_id {id} name different customers ({id} is customer {actual}); nothing was deleted: fix one of the two cells", vi: "mã khách hàng {code} và customer_id {id} là hai khách hàng khác nhau ({id} là khách hàng {actual}); chưa xóa gì: hãy sửa lại một trong hai ô" },
  "actions.row.notFound": { en: "not found: the server has no customer {who}", vi: "không tìm thấy: máy chủ không có khách hàng {who}" },
  "actions.row.deletedBefore": { en: "deleted before the interruption", vi: "đã xóa trước khi bị dừng" },
  "actions.row.refused": { en: "Finan refused to delete this customer: {reason}", vi: "Finan không cho xóa khách hàng này: {reason}" },
  "actions.row.cannotRead": { en: "could not read the customer before deleting it, so it was not deleted: {reason}", vi: "không tải được thông tin khách hàng trước khi xóa nên chưa xóa: {reason}" },
  "actions.warning.hidden": { en: { one: "{count} row hidden in the sheet (filtered out in Excel) was not deleted: the report marks it skipped.", other: "{count} rows hidden in the sheet (filtered out in Excel) were not deleted: the report marks them skipped." }, vi: "{count} dòng đang bị ẩn trong trang tính (bị lọc trong Excel) nên chưa xóa: tệp kết quả ghi các dòng đó là đã bỏ qua." },
  "actions.note.wouldDelete": { en: { one: "THIS WOULD DELETE {count} customer: the row marked would-delete in {report}. Check it before running without --dry-run.", other: "THIS WOULD DELETE {count} customers: the rows marked would-delete in {report}. Check them before running without --dry-run." }, vi: "LỆNH NÀY SẼ XÓA {count} khách hàng: các dòng ghi sẽ xóa trong {report}. Hãy kiểm tra kỹ trước khi chạy mà không có --dry-run." },
  "actions.note.deleted": { en: { one: "{count} customer deleted. To re-create it (with a new customer_id): finan-bulk undo {report}", other: "{count} customers deleted. To re-create them (with new customer_id values): finan-bulk undo {report}" }, vi: "Đã xóa {count} khách hàng. Muốn tạo lại (với customer_id mới), hãy chạy: finan-bulk undo {report}" },
  "actions.columns.missing": { en: "Row {row} has no customer_code column and no customer_id column: --mode delete needs one of them to know which customers to delete.", vi: "Dòng {row} không có cột Mã khách hàng hay cột customer_id: --mode delete cần một trong hai cột để biết khách hàng nào cần xóa." },
  "actions.columns.missingHint": { en: "Add a column \"Customer code\" (Mã khách hàng), or use an export of the customers, which has customer_id.", vi: "Hãy thêm cột \"Mã khách hàng\", hoặc dùng tệp xuất khách hàng (có cột customer_id)." },

  // undo of a delete: create the record again
  "actions.undo.recreated": { en: "re-created with a new customer_id {id} (it was {old})", vi: "đã tạo lại với customer_id mới {id} (trước là {old})" },
  "actions.undo.wouldRecreate": { en: "would be re-created with a new customer_id (it was {old})", vi: "sẽ được tạo lại với customer_id mới (trước là {old})" },
  "actions.undo.neverDeleted": { en: "nothing to undo: the delete sent without an answer (in flight when the import stopped) was never applied", vi: "không có gì để hoàn tác: lệnh xóa đã gửi mà không được trả lời (đang gửi dở khi lần nhập dừng) chưa hề được thực hiện" },
  "actions.undo.alreadyRecreated": { en: "already re-created (customer_id {id})", vi: "đã được tạo lại từ trước (customer_id {id})" },
  "actions.undo.codeTaken": { en: "not re-created: the server holds another customer with this code now (customer_id {id}, {changes})", vi: "chưa tạo lại: máy chủ hiện có khách hàng khác mang mã này (customer_id {id}, {changes})" },
} as const satisfies Record<string, Translated>;
