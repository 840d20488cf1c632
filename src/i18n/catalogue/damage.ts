// What the tool says about spreadsheet damage in fields made of digits, and about the template's example rows.
import type { Translated } from "../text.js";

export const damage = {
  "damage.phoneCodePlus": {
    en: "the + was lost in a spreadsheet ({value} → {fixed})",
    vi: "{value} thiếu dấu + ở đầu (bảng tính đã bỏ mất). Đã sửa thành {fixed}",
  },
  "damage.apostropheRemoved": {
    en: "removed the apostrophe a spreadsheet left before the digits ({value} → {fixed})",
    vi: "{value} có dấu nháy đơn do bảng tính để lại trước các chữ số. Đã bỏ dấu nháy: {fixed}",
  },
  "damage.typedAsNumber": {
    en: "{value} was typed as a number in Excel: a leading 0 would be gone without a trace; check it against the source, and format the column as Text",
    vi: "{value} được gõ thành số trong Excel: nếu có số 0 ở đầu thì đã mất mà không còn dấu vết; hãy đối chiếu với chứng từ gốc và định dạng cột thành Văn bản (Text)",
  },
  "damage.maybeRounded": {
    en: "{value} has {digits} digits and ends in 0: a spreadsheet keeps only 15 digits and may have rounded it; check it against the source",
    vi: "{value} có {digits} chữ số và tận cùng là 0: bảng tính chỉ giữ 15 chữ số nên có thể đã làm tròn số này; hãy đối chiếu với chứng từ gốc",
  },
  "damage.roundedColumn": {
    en: "\"{value}\" was rounded by a spreadsheet: all {count} values of 16 or more digits in this column end in 0 (a spreadsheet keeps only 15 digits). Take the value from the source, format the column as Text and retype it",
    vi: "\"{value}\" đã bị bảng tính làm tròn: cả {count} giá trị từ 16 chữ số trở lên trong cột này đều tận cùng là 0 (bảng tính chỉ giữ 15 chữ số). Hãy lấy lại giá trị từ chứng từ gốc, định dạng cột thành Văn bản (Text) rồi gõ lại",
  },
  "damage.roundedScientific": {
    en: "\"{value}\" was rounded by a spreadsheet: this column also holds values in E+ notation, the mark of a file saved by a spreadsheet (it keeps only 15 digits). Take the value from the source, format the column as Text and retype it",
    vi: "\"{value}\" đã bị bảng tính làm tròn: cột này còn có giá trị dạng E+, dấu hiệu tệp đã được lưu lại bằng bảng tính (bảng tính chỉ giữ 15 chữ số). Hãy lấy lại giá trị từ chứng từ gốc, định dạng cột thành Văn bản (Text) rồi gõ lại",
  },
  "damage.templateExample": {
    en: "the template's example row {code}, left in the file: not imported; delete the row",
    vi: "dòng ví dụ {code} của tệp mẫu còn sót lại trong tệp: không nhập dòng này; hãy xóa dòng này",
  },
} as const satisfies Record<string, Translated>;
