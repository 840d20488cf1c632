// What `finan-bulk export` says: its summary, what changed while it ran, its warnings and its own errors.
import type { Translated } from "../text.js";

export const cliExport = {
  "cli.export.done": { en: "Exported {customers} to {file} in {seconds} s ({perSecond} customers/s, {requests}).", vi: "Đã xuất {customers} ra {file}, mất {seconds} giây ({perSecond} khách hàng/giây, {requests})." },
  "cli.export.deleted": { en: { one: "{count} customer was deleted during the export and is not in the file: {names}.", other: "{count} customers were deleted during the export and are not in the file: {names}." }, vi: "{count} khách hàng đã bị xóa trong lúc xuất nên không có trong tệp: {names}." },
  "cli.export.created": { en: { one: "{count} customer was created during the export and is in the file: {names}.", other: "{count} customers were created during the export and are in the file: {names}." }, vi: "{count} khách hàng được tạo trong lúc xuất và có trong tệp: {names}." },
  "cli.export.changed": { en: { one: "{count} customer was changed during the export; the file has it as it was when fetched: {names}.", other: "{count} customers were changed during the export; the file has them as they were when fetched: {names}." }, vi: "{count} khách hàng đã bị sửa trong lúc xuất; tệp ghi dữ liệu lúc tải về: {names}." },
  "cli.export.fetchPlan": {
    en: { one: "Listed {count} customer; fetching its full record at --rate {rate} takes about {duration}.", other: "Listed {count} customers; fetching their full records at --rate {rate} takes about {duration}." },
    vi: "Đã liệt kê {count} khách hàng; tải thông tin đầy đủ với --rate {rate} sẽ mất khoảng {duration}.",
  },
  "cli.export.fetchPlanNoRate": {
    en: { one: "Listed {count} customer; fetching its full record as fast as the server answers (no --rate).", other: "Listed {count} customers; fetching their full records as fast as the server answers (no --rate)." },
    vi: "Đã liệt kê {count} khách hàng; sẽ tải thông tin đầy đủ nhanh nhất có thể, theo tốc độ trả lời của máy chủ (không đặt --rate).",
  },
  "cli.export.aboutSeconds": { en: "{seconds} s", vi: "{seconds} giây" },
  "cli.export.aboutMinutes": { en: "{minutes} min", vi: "{minutes} phút" },
  "cli.export.aboutHours": { en: "{hours} h {minutes} min", vi: "{hours} giờ {minutes} phút" },
  "cli.export.andMore": { en: "{names} and {count} more", vi: "{names} và {count} khách hàng khác" },
  "cli.export.customer": { en: "{code} ({name})", vi: "{code} ({name})" },
  "cli.export.noCode": { en: "(no code)", vi: "(không có mã)" },
  "cli.export.warnings": { en: { one: "{count} warning about the data (the file keeps every value as text; check these in Finan):", other: "{count} warnings about the data (the file keeps every value as text; check these in Finan):" }, vi: "{count} cảnh báo về dữ liệu (tệp giữ mọi giá trị dưới dạng văn bản; hãy kiểm tra lại trong Finan):" },
  "cli.export.warning": { en: "  {customer}: {text}", vi: "  {customer}: {text}" },
  "cli.export.moreWarnings": { en: "  and {count} more (--json lists the first {max}).", vi: "  và {count} cảnh báo khác (--json liệt kê {max} cảnh báo đầu tiên)." },
  "cli.export.retry": { en: "retry {attempt} in {seconds} s: {text}", vi: "thử lại lần {attempt} sau {seconds} giây: {text}" },
  "cli.export.format": { en: "export writes .xlsx or .csv, not \"{extension}\": {file}", vi: "Lệnh export chỉ ghi .xlsx hoặc .csv, không ghi \"{extension}\": {file}" },
  "cli.export.noExtension": { en: "(no extension)", vi: "(không có đuôi tệp)" },
  "cli.export.formatHint": { en: "Name the file out.xlsx (Excel) or out.csv (UTF-8 text).", vi: "Hãy đặt tên tệp là out.xlsx (Excel) hoặc out.csv (văn bản UTF-8)." },
  "cli.export.noFolder": { en: "Cannot write {file}: its folder {folder} does not exist.", vi: "Không ghi được {file}: thư mục {folder} không tồn tại." },
  "cli.export.noFolderHint": { en: "Check the path (is the network share or disk mounted?), create the folder, or add --mkdir to create it.", vi: "Hãy kiểm tra đường dẫn (ổ mạng hoặc ổ đĩa đã được kết nối chưa?), tạo thư mục, hoặc thêm --mkdir để tự tạo." },
  "cli.export.folderNotWritable": { en: "Cannot write {file}: its folder {folder} is not writable ({code}).", vi: "Không ghi được {file}: không có quyền ghi vào thư mục {folder} ({code})." },
  "cli.export.folderNotWritableHint": { en: "Choose a folder you can write to.", vi: "Hãy chọn thư mục bạn có quyền ghi." },
  "cli.export.isFolder": { en: "Cannot write {file}: it is a folder.", vi: "Không ghi được {file}: đây là một thư mục." },
  "cli.export.isFolderHint": { en: "Give a file name ending in .xlsx or .csv.", vi: "Hãy ghi tên tệp có đuôi .xlsx hoặc .csv." },
} as const satisfies Record<string, Translated>;
