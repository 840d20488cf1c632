// A file that cannot be found, read or written: what the system said, in words a person can act on.
import type { Translated } from "../text.js";

export const files = {
  "files.notFound": { en: "{file} does not exist", vi: "Không tìm thấy tệp {file}" },
  "files.notFoundHint": { en: "Check the path and the file name", vi: "Hãy kiểm tra lại đường dẫn và tên tệp" },
  "files.unreadable": { en: "{file} cannot be read: {problem}", vi: "Không đọc được tệp {file}: {problem}" },
  "files.unreadableHint": { en: "Give a readable file", vi: "Hãy chọn một tệp mà bạn có quyền đọc" },
  "files.empty": { en: "{file} is empty (0 bytes)", vi: "Tệp {file} trống (0 byte)" },
  "files.emptyHint": { en: "Check that the right file was given and that it was saved", vi: "Hãy kiểm tra đã chọn đúng tệp và tệp đã được lưu" },

  "files.cannotWrite": { en: "Cannot write {target}: {problem}.", vi: "Không ghi được {target}: {problem}." },
  "files.cannotWriteThen": { en: "Cannot write {target}: {problem}. {then}", vi: "Không ghi được {target}: {problem}. {then}" },
  "files.target": { en: "{file}", vi: "tệp {file}" },
  "files.namedTarget": { en: "{what} {file}", vi: "{what} {file}" },

  "files.problem.openElsewhere": { en: "the file is open in another program (close it in Excel)", vi: "tệp đang được mở trong một chương trình khác (hãy đóng tệp trong Excel)" },
  "files.problem.diskFull": { en: "the disk is full", vi: "ổ đĩa đã đầy" },
  "files.problem.quota": { en: "your disk quota is used up", vi: "bạn đã dùng hết dung lượng ổ đĩa được cấp" },
  "files.problem.io": { en: "the disk reported an input/output error", vi: "ổ đĩa báo lỗi đọc/ghi" },
  "files.problem.readOnly": { en: "the file system is read-only", vi: "ổ đĩa chỉ cho phép đọc, không cho ghi" },
  "files.problem.noFolder": { en: "its folder does not exist", vi: "thư mục chứa tệp không tồn tại" },
  "files.problem.permission": { en: "permission denied", vi: "bạn không có quyền truy cập" },
  "files.problem.folder": { en: "it is a folder", vi: "đây là một thư mục, không phải tệp" },
  "files.problem.link": {
    en: "it is a symbolic link, and finan-bulk does not write through links",
    vi: "đây là một liên kết (symbolic link), và finan-bulk không ghi qua liên kết",
  },
  "files.problem.busy": { en: "the file is in use by another program", vi: "tệp đang được một chương trình khác sử dụng" },
  "files.problem.tooBig": { en: "the file is larger than this file system allows", vi: "tệp lớn hơn mức ổ đĩa này cho phép" },

  "files.hint.closeInExcel": {
    en: "Close the file in Excel (or the program showing it), then run the same command again.",
    vi: "Hãy đóng tệp trong Excel (hoặc chương trình đang mở tệp), rồi chạy lại đúng lệnh này.",
  },
  "files.hint.freeSpace": {
    en: "Free some space (or choose a folder on another disk), then run the same command again.",
    vi: "Hãy giải phóng bớt dung lượng (hoặc chọn một thư mục trên ổ đĩa khác), rồi chạy lại đúng lệnh này.",
  },
  "files.hint.removeLink": {
    en: "Remove the link (or give another file name), then run the same command again.",
    vi: "Hãy xóa liên kết (hoặc đặt một tên tệp khác), rồi chạy lại đúng lệnh này.",
  },
  "files.hint.otherPath": {
    en: "Choose another path, or fix the folder's permissions, then run the same command again.",
    vi: "Hãy chọn đường dẫn khác hoặc cấp quyền ghi cho thư mục, rồi chạy lại đúng lệnh này.",
  },
} as const satisfies Record<string, Translated>;
