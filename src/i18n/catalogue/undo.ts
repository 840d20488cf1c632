// What an undo says: its refusal to undo runs out of order, and each row's message in its report and plan.
import type { Translated } from "../text.js";

export const undo = {
  "undo.order.refused": { en: "Run {later} of {report} (started {startedAt}) changed {count} of the customers run {run} did ({sample}), and has not been undone. Nothing was sent.", vi: "Lần chạy {later} của {report} (bắt đầu lúc {startedAt}) đã sửa {count} khách hàng mà lần chạy {run} đã ghi ({sample}), và chưa được hoàn tác. Chưa gửi gì lên máy chủ." },
  "undo.order.hint": { en: "Undo the newer run first: finan-bulk undo {report} --run {later}; then undo run {run}. Or add --force to undo run {run} over them.", vi: "Hãy hoàn tác lần chạy mới hơn trước: finan-bulk undo {report} --run {later}; sau đó hoàn tác lần chạy {run}. Hoặc thêm --force để vẫn hoàn tác lần chạy {run} đè lên các thay đổi đó." },

  "undo.row.otherRun": { en: "nothing to undo: run {run} did not write this customer (the report shows the latest run)", vi: "không có gì để hoàn tác: lần chạy {run} không ghi khách hàng này (tệp kết quả là của lần chạy gần nhất)" },
  "undo.row.carried": { en: "nothing to undo in this run: it did not send this row, whose result ({status}) came over from the earlier report it re-ran with --only; undo that report to undo this row", vi: "lần chạy này không có gì để hoàn tác: lần chạy này không gửi dòng này, kết quả ({status}) được giữ nguyên từ tệp kết quả trước (tệp được chạy lại với --only); hãy hoàn tác tệp kết quả đó để hoàn tác dòng này" },
  "undo.row.leftAs": { en: "nothing to undo: the import left this row {status}", vi: "không có gì để hoàn tác: lần nhập để dòng này ở trạng thái {status}" },
  "undo.row.unsent": { en: "unsent", vi: "chưa gửi" },
  "undo.row.deletedBefore": { en: "deleted before the interruption", vi: "đã xóa trước khi bị dừng" },
  "undo.row.createNeverApplied": { en: "nothing to undo: the create sent without an answer (in flight when the import stopped) was never applied: the listing does not hold this code", vi: "không có gì để hoàn tác: lệnh tạo đã gửi mà không được trả lời (đang gửi dở khi lần nhập dừng) chưa hề được thực hiện: danh sách khách hàng không có mã này" },
  "undo.row.alreadyDeleted": { en: "already deleted", vi: "đã bị xóa từ trước" },
  "undo.row.maybeSomeoneElses": { en: "a customer with this code exists but differs from what the import sent, so it may be someone else's", vi: "có khách hàng mang mã này nhưng khác với dữ liệu lần nhập đã gửi, nên có thể là của người khác" },
  "undo.row.changedSince": { en: "changed on the server since the import", vi: "đã bị sửa trên máy chủ sau lần nhập" },
  "undo.row.notDeleted": { en: "{whose} ({changes}): not deleted; use --force to delete anyway", vi: "{whose} ({changes}): chưa xóa; hãy dùng --force nếu vẫn muốn xóa" },
  "undo.row.createdInFlight": { en: "sent without an answer (in flight when the import stopped); created, as the listing confirmed", vi: "đã gửi mà không được trả lời (đang gửi dở khi lần nhập dừng); đã được tạo, theo danh sách khách hàng" },
  "undo.row.wouldDeleteChanged": { en: "changed since the import ({changes}); --force deletes it", vi: "đã bị sửa sau lần nhập ({changes}); dùng --force sẽ xóa khách hàng này" },
  "undo.row.noBackup": { en: "no backup of the record before the import (it ran with --no-backup): cannot restore", vi: "không có bản lưu của khách hàng trước lần nhập (lần nhập chạy với --no-backup): không khôi phục được" },
  "undo.row.deletedSince": { en: "the customer was deleted since the import: nothing to restore", vi: "khách hàng đã bị xóa sau lần nhập: không có gì để khôi phục" },
  "undo.row.restoredBefore": { en: "restored before the interruption", vi: "đã khôi phục trước khi bị dừng" },
  "undo.row.replaceNeverApplied": { en: "nothing to undo: the replace sent without an answer (in flight when the import stopped) was never applied", vi: "không có gì để hoàn tác: lệnh thay thế đã gửi mà không được trả lời (đang gửi dở khi lần nhập dừng) chưa hề được thực hiện" },
  "undo.row.asBefore": { en: "already as it was before the import", vi: "khách hàng đã giống như trước lần nhập" },
  "undo.row.notRestored": { en: "changed on the server since the import ({changes}): not restored; use --force to restore anyway", vi: "đã bị sửa trên máy chủ sau lần nhập ({changes}): chưa khôi phục; hãy dùng --force nếu vẫn muốn khôi phục" },
  "undo.row.notAttempted": { en: "not attempted: the run stopped; run the same command again to continue", vi: "chưa gửi: lần chạy đã dừng; hãy chạy lại đúng lệnh này để chạy tiếp" },
} as const satisfies Record<string, Translated>;
