// What the export for accounting says (issue #19): dated names, --state and changes, --manifest, the summary sheet.
import type { Translated } from "../text.js";

export const accounting = {
  "accounting.help.state": { en: "Keep what this export wrote in FILE (updated only after a successful run), for --changes-only next time", vi: "Lưu vào tệp này những gì lần xuất đã ghi (chỉ cập nhật khi chạy thành công), để lần sau dùng --changes-only" },
  "accounting.help.changesOnly": { en: "Write only customers new, changed or deleted since --state (or --changes-since), with a change column", vi: "Chỉ ghi khách hàng mới, đã thay đổi hoặc đã xóa kể từ --state (hoặc --changes-since), kèm cột thay đổi" },
  "accounting.help.changesSince": { en: "Compare with an earlier full export of ours (.xlsx or .csv) instead of the state", vi: "So sánh với một tệp xuất đầy đủ trước đây của công cụ (.xlsx hoặc .csv) thay cho tệp trạng thái" },
  "accounting.help.manifest": { en: "Also write FILE.manifest.json beside the file: count, SHA-256, snapshot time, version", vi: "Ghi thêm tệp .manifest.json bên cạnh tệp xuất: số khách hàng, SHA-256, thời điểm lấy dữ liệu, phiên bản" },
  "accounting.help.force": { en: "Overwrite the output even if it was changed since finan-bulk wrote it", vi: "Ghi đè tệp đích kể cả khi tệp đã bị sửa sau khi finan-bulk ghi ra" },
  "accounting.help.exampleDated": { en: "A dated file each night, only what changed since the last run", vi: "Mỗi đêm một tệp có ngày, chỉ những gì thay đổi kể từ lần chạy trước" },

  "accounting.name.unknownToken": { en: "The file name {file} has {token}, which export does not know.", vi: "Tên tệp {file} có {token}, lệnh xuất không hiểu mục này." },
  "accounting.name.tokensHint": { en: "Use {date} (YYYY-MM-DD) or {datetime} (YYYY-MM-DD_HHmmss), in local time; TZ sets the zone.", vi: "Hãy dùng {date} (YYYY-MM-DD) hoặc {datetime} (YYYY-MM-DD_HHmmss), theo giờ địa phương; biến TZ chọn múi giờ." },

  "accounting.overwrite.what": { en: "export", vi: "tệp xuất" },
  "accounting.overwrite.hint": { en: "Give this export another name (a {date} in the name keeps one file a day), or add --force to overwrite it.", vi: "Hãy đặt tên khác cho tệp xuất ({date} trong tên sẽ tạo mỗi ngày một tệp), hoặc thêm --force để ghi đè." },

  "accounting.changesOnly.needsBaseline": { en: "--changes-only needs --state FILE or --changes-since FILE: something to compare with.", vi: "--changes-only cần --state TỆP hoặc --changes-since TỆP để có cái so sánh." },
  "accounting.changesOnly.needsBaselineHint": { en: "Run once with --state FILE to record the full list; later runs with --state FILE --changes-only write what changed.", vi: "Hãy chạy một lần với --state TỆP để lưu toàn bộ danh sách; các lần sau chạy với --state TỆP --changes-only để chỉ ghi những gì thay đổi." },
  "accounting.changesOnly.summaryOnly": { en: "--changes-only and --summary cannot go together: a summary has too few fields to tell a change.", vi: "Không dùng --changes-only cùng --summary được: bản tóm tắt có quá ít trường để biết khách hàng đã thay đổi hay chưa." },
  "accounting.changesOnly.summaryOnlyHint": { en: "Leave out --summary.", vi: "Hãy bỏ --summary." },
  "accounting.state.isOutput": { en: "--state {state} is the export's own file.", vi: "--state {state} trùng với chính tệp xuất." },
  "accounting.state.isOutputHint": { en: "Give the state a file of its own, e.g. customers.state.jsonl.", vi: "Hãy đặt tệp trạng thái riêng, ví dụ customers.state.jsonl." },

  "accounting.state.what": { en: "state file", vi: "tệp trạng thái" },
  "accounting.state.then": { en: "The export file is in place; the state was not updated, so the next --changes-only compares with the one before.", vi: "Tệp xuất đã được ghi; tệp trạng thái chưa được cập nhật, nên lần --changes-only sau sẽ so sánh với trạng thái trước đó." },
  "accounting.state.unreadable": { en: "The state file {path} cannot be read as one: {why}.", vi: "Không đọc được tệp trạng thái {path}: {why}." },
  "accounting.state.unreadableHint": { en: "Point --state at the file an earlier export wrote, or at a new name to start over (every customer is then new).", vi: "Hãy chỉ --state tới tệp do lần xuất trước ghi ra, hoặc tới một tên mới để bắt đầu lại (khi đó mọi khách hàng đều là mới)." },
  "accounting.state.notAFile": { en: "it is not a file", vi: "đó không phải là tệp" },
  "accounting.state.noHeader": { en: "its first line is not a finan-bulk state header", vi: "dòng đầu không phải phần đầu tệp trạng thái của finan-bulk" },
  "accounting.state.badLine": { en: "line {line} is damaged", vi: "dòng {line} bị hỏng" },
  "accounting.state.first": { en: "No state yet at {path}: every customer counts as new, and the state is written now.", vi: "Chưa có tệp trạng thái {path}: mọi khách hàng được tính là mới, và tệp trạng thái được ghi lần này." },

  "accounting.since.changesFile": { en: "{file} is a changes-only export (it has a change column): it lacks the customers that did not change, so it cannot be a baseline.", vi: "{file} là tệp xuất chỉ gồm thay đổi (có cột thay đổi): tệp thiếu các khách hàng không thay đổi, nên không dùng làm mốc so sánh được." },
  "accounting.since.changesFileHint": { en: "Compare with a full export (written without --changes-only), or keep a --state file.", vi: "Hãy so sánh với một tệp xuất đầy đủ (ghi ra không có --changes-only), hoặc dùng tệp --state." },
  "accounting.since.noId": { en: "{file} has no customer_id column: customers cannot be matched with it.", vi: "{file} không có cột customer_id: không đối chiếu được khách hàng." },
  "accounting.since.noIdHint": { en: "Compare with an export written by finan-bulk export (it writes customer_id unless --columns leaves it out).", vi: "Hãy so sánh với tệp do finan-bulk export ghi ra (tệp có customer_id trừ khi --columns bỏ cột này)." },

  "accounting.column.change": { en: "change", vi: "thay đổi" },
  "accounting.column.changedColumns": { en: "changed columns", vi: "cột đã thay đổi" },
  "accounting.change.new": { en: "new", vi: "mới" },
  "accounting.change.changed": { en: "changed", vi: "đã thay đổi" },
  "accounting.change.deleted": { en: "deleted", vi: "đã xóa" },

  "accounting.done.changes": { en: "Since {baseline}: {new} new, {changed} changed, {deleted} deleted, {unchanged} unchanged.", vi: "Kể từ {baseline}: {new} mới, {changed} đã thay đổi, {deleted} đã xóa, {unchanged} không đổi." },
  "accounting.done.notCompared": { en: "{count} customers were not compared: the baseline holds only another type.", vi: "{count} khách hàng không được so sánh: mốc so sánh chỉ có loại khách hàng khác." },
  "accounting.done.notComparable": { en: "Not compared, as only one side has them: {columns}.", vi: "Không so sánh các cột chỉ một bên có: {columns}." },
  "accounting.done.manifest": { en: "Manifest: {file}", vi: "Tệp kê khai: {file}" },

  "accounting.manifest.what": { en: "manifest", vi: "tệp kê khai" },
  "accounting.manifest.then": { en: "The export file itself is in place.", vi: "Bản thân tệp xuất đã được ghi." },

  "accounting.import.deletedRow": { en: "change is \"{value}\": this customer was deleted from Finan, and importing the row would create it again. Remove the row, or clear its change cell to re-create the customer.", vi: "cột thay đổi là \"{value}\": khách hàng này đã bị xóa khỏi Finan, nhập dòng này sẽ tạo lại khách hàng. Hãy bỏ dòng này, hoặc xóa trắng ô thay đổi nếu muốn tạo lại khách hàng." },

  "accounting.sheet.name": { en: "Summary", vi: "Tổng kết" },
  "accounting.sheet.item": { en: "Item", vi: "Mục" },
  "accounting.sheet.value": { en: "Value", vi: "Giá trị" },
  "accounting.sheet.snapshot": { en: "Snapshot time", vi: "Thời điểm lấy dữ liệu" },
  "accounting.sheet.version": { en: "finan-bulk version", vi: "Phiên bản finan-bulk" },
  "accounting.sheet.listed": { en: "Customers listed", vi: "Số khách hàng trong danh sách" },
  "accounting.sheet.written": { en: "Rows written", vi: "Số dòng đã ghi" },
  "accounting.sheet.ofType": { en: "Written, type {type}", vi: "Đã ghi, loại {type}" },
  "accounting.sheet.createdDuring": { en: "Created during the export", vi: "Được tạo trong lúc xuất" },
  "accounting.sheet.changedDuring": { en: "Changed during the export", vi: "Bị sửa trong lúc xuất" },
  "accounting.sheet.deletedDuring": { en: "Deleted during the export", vi: "Bị xóa trong lúc xuất" },
  "accounting.sheet.baseline": { en: "Compared with", vi: "So sánh với" },
  "accounting.sheet.new": { en: "New since then", vi: "Mới kể từ đó" },
  "accounting.sheet.changed": { en: "Changed since then", vi: "Đã thay đổi kể từ đó" },
  "accounting.sheet.deleted": { en: "Deleted since then", vi: "Đã xóa kể từ đó" },
  "accounting.sheet.unchanged": { en: "Unchanged since then", vi: "Không đổi kể từ đó" },
  "accounting.sheet.parameter": { en: "Parameter {flag}", vi: "Tham số {flag}" },
  "accounting.sheet.all": { en: "all", vi: "tất cả" },
} as const satisfies Record<string, Translated>;
