// What the tool says about a customer list: column names, cell rules, row issues, header and mapping problems.
import type { Translated } from "../text.js";

export const customers = {
  // The template's column headers: the one table columns.ts reads them from. `{n}` is the group number.
  "customers.field.customer_code": { en: "Customer code", vi: "Mã khách hàng" },
  "customers.field.name": { en: "Name", vi: "Tên khách hàng" },
  "customers.field.type": { en: "Type", vi: "Loại khách hàng" },
  "customers.field.phone_code": { en: "Phone code", vi: "Mã quốc gia" },
  "customers.field.phone": { en: "Phone", vi: "Số điện thoại" },
  "customers.field.email": { en: "Email", vi: "Email" },
  "customers.field.tax_id": { en: "Tax ID", vi: "Mã số thuế" },
  "customers.field.custom_tag": { en: "Tag", vi: "Nhãn" },
  "customers.field.country": { en: "Country", vi: "Quốc gia" },
  "customers.field.province": { en: "Province", vi: "Tỉnh/Thành phố" },
  "customers.field.district": { en: "District", vi: "Quận/Huyện" },
  "customers.field.ward": { en: "Ward", vi: "Phường/Xã" },
  "customers.field.address": { en: "Street address", vi: "Địa chỉ" },
  "customers.field.zip_code": { en: "Zip code", vi: "Mã bưu chính" },
  "customers.field.contact.name": { en: "Contact {n} name", vi: "Người liên hệ {n} - Tên" },
  "customers.field.contact.phone_number": { en: "Contact {n} phone", vi: "Người liên hệ {n} - Số điện thoại" },
  "customers.field.contact.email": { en: "Contact {n} email", vi: "Người liên hệ {n} - Email" },
  "customers.field.bank.bank_code": { en: "Bank {n} code", vi: "Ngân hàng {n} - Mã" },
  "customers.field.bank.bank_name": { en: "Bank {n} name", vi: "Ngân hàng {n} - Tên" },
  "customers.field.bank.account_holder_name": { en: "Bank {n} account holder", vi: "Ngân hàng {n} - Chủ tài khoản" },
  "customers.field.bank.account_number": { en: "Bank {n} account number", vi: "Ngân hàng {n} - Số tài khoản" },

  // A row's issue or warning: the column as the file names it, the field, what is wrong and what to do.
  "customers.issue": { en: "{header} ({field}): {text}", vi: "Cột \"{header}\" ({field}): {text}" },
  "customers.issue.path": { en: "{path}: {text}", vi: "{path}: {text}" },
  "customers.both": { en: "{first}; {second}", vi: "{first}; {second}" },
  "customers.listMore": { en: "{first}, {rest}", vi: "{first}, {rest}" },

  "customers.cell.tooLong": {
    en: "is {length} characters long, more than a spreadsheet cell holds ({max}): check the cell",
    vi: "dài {length} ký tự, quá sức chứa của một ô bảng tính ({max}): hãy kiểm tra lại ô này",
  },
  "customers.cell.lostDigits": {
    en: "lost digits in Excel: format the column as Text and retype",
    vi: "Excel đã tự đổi ô này thành số nên mất chữ số: hãy định dạng cột thành Văn bản (Text) rồi gõ lại",
  },
  "customers.cell.logical": {
    en: "{value} is a logical value in Excel; sent as the text {value}",
    vi: "{value} là giá trị đúng/sai của Excel; được gửi dưới dạng văn bản {value}",
  },
  "customers.cell.date": {
    en: "holds a date ({date}): format the column as Text and retype the value",
    vi: "chứa ngày tháng ({date}): hãy định dạng cột thành Văn bản (Text) rồi gõ lại giá trị",
  },
  "customers.cell.invalidDate": { en: "an invalid date", vi: "ngày không hợp lệ" },
  "customers.cell.error": {
    en: "{error} in the cell: fix the formula or type the value",
    vi: "ô có lỗi {error}: hãy sửa công thức hoặc gõ thẳng giá trị",
  },
  "customers.cell.noComputedValue": {
    en: "holds {formula} with no computed value (the program that wrote the file did not compute it): open the file in Excel or LibreOffice and save it, then run again",
    vi: "chứa {formula} nhưng chưa có giá trị (chương trình tạo tệp chưa tính giá trị này): hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại",
  },
  "customers.cell.aFormula": { en: "a formula", vi: "một công thức" },
  "customers.cell.theFormula": { en: "the formula ={formula}", vi: "công thức ={formula}" },
  "customers.cell.notFinite": {
    en: "is not a number a spreadsheet can show: type the value",
    vi: "không phải số mà bảng tính hiển thị được: hãy gõ lại giá trị",
  },
  "customers.cell.leadingZeroRestored": {
    en: "added the leading 0 Excel dropped ({value} → {fixed})",
    vi: "{value} thiếu số 0 ở đầu (Excel đã bỏ mất). Đã sửa thành {fixed}",
  },
  "customers.cell.duplicateCode": {
    en: "duplicate customer_code, first at row {row}",
    vi: "mã khách hàng trùng với dòng {row}: chỉ dòng {row} được nhập; hãy sửa mã hoặc xóa dòng này",
  },
  "customers.cell.notRead": {
    en: "values in columns without a header were not read: {values}",
    vi: "các giá trị ở cột không có tiêu đề không được đọc: {values}",
  },
  "customers.cell.shifted": {
    en: "the row has {cells} cells but the header has {width} columns (extra: {values}): a comma or delimiter inside an unquoted cell has probably shifted the cells; quote that cell or remove the extra cells",
    vi: "dòng có {cells} ô nhưng dòng tiêu đề chỉ có {width} cột (thừa: {values}): có lẽ một dấu phẩy hoặc dấu phân cách nằm trong ô không có ngoặc kép nên các ô bị lệch; hãy đặt ô đó trong ngoặc kép hoặc xóa các ô thừa",
  },

  // Characters nobody sees: "U+200B zero-width space".
  "customers.character": { en: "{code} {name}", vi: "{code} ({name})" },
  "customers.character.times": { en: "{character} ×{times}", vi: "{character} ×{times}" },
  "customers.char.nbsp": { en: "no-break space", vi: "dấu cách không ngắt dòng" },
  "customers.char.softHyphen": { en: "soft hyphen", vi: "dấu gạch nối ẩn" },
  "customers.char.zwsp": { en: "zero-width space", vi: "dấu cách độ rộng 0" },
  "customers.char.zwnj": { en: "zero-width non-joiner", vi: "ký tự ngăn nối độ rộng 0" },
  "customers.char.zwj": { en: "zero-width joiner", vi: "ký tự nối độ rộng 0" },
  "customers.char.lrm": { en: "left-to-right mark", vi: "dấu hướng viết trái sang phải" },
  "customers.char.rlm": { en: "right-to-left mark", vi: "dấu hướng viết phải sang trái" },
  "customers.char.lre": { en: "left-to-right embedding", vi: "dấu nhúng hướng trái sang phải" },
  "customers.char.rle": { en: "right-to-left embedding", vi: "dấu nhúng hướng phải sang trái" },
  "customers.char.pdf": { en: "pop directional formatting", vi: "dấu kết thúc định hướng" },
  "customers.char.lro": { en: "left-to-right override", vi: "dấu ép hướng trái sang phải" },
  "customers.char.rlo": { en: "right-to-left override", vi: "dấu ép hướng phải sang trái" },
  "customers.char.wordJoiner": { en: "word joiner", vi: "ký tự nối từ" },
  "customers.char.lri": { en: "left-to-right isolate", vi: "dấu tách hướng trái sang phải" },
  "customers.char.rli": { en: "right-to-left isolate", vi: "dấu tách hướng phải sang trái" },
  "customers.char.fsi": { en: "first strong isolate", vi: "dấu tách hướng tự động" },
  "customers.char.pdi": { en: "pop directional isolate", vi: "dấu kết thúc tách hướng" },
  "customers.char.bom": { en: "byte order mark", vi: "dấu thứ tự byte (BOM)" },
  "customers.char.nul": { en: "NUL", vi: "ký tự NUL" },
  "customers.char.tab": { en: "tab", vi: "dấu tab" },
  "customers.char.lineFeed": { en: "line feed", vi: "dấu xuống dòng (LF)" },
  "customers.char.carriageReturn": { en: "carriage return", vi: "dấu về đầu dòng (CR)" },
  "customers.char.escape": { en: "escape", vi: "ký tự ESC" },
  "customers.char.delete": { en: "delete", vi: "ký tự DEL" },
  "customers.char.control": { en: "control character", vi: "ký tự điều khiển" },
  "customers.unseen.inCode": {
    en: "holds {kind}, {character}, {where}: retype the code without it, or it becomes a second customer that looks the same",
    vi: "có {kind} {character} {where}: hãy gõ lại mã khách hàng không có ký tự này, nếu không sẽ thành một khách hàng thứ hai trông giống hệt",
  },
  "customers.unseen.invisible": { en: "an invisible character", vi: "ký tự vô hình" },
  "customers.unseen.control": { en: "a control character", vi: "ký tự điều khiển" },
  "customers.unseen.atStart": { en: "at the start", vi: "ở đầu mã" },
  "customers.unseen.after": { en: "after \"{before}\"", vi: "sau \"{before}\"" },
  "customers.unseen.removed": { en: "removed invisible {characters}", vi: "đã bỏ ký tự vô hình {characters}" },
  "customers.unseen.spaced": { en: "replaced {character} with a space", vi: "đã thay {character} bằng dấu cách" },
  "customers.unseen.controlKept": {
    en: "holds {character}, a control character no screen shows: sent as it is",
    vi: "có {character}, ký tự điều khiển không hiện trên màn hình: vẫn gửi nguyên như vậy",
  },

  // The payload's rules (schema.ts): zod carries these keys as its messages.
  "customers.rule.required": { en: "is required", vi: "bắt buộc phải có" },
  "customers.rule.contactName": {
    en: "is required when other cells of this contact are filled",
    vi: "bắt buộc phải có khi các ô khác của người liên hệ này đã được điền",
  },
  "customers.rule.accountNumber": {
    en: "is required when other cells of this bank account are filled",
    vi: "bắt buộc phải có khi các ô khác của tài khoản ngân hàng này đã được điền",
  },
  "customers.rule.bankCodeOrName": {
    en: "a bank account needs a bank code or a bank name",
    vi: "tài khoản ngân hàng cần có mã ngân hàng hoặc tên ngân hàng",
  },
  "customers.rule.phone": {
    en: "is not a phone number: one number per cell, 6 to 15 digits with spaces, + - . ( ) only",
    vi: "không phải số điện thoại: mỗi ô một số, 6 đến 15 chữ số, chỉ được thêm dấu cách và + - . ( )",
  },
  "customers.rule.email": { en: "is not an email address", vi: "không phải địa chỉ email: hãy sửa lại, ví dụ ketoan@congty.vn" },
  "customers.rule.type": {
    en: "\"{value}\" is not a customer type: use personal (cá nhân) or company (tổ chức, công ty, doanh nghiệp)",
    vi: "\"{value}\" không phải loại khách hàng: hãy chọn Cá nhân hoặc Tổ chức (cũng nhận công ty, doanh nghiệp)",
  },
  "customers.rule.phoneCode": { en: "is not a dialing code such as +84", vi: "không phải mã vùng quốc gia (ví dụ +84)" },
  "customers.rule.companyContact": {
    en: "a company needs at least one contact person with a name",
    vi: "khách hàng là tổ chức cần ít nhất một người liên hệ có tên",
  },
  "customers.rule.invalid": { en: "is not valid: check the cell", vi: "không hợp lệ: hãy kiểm tra lại ô này" },

  // The header row (header.ts, read-input.ts).
  "customers.columns.unknown": {
    en: "Column \"{header}\" is not a customer field: it is kept in the report but not sent. Map it with --columns if it should be.",
    vi: "Cột \"{header}\" không phải thông tin khách hàng: cột vẫn được giữ trong tệp kết quả nhưng không được gửi đi. Nếu cần gửi, hãy khai báo cột này bằng --columns.",
  },
  "customers.columns.unknownMany": {
    en: "{count} columns are not customer fields: {shown} and {more} more. They are kept in the report but not sent; map them with --columns if they should be.",
    vi: "{count} cột không phải thông tin khách hàng: {shown} và {more} cột khác. Các cột này vẫn được giữ trong tệp kết quả nhưng không được gửi đi; nếu cần gửi, hãy khai báo chúng bằng --columns.",
  },
  "customers.columns.duplicate": {
    en: "Header row {row}: columns {first} and {second} (\"{firstHeader}\" and \"{secondHeader}\") are both {header} ({field}).",
    vi: "Dòng tiêu đề {row}: hai cột {first} và {second} (\"{firstHeader}\" và \"{secondHeader}\") cùng là {header} ({field}).",
  },
  "customers.columns.duplicateHint": {
    en: "Delete or rename one of the two columns, then run again.",
    vi: "Hãy xóa hoặc đổi tên một trong hai cột rồi chạy lại.",
  },
  "customers.columns.duplicateMappedOne": {
    en: "Your --columns mapping sends \"{header}\" to {field}: map it to another field or leave it out of the mapping (or rename a column in the sheet), then run again.",
    vi: "Tệp --columns của bạn đang gán \"{header}\" vào {field}: hãy gán cột đó vào trường khác hoặc bỏ nó khỏi tệp --columns (hoặc đổi tên một cột trong trang tính), rồi chạy lại.",
  },
  "customers.columns.duplicateMappedBoth": {
    en: "Your --columns mapping sends \"{first}\" and \"{second}\" to {field}: map one of them to another field or leave one out of the mapping (or rename a column in the sheet), then run again.",
    vi: "Tệp --columns của bạn đang gán cả \"{first}\" và \"{second}\" vào {field}: hãy gán một cột vào trường khác hoặc bỏ một cột khỏi tệp --columns (hoặc đổi tên một cột trong trang tính), rồi chạy lại.",
  },
  "customers.columns.missing": {
    en: "Header row {row} has no column for {names}, so no row could be sent. Recognised: {recognised}.",
    vi: "Dòng tiêu đề {row} không có cột {names} nên không gửi được dòng nào. Các cột đã nhận ra: {recognised}.",
  },
  "customers.columns.nothing": { en: "nothing", vi: "không có cột nào" },
  "customers.columns.missingHint": {
    en: "Name the columns as the template does (finan-bulk template), or map yours with --columns mapping.json.",
    vi: "Hãy đặt tên cột như tệp mẫu (finan-bulk template), hoặc khai báo tên cột của bạn bằng --columns mapping.json.",
  },
  "customers.file.empty": { en: "{file} has no rows at all.", vi: "Tệp {file} không có dòng nào." },
  "customers.file.sheetEmpty": { en: "The sheet \"{sheet}\" of {file} has no rows at all.", vi: "Trang tính \"{sheet}\" của tệp {file} không có dòng nào." },
  "customers.file.emptyHint": {
    en: "Start from the template: finan-bulk template customers.xlsx.{others}",
    vi: "Hãy bắt đầu từ tệp mẫu: finan-bulk template customers.xlsx.{others}",
  },
  "customers.file.otherSheets": {
    en: " If the list is on another sheet, choose it with --sheet NAME (this workbook also has: {sheets}).",
    vi: " Nếu danh sách nằm ở trang tính khác, hãy chọn bằng --sheet TÊN (tệp này còn có: {sheets}).",
  },
  "customers.headerRow.notFound": {
    en: "No header row in {rows} of {where}: no row names at least two known columns (such as {examples} or {vietnamese}).",
    vi: "Không tìm thấy dòng tiêu đề trong {rows} của {where}: không dòng nào có ít nhất hai tên cột mà finan-bulk nhận ra (ví dụ {examples} hoặc {vietnamese}).",
  },
  "customers.headerRow.onlyRow": { en: "its only row", vi: "dòng duy nhất" },
  "customers.headerRow.firstRows": { en: "the first {count} rows", vi: "{count} dòng đầu" },
  "customers.headerRow.inFile": { en: "{file}", vi: "tệp {file}" },
  "customers.headerRow.inSheet": { en: "sheet \"{sheet}\" of {file}", vi: "trang tính \"{sheet}\" của tệp {file}" },
  "customers.headerRow.notFoundHint": {
    en: "Put the header in one of the first 10 rows, name the columns as the template does (finan-bulk template), or map your own names with --columns mapping.json.{others}",
    vi: "Hãy đặt dòng tiêu đề trong 10 dòng đầu, đặt tên cột như tệp mẫu (finan-bulk template), hoặc khai báo tên cột của bạn bằng --columns mapping.json.{others}",
  },

  // The --columns mapping file (mapping.ts). A JSON example is a value: braces are not catalogue text.
  "customers.mapping.source": { en: "the column mapping", vi: "Tệp --columns" },
  "customers.mapping.notObject": {
    en: "{source} is not a JSON object of header → field.",
    vi: "{source} không phải một đối tượng JSON dạng tên cột → trường.",
  },
  "customers.mapping.formatHint": {
    en: "Write the mapping as one JSON object: {example}; a field is an API path (address.province, contact_persons.1.name) or a template header.",
    vi: "Hãy viết tệp --columns thành một đối tượng JSON: {example}; trường là đường dẫn API (address.province, contact_persons.1.name) hoặc tên cột như trong tệp mẫu.",
  },
  "customers.mapping.exampleObject": { en: "{open}\"{header}\": \"general_info.customer_code\", ...{close}", vi: "{open}\"{header}\": \"general_info.customer_code\", ...{close}" },
  "customers.mapping.exampleHeader": { en: "Header in your file", vi: "Tên cột trong tệp của bạn" },
  "customers.mapping.badEntry": { en: "{source}: entry \"{header}\": {problem}.", vi: "{source}: mục \"{header}\": {problem}." },
  "customers.mapping.noLetters": { en: "the header name has no letters or digits", vi: "tên cột không có chữ hay số nào" },
  "customers.mapping.notString": {
    en: "the field must be a string such as general_info.name",
    vi: "trường phải là một chuỗi, ví dụ general_info.name",
  },
  "customers.mapping.unknownField": { en: "\"{field}\" is not a known field", vi: "\"{field}\" không phải trường nào của khách hàng" },
  "customers.mapping.invalid": { en: "invalid", vi: "không hợp lệ" },
  "customers.mapping.conflict": {
    en: "{source}: entries \"{first}\" and \"{second}\" are the same header but map to {firstField} and {secondField}.",
    vi: "{source}: hai mục \"{first}\" và \"{second}\" là cùng một tên cột nhưng được gán vào {firstField} và {secondField}.",
  },
  "customers.mapping.conflictHint": { en: "Keep one of the two entries.", vi: "Hãy giữ lại một trong hai mục." },
  "customers.mapping.unreadable": {
    en: "Cannot read the column mapping {path}: {reason}",
    vi: "Không đọc được tệp --columns {path}: {reason}",
  },
  "customers.mapping.unreadableHint": { en: "It must be a JSON object such as {example}.", vi: "Tệp phải là một đối tượng JSON, ví dụ {example}." },
} as const satisfies Record<string, Translated>;
