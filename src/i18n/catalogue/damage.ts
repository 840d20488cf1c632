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
  // The template's Instructions sheet: what a spreadsheet does to digits, and the example rows.
  "damage.instructions.digits": {
    en: "Digits (phones, phone code, tax ID, account number, zip code, customer code): format these columns as Text. A number of 16+ digits or in E+ notation has lost digits and makes the row invalid; a leading 0 a rule can prove (9-digit phone, tax ID check digit) is restored, and 84 becomes +84, with a warning; any other number typed as a number is sent with a warning. An apostrophe a spreadsheet left before digits is removed.",
    vi: "Chữ số (số điện thoại, mã vùng quốc gia, mã số thuế, số tài khoản, mã bưu chính, mã khách hàng): hãy định dạng các cột này là Văn bản (Text). Số từ 16 chữ số trở lên hoặc ở dạng E+ đã mất chữ số nên dòng đó không hợp lệ; số 0 ở đầu mà quy tắc chứng minh được (số điện thoại 9 số, chữ số kiểm tra của mã số thuế) được thêm lại, và 84 thành +84, kèm cảnh báo; số khác bị gõ thành số vẫn được gửi, kèm cảnh báo. Dấu nháy đơn bảng tính để lại trước các chữ số sẽ được bỏ.",
  },
  "damage.instructions.examples": {
    en: "The example rows VD001 and VD002 are never imported: a filled template may keep them, and they are skipped with a message.",
    vi: "Các dòng ví dụ VD001 và VD002 không bao giờ được nhập: tệp mẫu đã điền vẫn có thể giữ chúng, các dòng này được bỏ qua kèm thông báo.",
  },
} as const satisfies Record<string, Translated>;
