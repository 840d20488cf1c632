// What an import says: its refusals (locks, reports, journals), its notices, and each row's message in the report.
import type { Translated } from "../text.js";

export const importArea = {
  // --only on a file that is no report
  "import.only.notReport": { en: "{input} is not a finan-bulk report (it has no status column), and --only picks rows by the status an earlier run gave them. Nothing was sent.", vi: "{input} không phải tệp kết quả của finan-bulk (không có cột Kết quả), mà --only chọn dòng theo kết quả của lần chạy trước. Chưa gửi gì lên máy chủ." },
  "import.only.notReportHint": { en: "Give that run's report instead (finan-bulk import {report} --only failed,invalid), or leave out --only to import every row.", vi: "Hãy dùng tệp kết quả của lần chạy đó (finan-bulk import {report} --only failed,invalid), hoặc bỏ --only để nhập mọi dòng." },

  // the listing before any row is sent failed: for run.ts's toRunError call once src/api/run-error.ts takes messages
  "import.listing.doing": { en: "listing the existing customers", vi: "lấy danh sách khách hàng đang có" },
  "import.listing.nothingSent": { en: "Nothing was sent.", vi: "Chưa gửi gì lên máy chủ." },
  "import.listing.failed": { en: "Listing the existing customers failed, so no row was sent: {reason}.", vi: "Không lấy được danh sách khách hàng đang có nên chưa gửi dòng nào: {reason}." },
  "import.listing.failedHint": { en: "Check --base-url and your connection, then run the same command again.", vi: "Hãy kiểm tra --base-url và kết nối mạng, rồi chạy lại đúng lệnh này." },

  // the journal of an unfinished run
  // what cannotWrite says of a journal that cannot be written (a full disk): for journal.ts once file-errors takes messages
  "import.journal.what": { en: "the journal", vi: "nhật ký xử lý" },
  "import.journal.stoppedThere": { en: "Nothing more was sent: the run stopped there, and the same command continues it once this is fixed.", vi: "Không gửi thêm gì nữa: lần chạy dừng tại đó. Khắc phục xong, hãy chạy lại đúng lệnh này để chạy tiếp." },
  "import.journal.damaged": { en: "The journal {path} is damaged at line {lines}.", vi: "Nhật ký xử lý {path} bị hỏng ở dòng {lines}." },
  "import.journal.moveAside": { en: "Move it aside to start a new run (the report of the interrupted run is still beside it); undo of that report still reverses every entry it can read.", vi: "Hãy chuyển tệp đó sang chỗ khác để bắt đầu lần chạy mới (tệp kết quả của lần chạy bị dừng vẫn nằm bên cạnh); hoàn tác tệp kết quả đó vẫn hoàn tác được mọi dòng còn đọc được." },
  "import.journal.then": { en: "import {input} --mode {mode}", vi: "import {input} --mode {mode}" },
  "import.journal.thenStarted": { en: "import {input} --mode {mode}, started {startedAt}", vi: "import {input} --mode {mode}, bắt đầu lúc {startedAt}" },
  "import.journal.otherRun": { en: "The report {report} belongs to an unfinished run ({then}). Nothing was sent, and that run's report and journal are as they were.", vi: "Tệp kết quả {report} thuộc về một lần chạy chưa xong ({then}). Chưa gửi gì lên máy chủ; tệp kết quả và nhật ký xử lý của lần chạy đó vẫn giữ nguyên." },
  "import.journal.otherRunHint": { en: "Finish that run first: the same command as then, with --mode {mode}. Or give this run another --report.", vi: "Hãy chạy tiếp lần chạy đó cho xong trước, bằng đúng lệnh lúc đó với --mode {mode}. Hoặc chọn tệp kết quả khác cho lần chạy này bằng --report." },
  "import.journal.noJournal": { en: "No import journal beside {report} (looked for {journal} and {pattern}).", vi: "Bên cạnh {report} không có nhật ký xử lý của lần nhập nào (đã tìm {journal} và {pattern})." },
  "import.journal.noJournalHint": { en: "undo needs the journal that the import wrote next to its report; it is not made by --dry-run.", vi: "Hoàn tác cần nhật ký xử lý mà lệnh import ghi bên cạnh tệp kết quả; chạy thử (--dry-run) không ghi nhật ký này." },
  "import.journal.noRun": { en: "{report} has no run {number}: its runs are {runs}.", vi: "{report} không có lần chạy {number}: các lần chạy của tệp này là {runs}." },
  "import.journal.noRunHint": { en: "See them with: finan-bulk runs {report}", vi: "Xem các lần chạy bằng lệnh: finan-bulk runs {report}" },

  // the report
  "import.report.overwritesInput": { en: "The report would overwrite the input {input}.", vi: "Tệp kết quả sẽ ghi đè lên tệp đầu vào {input}." },
  "import.report.overwritesInputHint": { en: "Give another file with --report.", vi: "Hãy chọn tệp khác bằng --report." },
  "import.report.cannotWrite": { en: "Cannot write the report {path}: {reason}", vi: "Không ghi được tệp kết quả {path}: {reason}" },
  "import.report.tooBigForExcel": { en: "The report {report} cannot be an Excel workbook: {reason}. Nothing was sent.", vi: "Tệp kết quả {report} không thể là tệp Excel: {reason}. Chưa gửi gì lên máy chủ." },
  "import.report.tooBigForExcelHint": { en: "Write the report as CSV, which has no such limit: finan-bulk import {input} --report {csv}", vi: "Hãy ghi tệp kết quả dạng CSV, loại tệp không có giới hạn này: finan-bulk import {input} --report {csv}" },
  "import.report.tooManyColumns": { en: "it would have {columns} columns (the input's and the result columns), and an Excel sheet holds {max}", vi: "tệp sẽ có {columns} cột (các cột của tệp đầu vào và các cột kết quả), mà một trang tính Excel chỉ chứa được {max} cột" },
  "import.report.tooManyRows": { en: "it would have {rows} rows with its header, and an Excel sheet holds {max}", vi: "tệp sẽ có {rows} dòng kể cả dòng tiêu đề, mà một trang tính Excel chỉ chứa được {max} dòng" },
  "import.report.cellTooLong": { en: "row {row} of {input}, column {column}, holds {length} characters, and an Excel cell holds {max}", vi: "dòng {row} của {input}, cột {column}, có {length} ký tự, mà một ô Excel chỉ chứa được {max} ký tự" },

  // E_OVERWRITE: a report or check the user may have edited
  "import.overwrite.report": { en: "report", vi: "tệp kết quả" },
  "import.overwrite.plan": { en: "plan", vi: "bản xem trước" },
  "import.overwrite.notOurs": { en: "The {what} {path} exists and was not written by finan-bulk (or by a version that kept no fingerprint): writing this run's {what} over it would lose that. Nothing was sent or written.", vi: "Đã có {what} {path} không do finan-bulk ghi ra (hoặc do phiên bản cũ không lưu dấu vết): ghi {what} của lần chạy này đè lên sẽ làm mất nội dung đó. Chưa gửi và chưa ghi gì." },
  "import.overwrite.changed": { en: "The {what} {path} was changed since finan-bulk wrote it ({writtenAt}): writing this run's {what} over it would lose that. Nothing was sent or written.", vi: "Có người đã sửa {what} {path} sau khi finan-bulk ghi ra ({writtenAt}): ghi {what} của lần chạy này đè lên sẽ làm mất các chỗ sửa đó. Chưa gửi và chưa ghi gì." },
  "import.overwrite.hint": { en: "If it holds fixes, run it (finan-bulk import {file} --only failed,invalid). Or give this run another --report, or add --force to overwrite it.", vi: "Nếu tệp đó có các chỗ đã sửa, hãy nhập nó (finan-bulk import {file} --only failed,invalid). Hoặc chọn tệp khác bằng --report, hoặc thêm --force để ghi đè." },
  "import.overwrite.cannotWriteFingerprint": { en: "Cannot write {sidecar} ({reason}), which keeps later runs from overwriting your edits.", vi: "Không ghi được {sidecar} ({reason}), tệp này giúp các lần chạy sau không ghi đè lên chỗ bạn đã sửa." },
  "import.folderHint": { en: "Check that you may write in that folder, or give another --report.", vi: "Hãy kiểm tra bạn có quyền ghi vào thư mục đó, hoặc chọn tệp khác bằng --report." },

  // locks: one run at a time on a report
  "import.lock.tookOver": { en: "Took over {path}: the run that held it (pid {pid}, since {since}) is no longer running.", vi: "Đã tiếp quản {path}: lần chạy giữ tệp này (pid {pid}, từ {since}) không còn chạy nữa." },
  "import.lock.tookOverUnnamed": { en: "Took over {path}: it named no process (a run that died as it started).", vi: "Đã tiếp quản {path}: tệp không ghi tiến trình nào (một lần chạy đã dừng ngay khi vừa bắt đầu)." },
  "import.lock.cannotCreate": { en: "Cannot create the lock file {path} ({reason}), which keeps a second run off {target}.", vi: "Không tạo được tệp khóa {path} ({reason}), tệp này ngăn lần chạy thứ hai dùng {target} cùng lúc." },
  "import.lock.owner": { en: "{command} (pid {pid}, since {since})", vi: "{command} (pid {pid}, từ {since})" },
  "import.lock.ownerElsewhere": { en: "{command} (pid {pid} on {host}, since {since})", vi: "{command} (pid {pid} trên máy {host}, từ {since})" },
  "import.lock.unnamedOwner": { en: "another run (its lock file {path} was written {when})", vi: "một lần chạy khác (tệp khóa {path} được ghi lúc {when})" },
  "import.lock.justNow": { en: "just now", vi: "vừa xong" },
  "import.lock.inUse": { en: "{target} is in use by {who}. Nothing was sent or written.", vi: "{target} đang được dùng bởi {who}. Chưa gửi và chưa ghi gì." },
  "import.lock.inUseHint": { en: "Wait for that run to finish, or stop it. If no such run exists, delete {path} and run again.", vi: "Hãy đợi lần chạy đó xong, hoặc dừng nó. Nếu không có lần chạy nào như vậy, hãy xóa {path} rồi chạy lại." },

  // a row's message in the report
  "import.row.changedSince": { en: "{status} before the interruption from the row as it was then; the row has changed in the file since, and this run did not send the change", vi: "{status} trước khi bị dừng, theo nội dung dòng lúc đó; sau đó dòng đã bị sửa trong tệp, và lần chạy này chưa gửi thay đổi" },
  "import.row.unconfirmed": { en: "could not confirm the outcome: {reason}; run again to retry this row", vi: "không xác nhận được kết quả: {reason}; hãy chạy lại để thử lại dòng này" },
  "import.row.notAttempted": { en: "not attempted: {why}", vi: "chưa gửi: {why}" },
  "import.row.stoppedAuth": { en: "the run stopped when the server rejected the credentials", vi: "lần chạy đã dừng vì máy chủ từ chối thông tin xác thực" },
  "import.row.stoppedBy": { en: "the run stopped: {reason}", vi: "lần chạy đã dừng: {reason}" },
  "import.row.interrupted": { en: "the run was interrupted; run the same command again to continue", vi: "lần chạy bị dừng giữa chừng; hãy chạy lại đúng lệnh này để chạy tiếp" },
  "import.row.existsModeCreate": { en: "customer_code already exists on the server (mode create)", vi: "mã khách hàng đã có trên máy chủ (chế độ create)" },
  "import.row.createdHow": { en: "created; {how}", vi: "đã tạo; {how}" },
  "import.row.replacedKeeping": { en: "replaced; {kept}", vi: "đã thay thế; {kept}" },
  "import.row.keptServerValue": {
    en: "{field} kept as the server holds it ({value}) for the same bank, not as the bank table filled it in",
    vi: "{field} giữ nguyên như trên máy chủ ({value}) vì cùng ngân hàng, không theo giá trị điền từ bảng ngân hàng",
  },
  "import.row.confirmedAfter": { en: "confirmed by listing after: {detail}", vi: "đã xác nhận bằng danh sách khách hàng (trước đó: {detail})" },
  "import.row.noAnswer": { en: "no answer", vi: "không nhận được trả lời" },
  "import.row.earlierCreate": { en: "an earlier create of this row went unanswered ({detail})", vi: "lần tạo trước của dòng này không nhận được trả lời ({detail})" },
  "import.row.duplicate": { en: "duplicate", vi: "trùng" },
  "import.row.sentBeforeInterruption": { en: "sent before the interruption; confirmed by listing", vi: "đã gửi trước khi bị dừng; đã xác nhận bằng danh sách khách hàng" },
  "import.row.notCreated": { en: "not created: the answers never came or could not be read, and the listing does not hold this code: {reason}", vi: "chưa tạo được: máy chủ không trả lời hoặc không đọc được câu trả lời, và danh sách khách hàng không có mã này: {reason}" },
  "import.row.unknownIfCreated": { en: "not known whether this run created customer_id {id} (the create went unanswered, and the record could not be read): {reason}", vi: "không rõ lần chạy này đã tạo customer_id {id} hay chưa (lệnh tạo không được trả lời, và không đọc được khách hàng đó): {reason}" },
  "import.row.cannotRead": { en: "could not read the current record: {reason}", vi: "không đọc được thông tin hiện có của khách hàng: {reason}" },
  "import.row.someoneElses": { en: "created meanwhile by someone else: the server holds customer_code {code} (customer_id {id}) with other values in {fields}, so it is not taken as this run's create and was left as it is (undo leaves it alone too). Check which values are right; to overwrite them, import this row again with --mode upsert", vi: "người khác đã tạo khách hàng này trong lúc đó: máy chủ có mã khách hàng {code} (customer_id {id}) với giá trị khác ở {fields}, nên không coi là khách hàng do lần chạy này tạo và được giữ nguyên (hoàn tác cũng không đụng tới). Hãy xem giá trị nào đúng; muốn ghi đè, hãy nhập lại dòng này với --mode upsert" },
  "import.row.contradiction": { en: "the server contradicts itself about customer_code {code}: {statements}. Nothing was changed for this row; run again later, and if it persists, tell Finan support what the server said", vi: "máy chủ trả lời mâu thuẫn về mã khách hàng {code}: {statements}. Dòng này không thay đổi gì; hãy chạy lại sau; nếu vẫn còn lỗi, hãy báo cho bộ phận hỗ trợ của Finan những gì máy chủ đã trả lời" },
  "import.row.listingHolds": { en: "the listing holds it as customer_id {id}", vi: "danh sách khách hàng có mã này với customer_id {id}" },
  "import.row.listingLacks": { en: "the listing does not hold it", vi: "danh sách khách hàng không có mã này" },
  "import.row.aCreate": { en: "a create", vi: "lệnh tạo" },
  "import.row.request": { en: "{method} of {id}", vi: "{method} {id}" },
  "import.row.answers": { en: "{what} answers {answer}", vi: "{what} trả về {answer}" },
  "import.row.answersWhy": { en: "{what} answers {answer} ({detail})", vi: "{what} trả về {answer} ({detail})" },
  "import.row.anError": { en: "an error", vi: "lỗi" },
  "import.row.field": { en: "{header} ({field})", vi: "{header} ({field})" },

  // a dry run's plan for a replace
  "import.plan.wouldClear": { en: { one: "WOULD CLEAR {count} field: {fields}", other: "WOULD CLEAR {count} fields: {fields}" }, vi: "SẼ BỊ XÓA TRẮNG {count} trường: {fields}" },
  "import.plan.wouldChange": { en: "would change: {fields}", vi: "sẽ đổi: {fields}" },
  "import.plan.noChange": { en: "no change", vi: "không thay đổi" },
  "import.plan.notAColumn": { en: "{path} (not a column of this tool)", vi: "{path} (không phải cột của công cụ này)" },
} as const satisfies Record<string, Translated>;
