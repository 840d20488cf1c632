// What the spreadsheet readers and writers say: wrong file kinds, encodings, CSV quoting, damaged workbooks, Excel's limits.
import type { Translated } from "../text.js";

const SAVE_AS_UTF8_VI = 'mở tệp bằng Excel rồi lưu lại dưới dạng "CSV UTF-8 (Comma delimited)"';

export const sheet = {
  // the kind of file, told by its extension and its first bytes
  "sheet.zipNotText": {
    en: "{file} is a zip file (probably an Excel .xlsx workbook), not {extension} text",
    vi: "Tệp {file} là tệp nén zip (có lẽ là tệp Excel .xlsx), không phải tệp văn bản {extension}",
  },
  "sheet.renameToXlsxIfExcel": { en: "If it is an Excel workbook, rename it to .xlsx", vi: "Nếu đây là tệp Excel, hãy đổi đuôi tệp thành .xlsx" },
  "sheet.xlsNotText": {
    en: "{file} is an Excel 97-2003 (.xls) workbook, not {extension} text",
    vi: "Tệp {file} là tệp Excel 97-2003 (.xls), không phải tệp văn bản {extension}",
  },
  "sheet.saveAs": {
    en: "Open it in the spreadsheet program and save it as .xlsx (Excel Workbook) or .csv (CSV UTF-8)",
    vi: "Hãy mở tệp bằng Excel (hoặc chương trình bảng tính khác) rồi lưu lại dưới dạng .xlsx (Excel Workbook) hoặc .csv (CSV UTF-8)",
  },
  "sheet.oleNotXlsx": {
    en: "{file} is not an Excel .xlsx file: it is an Excel 97-2003 (.xls) workbook or a password-protected one",
    vi: "Tệp {file} không phải tệp Excel .xlsx: đây là tệp Excel 97-2003 (.xls) hoặc tệp đã đặt mật khẩu",
  },
  "sheet.removePasswordThenSaveAs": {
    en: "Remove any password, then open it in the spreadsheet program and save it as .xlsx (Excel Workbook) or .csv (CSV UTF-8)",
    vi: "Hãy gỡ mật khẩu (nếu có), rồi mở tệp bằng Excel và lưu lại dưới dạng .xlsx (Excel Workbook) hoặc .csv (CSV UTF-8)",
  },
  "sheet.csvNamedXlsx": {
    en: "{file} is not an Excel .xlsx file (it looks like CSV text): rename it to .csv",
    vi: "Không đọc được tệp {file}: đây là tệp CSV bị đổi đuôi thành .xlsx, hãy đổi lại đuôi thành .csv",
  },
  "sheet.renameToCsv": { en: "Rename the file to .csv and run again", vi: "Hãy đổi đuôi tệp thành .csv rồi chạy lại" },
  "sheet.notZipXlsx": {
    en: "{file} is not an Excel .xlsx file (its first bytes are not a zip)",
    vi: "Tệp {file} không phải tệp Excel .xlsx (phần đầu tệp không phải dạng nén zip)",
  },
  "sheet.xlsxNamedXls": { en: "{file} is named .xls but is an .xlsx workbook inside", vi: "Tệp {file} có đuôi .xls nhưng bên trong là tệp Excel .xlsx" },
  "sheet.renameToXlsx": { en: "Rename it to .xlsx and run again", vi: "Hãy đổi đuôi tệp thành .xlsx rồi chạy lại" },
  "sheet.unsupportedKind": { en: "{file} is {kind}, which finan-bulk does not read", vi: "Tệp {file} là {kind}, finan-bulk không đọc được loại tệp này" },
  "sheet.kind.xls": { en: "an Excel 97-2003 workbook (.xls)", vi: "tệp Excel 97-2003 (.xls)" },
  "sheet.kind.xlsm": { en: "a macro-enabled Excel workbook (.xlsm)", vi: "tệp Excel có macro (.xlsm)" },
  "sheet.kind.xlsb": { en: "a binary Excel workbook (.xlsb)", vi: "tệp Excel dạng nhị phân (.xlsb)" },
  "sheet.kind.ods": { en: "an OpenDocument spreadsheet (.ods)", vi: "bảng tính OpenDocument (.ods)" },
  "sheet.kind.numbers": { en: "an Apple Numbers file", vi: "tệp Apple Numbers" },
  "sheet.unsupportedType": { en: '{file}: unsupported file type "{extension}"', vi: 'Tệp {file}: finan-bulk không hỗ trợ loại tệp "{extension}"' },
  "sheet.noExtension": { en: "(no extension)", vi: "(không có đuôi tệp)" },
  "sheet.useSupportedType": { en: "Use an .xlsx, .csv, .tsv or .txt file", vi: "Hãy dùng tệp .xlsx, .csv, .tsv hoặc .txt" },

  // encodings of delimited text
  "sheet.saveAsUtf8": { en: 'save it from Excel as "CSV UTF-8 (Comma delimited)"', vi: SAVE_AS_UTF8_VI },
  "sheet.saveAsUtf8Hint": { en: "{save}", vi: "Hãy {save}" },
  "sheet.passEncoding": { en: "Pass --encoding {encoding}, or {save}", vi: "Hãy thêm --encoding {encoding}, hoặc {save}" },
  "sheet.utf16WithoutBom": {
    en: "{file} looks like UTF-16 text without a byte-order mark (every other byte is zero)",
    vi: "Tệp {file} có vẻ là văn bản UTF-16 nhưng thiếu dấu BOM ở đầu tệp (cứ cách một byte lại có một byte 0)",
  },
  "sheet.nulCharacter": {
    en: "{file}: line {line}: a NUL character, which text never holds: the file is not {encoding} text",
    vi: "Tệp {file}, dòng {line}: có ký tự NUL, loại ký tự không bao giờ có trong văn bản: tệp không phải văn bản {encoding}",
  },
  "sheet.checkEncoding": { en: "Check the encoding (--encoding), or {save}", vi: "Hãy kiểm tra bảng mã (--encoding), hoặc {save}" },
  "sheet.notUtf8": { en: "{file}: the text is not valid UTF-8", vi: "Tệp {file}: nội dung không phải văn bản UTF-8 hợp lệ" },
  "sheet.notValidIn": { en: "{file}: line {line}: the text is not valid {encoding}", vi: "Tệp {file}, dòng {line}: nội dung không phải văn bản {encoding} hợp lệ" },
  "sheet.notUtf8AfterBom": {
    en: "{file}: line {line}: bytes that are not UTF-8, although the file starts with a UTF-8 byte-order mark",
    vi: "Tệp {file}, dòng {line}: có byte không phải UTF-8, dù đầu tệp có dấu BOM của UTF-8",
  },
  "sheet.damagedOrMixed": { en: "The file is damaged or mixes encodings: {save}", vi: "Tệp bị hỏng hoặc lẫn nhiều bảng mã: hãy {save}" },
  "sheet.probablyWindows1258": {
    en: "{file}: line {line}: the file is not UTF-8; it is probably windows-1258 (Vietnamese Windows)",
    vi: "Tệp {file}, dòng {line}: tệp không dùng bảng mã UTF-8, có lẽ là windows-1258 (Windows tiếng Việt)",
  },
  "sheet.probablyWindows1252": {
    en: "{file}: line {line}: the file is not UTF-8; it is in a legacy encoding, probably windows-1252 (Western European)",
    vi: "Tệp {file}, dòng {line}: tệp không dùng bảng mã UTF-8 mà một bảng mã cũ, có lẽ là windows-1252 (Tây Âu)",
  },
  "sheet.passWindows1252": {
    en: "Pass --encoding windows-1252 (or windows-1258 if it holds Vietnamese), or {save}",
    vi: "Hãy thêm --encoding windows-1252 (hoặc windows-1258 nếu tệp có tiếng Việt), hoặc {save}",
  },
  "sheet.nulByte": {
    en: "{file}: line {line}: a NUL byte, which text never holds: this is not a UTF-8 text file, or a cell on that line holds a NUL character",
    vi: "Tệp {file}, dòng {line}: có byte NUL, loại byte không bao giờ có trong văn bản: đây không phải tệp văn bản UTF-8, hoặc một ô trên dòng đó chứa ký tự NUL",
  },
  "sheet.nulByteHint": {
    en: "If it is UTF-16, pass --encoding utf-16le. If a cell holds the NUL (an export by an older finan-bulk wrote them raw), delete it there, or write it as _x0000_, which finan-bulk reads as a NUL. Otherwise {save}",
    vi: "Nếu tệp là UTF-16, hãy thêm --encoding utf-16le. Nếu một ô chứa ký tự NUL (finan-bulk bản cũ khi xuất có ghi nguyên ký tự này), hãy xóa ký tự đó trong ô, hoặc viết thành _x0000_ (finan-bulk đọc thành ký tự NUL). Nếu không, hãy {save}",
  },
  "sheet.unknownEncoding": { en: 'Unknown encoding "{label}" for {file}', vi: 'Không nhận ra bảng mã "{label}" cho tệp {file}' },
  "sheet.encodingLabels": {
    en: "Use a label such as utf-8, utf-16le, windows-1258 (Vietnamese Windows) or windows-1252",
    vi: "Hãy dùng một tên bảng mã như utf-8, utf-16le, windows-1258 (Windows tiếng Việt) hoặc windows-1252",
  },

  // CSV syntax
  "sheet.quoteRunsPast": {
    en: "{file}: line {line}: a quoted cell opens here and runs past {size} MiB, longer than any customer field",
    vi: "Tệp {file}, dòng {line}: một ô mở dấu ngoặc kép ở đây và kéo dài quá {size} MiB, dài hơn bất kỳ thông tin khách hàng nào",
  },
  "sheet.quoteRunsPastHint": {
    en: 'If a closing quote (") is missing, add it; otherwise shorten that cell, then save the file again',
    vi: 'Nếu thiếu dấu ngoặc kép đóng ("), hãy thêm vào; nếu không, hãy rút ngắn ô đó, rồi lưu lại tệp',
  },
  "sheet.quoteNotClosed": {
    en: "{file}: line {line}: a quoted cell opens here and is never closed",
    vi: "Tệp {file}, dòng {line}: một ô mở dấu ngoặc kép ở đây nhưng không có dấu đóng",
  },
  "sheet.quoteNotClosedHint": {
    en: 'Add the missing closing quote (") or remove the stray opening one, then save the file again',
    vi: 'Hãy thêm dấu ngoặc kép đóng (") còn thiếu, hoặc xóa dấu ngoặc kép mở bị thừa, rồi lưu lại tệp',
  },
  "sheet.recordTooLong": { en: "{file}: line {line}: a record longer than {size} MiB", vi: "Tệp {file}, dòng {line}: một dòng dữ liệu dài hơn {size} MiB" },
  "sheet.notACustomerList": {
    en: "This is not a customer list: check that the right file was given",
    vi: "Đây không phải danh sách khách hàng: hãy kiểm tra đã chọn đúng tệp",
  },
  "sheet.csvSyntax": { en: "{file}: line {line}: {problem}", vi: "Tệp {file}, dòng {line}: lỗi cú pháp CSV ({problem})" },
  "sheet.csvSyntaxHint": {
    en: "Fix the quoting on that line (a cell with a delimiter, quote or line break must be quoted)",
    vi: "Hãy sửa dấu ngoặc kép trên dòng đó (ô có dấu phân cách, dấu ngoặc kép hoặc xuống dòng phải được đặt trong ngoặc kép)",
  },
  "sheet.badDelimiter": { en: "Delimiter {delimiter} cannot separate cells", vi: "Không dùng được {delimiter} làm dấu phân cách giữa các ô" },
  "sheet.delimiterChoices": { en: 'Use one of "," ";" or "tab"', vi: 'Hãy dùng một trong các dấu "," ";" hoặc "tab"' },
  "sheet.workerMissing": { en: "The CSV worker {url} is missing: run npm run build", vi: "Thiếu tệp CSV worker {url}: hãy chạy lệnh npm run build" },
  "sheet.readFailed": { en: "Reading {file} failed: {problem}", vi: "Đọc tệp {file} không thành công: {problem}" },
  "sheet.workerStopped": { en: "the CSV worker stopped (exit {code})", vi: "luồng đọc CSV đã dừng (mã thoát {code})" },

  // workbooks and their sheets
  "sheet.list": { en: "{first}, {rest}", vi: "{first}, {rest}" },
  "sheet.hidden": { en: "{name} (hidden)", vi: "{name} (đang ẩn)" },
  "sheet.none": { en: "none", vi: "không có" },
  "sheet.noVisibleSheet": { en: "{file} has no visible sheet", vi: "Tệp {file} không có trang tính nào đang hiện" },
  "sheet.noVisibleSheetOf": { en: "{file} has no visible sheet (sheets: {names})", vi: "Tệp {file} không có trang tính nào đang hiện (các trang tính: {names})" },
  "sheet.chooseSheet": { en: "Choose one with --sheet NAME", vi: "Hãy chọn một trang tính bằng --sheet TÊN" },
  "sheet.saveWithSheet": { en: "Save the workbook with at least one sheet of data", vi: "Hãy lưu tệp với ít nhất một trang tính có dữ liệu" },
  "sheet.notFound": {
    en: '{file} has no sheet named "{sheet}"; its sheets are: {names}',
    vi: 'Tệp {file} không có trang tính tên "{sheet}"; các trang tính trong tệp: {names}',
  },
  "sheet.notFoundHint": {
    en: "Pass one of those names to --sheet (quote names with spaces)",
    vi: "Hãy ghi một trong các tên đó sau --sheet (tên có dấu cách thì đặt trong ngoặc kép)",
  },
  "sheet.ods": { en: "{file} is an OpenDocument spreadsheet (.ods), not an Excel .xlsx file", vi: "Tệp {file} là bảng tính OpenDocument (.ods), không phải tệp Excel .xlsx" },
  "sheet.odsHint": { en: "Open it and save it as .xlsx or .csv", vi: "Hãy mở tệp rồi lưu lại dưới dạng .xlsx hoặc .csv" },
  "sheet.numbers": { en: "{file} is an Apple Numbers file, not an Excel .xlsx file", vi: "Tệp {file} là tệp Apple Numbers, không phải tệp Excel .xlsx" },
  "sheet.numbersHint": { en: "In Numbers choose File → Export To → Excel (.xlsx) or CSV", vi: "Trong Numbers, hãy chọn File → Export To → Excel (.xlsx) hoặc CSV" },
  "sheet.zipNotWorkbook": {
    en: "{file} is a zip file but not an Excel workbook (no xl/workbook.xml inside)",
    vi: "Tệp {file} là tệp nén zip nhưng không phải tệp Excel (bên trong không có xl/workbook.xml)",
  },
  "sheet.zipNotWorkbookHint": { en: "Save it from the spreadsheet program as .xlsx or .csv", vi: "Hãy lưu lại tệp từ chương trình bảng tính dưới dạng .xlsx hoặc .csv" },
  "sheet.encrypted": { en: "{file} is encrypted", vi: "Tệp {file} đã được đặt mật khẩu" },
  "sheet.encryptedHint": { en: "Remove the password in Excel and save it again", vi: "Hãy gỡ mật khẩu trong Excel rồi lưu lại tệp" },
  "sheet.inSheet": { en: '{file}: sheet "{sheet}", {text}', vi: 'Tệp {file}, trang tính "{sheet}", {text}' },
  "sheet.atCell": { en: "cell {cell}: {text}", vi: "ô {cell}: {text}" },
  "sheet.inColumn": { en: "in column {column}", vi: "ở cột {column}" },
  "sheet.unknownCellValue": { en: "Unexpected spreadsheet cell value: {shape}", vi: "Giá trị ô bảng tính không như dự kiến: {shape}" },
  "sheet.bugHint": {
    en: "This is a bug in finan-bulk: please report it with the file's producer (Excel, LibreOffice...)",
    vi: "Đây là lỗi của finan-bulk: hãy báo lỗi cho chúng tôi, kèm tên chương trình đã tạo tệp (Excel, LibreOffice...)",
  },
  "sheet.tooManyColumns": {
    en: "{file}: sheet \"{sheet}\" has cells beyond column XFD, Excel's last ({columns} columns)",
    vi: 'Tệp {file}, trang tính "{sheet}": có ô nằm sau cột XFD, cột cuối cùng của Excel ({columns} cột)',
  },
  "sheet.tooManyRows": {
    en: "{file}: sheet \"{sheet}\" has rows beyond {rows}, Excel's last row",
    vi: 'Tệp {file}, trang tính "{sheet}": có dòng nằm sau dòng {rows}, dòng cuối cùng của Excel',
  },
  "sheet.notFromASpreadsheet": {
    en: "This was not written by a spreadsheet program: check that the right file was given",
    vi: "Tệp này không do chương trình bảng tính tạo ra: hãy kiểm tra đã chọn đúng tệp",
  },
  "sheet.missingSharedString": {
    en: "cell {cell} refers to shared string {index}, which the workbook does not have",
    vi: "ô {cell} trỏ tới chuỗi dùng chung số {index}, nhưng tệp không có chuỗi này",
  },
  "sheet.noRowNumber": { en: 'a row has no row number (r="{ref}")', vi: 'một dòng không có số dòng (r="{ref}")' },
  "sheet.cellInCell": {
    en: "cell {cell} holds another cell inside it, which no spreadsheet program writes",
    vi: "ô {cell} chứa một ô khác bên trong, điều không chương trình bảng tính nào làm",
  },
  "sheet.noColumn": { en: 'a cell has the reference "{ref}", which names no column', vi: 'một ô có tham chiếu "{ref}", không chỉ tới cột nào' },
  "sheet.doctype": {
    en: "it declares a DOCTYPE (XML entities), which no spreadsheet program writes",
    vi: "tệp khai báo DOCTYPE (thực thể XML), điều không chương trình bảng tính nào làm",
  },

  // a workbook that cannot be read as it is
  "sheet.damaged": { en: "{file} is damaged: {problem}", vi: "Tệp {file} bị hỏng: {problem}" },
  "sheet.damagedHint": {
    en: "Open it in Excel (it may offer to repair it) and save it again as .xlsx, or save it as CSV UTF-8",
    vi: "Hãy mở tệp bằng Excel (Excel có thể đề nghị sửa tệp) rồi lưu lại dưới dạng .xlsx, hoặc lưu dưới dạng CSV UTF-8",
  },
  "sheet.zip.noDirectory": { en: "its table of contents is missing (the file is cut short)", vi: "thiếu mục lục của tệp nén (tệp bị cắt cụt)" },
  "sheet.zip.noZip64Directory": { en: "its zip64 directory is missing", vi: "thiếu mục lục zip64" },
  "sheet.zip.badZip64Directory": { en: "its zip64 directory is unreadable", vi: "không đọc được mục lục zip64" },
  "sheet.zip.directoryPastEnd": { en: "its table of contents points past the end of the file", vi: "mục lục của tệp nén trỏ ra ngoài phần cuối tệp" },
  "sheet.zip.emptyDirectory": { en: "its table of contents is empty", vi: "mục lục của tệp nén trống" },
  "sheet.zip.method": { en: "its {part} uses zip compression method {method}", vi: "phần {part} dùng kiểu nén zip số {method}" },
  "sheet.zip.partMissing": { en: "its {part} is missing", vi: "thiếu phần {part}" },
  "sheet.zip.noPart": { en: "it has no {part}", vi: "tệp không có phần {part}" },
  "sheet.zip.overDeclared": { en: "its {part} unpacks to more than the size it declares", vi: "phần {part} giải nén ra lớn hơn kích thước đã khai báo" },
  "sheet.zip.corrupted": { en: "its {part} is incomplete or corrupted", vi: "phần {part} không đầy đủ hoặc bị hỏng" },
  "sheet.workbookUnreadable": { en: "its workbook cannot be read ({problem})", vi: "không đọc được cấu trúc tệp Excel ({problem})" },
  "sheet.sheetUnreadable": { en: 'sheet "{sheet}" cannot be read ({problem})', vi: 'không đọc được trang tính "{sheet}" ({problem})' },
  "sheet.tooLarge": { en: "{file} is too large to read: {problem}", vi: "Tệp {file} quá lớn, không đọc được: {problem}" },
  "sheet.tooLargeHint": {
    en: "Check it is the right file; a customer list this large should be split into several files",
    vi: "Hãy kiểm tra đã chọn đúng tệp; danh sách khách hàng lớn như vậy nên được chia thành nhiều tệp",
  },
  "sheet.zip.manyParts": { en: "it lists {parts} parts", vi: "tệp nén liệt kê {parts} phần" },
  "sheet.zip.partSize": { en: "its {part} is {size} when unpacked", vi: "phần {part} khi giải nén có dung lượng {size}" },
  "sheet.zip.bomb": {
    en: "its {part} unpacks {ratio} times bigger ({size}): a zip bomb, not a sheet",
    vi: "phần {part} giải nén ra lớn gấp {ratio} lần ({size}): đây là bom nén (zip bomb), không phải trang tính",
  },
  "sheet.mebibytes": { en: "{size} MiB", vi: "{size} MiB" },

  // writing
  "sheet.badOutputName": {
    en: "Cannot write {file}: the file name must end in .xlsx, .csv, .tsv or .txt",
    vi: "Không ghi được tệp {file}: tên tệp phải có đuôi .xlsx, .csv, .tsv hoặc .txt",
  },
  "sheet.outputNameHint": { en: "Choose an output name such as customers.xlsx or customers.csv", vi: "Hãy đặt tên tệp như customers.xlsx hoặc customers.csv" },
  "sheet.writerClosed": { en: "{file} was already closed: cannot write more rows", vi: "Tệp {file} đã được đóng: không ghi thêm dòng được nữa" },
  "sheet.writerAborted": { en: "{file} was already aborted: cannot write more rows", vi: "Việc ghi tệp {file} đã bị hủy: không ghi thêm dòng được nữa" },
  "sheet.theWorkbook": { en: "the workbook", vi: "bảng tính" },
  "sheet.overExcelLimit": { en: "Cannot write {file} as an Excel workbook: {problem}.", vi: "Không ghi được {file} thành tệp Excel: {problem}." },
  "sheet.overExcelLimitHint": {
    en: "Write a .csv instead (it has no such limit): give the file name a .csv ending.",
    vi: "Hãy ghi ra tệp .csv (tệp CSV không có giới hạn này): đặt tên tệp có đuôi .csv.",
  },
  "sheet.limit.columns": {
    en: "it would have {columns} columns, and an Excel sheet holds {max}",
    vi: "tệp sẽ có {columns} cột, trong khi một trang tính Excel chỉ chứa được {max} cột",
  },
  "sheet.limit.rows": {
    en: "it would have more than {max} rows, as many as an Excel sheet holds",
    vi: "tệp sẽ có hơn {max} dòng, số dòng tối đa của một trang tính Excel",
  },
  "sheet.limit.rowCells": {
    en: "row {row} would have {cells} cells, and an Excel sheet holds {max} columns",
    vi: "dòng {row} sẽ có {cells} ô, trong khi một trang tính Excel chỉ chứa được {max} cột",
  },
  "sheet.limit.cellChars": {
    en: 'row {row}, column "{column}" holds {chars} characters, and an Excel cell holds {max}',
    vi: 'dòng {row}, cột "{column}" có {chars} ký tự, trong khi một ô Excel chỉ chứa được {max} ký tự',
  },
  "sheet.columnNumber": { en: "column {number}", vi: "cột {number}" },
  "sheet.dropdownTooLong": {
    en: "A dropdown list must fit in 255 characters without commas: {list}",
    vi: "Danh sách thả xuống phải dài không quá 255 ký tự và không có dấu phẩy: {list}",
  },
} as const satisfies Record<string, Translated>;
