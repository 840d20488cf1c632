// What the tool says about files from other programs (KiotViet, MISA, Sapo, Haravan) and their profiles.
import type { Translated } from "../text.js";

export const sources = {
  "sources.recognised": {
    en: "recognised as a {name} customer file by its headers: its columns are read without --columns",
    vi: "đã nhận ra tệp khách hàng của {name} theo tên cột: các cột được đọc mà không cần --columns",
  },
  "sources.recognisedUnsure": {
    en: "recognised as a {name} customer file by its headers, which are not yet confirmed against a real {name} export: check the report before you import",
    vi: "đã nhận ra tệp khách hàng của {name} theo tên cột, nhưng các tên cột này chưa được đối chiếu với tệp xuất thật của {name}: hãy xem kỹ tệp kết quả trước khi nhập",
  },
  "sources.noField": {
    en: "columns with no Finan field, kept in the report and not sent: {headers}",
    vi: "các cột không có trường tương ứng trong Finan, được giữ trong tệp kết quả và không gửi lên: {headers}",
  },
  "sources.unsure": {
    en: "\"{header}\" is not read: which of its values means an organisation is not known for sure. Say it in a --columns file (validate --save-columns writes one to edit), or use --default type=company",
    vi: "Cột \"{header}\" không được đọc: chưa chắc giá trị nào của cột này nghĩa là tổ chức. Hãy khai báo trong tệp --columns (validate --save-columns ghi sẵn một tệp để sửa), hoặc dùng --default type=company",
  },
  "sources.columns.badValues": {
    en: "\"values\" must give each value of your file the value to send, as text",
    vi: "\"values\" phải cho mỗi giá trị trong tệp của bạn một giá trị để gửi, dạng chữ",
  },
  "sources.columns.badSource": {
    en: "\"{value}\" is not a program this tool knows (kiotviet, misa-sme, misa-amis, sapo, haravan)",
    vi: "\"{value}\" không phải phần mềm mà công cụ này biết (kiotviet, misa-sme, misa-amis, sapo, haravan)",
  },
  "sources.columns.formatHint": {
    en: "An entry gives a column a field (\"general_info.name\"), an object with \"field\" and \"values\", an object with \"role\", or null for a column not sent; validate --save-columns writes an example.",
    vi: "Mỗi mục gán cho một cột một trường (\"general_info.name\"), một đối tượng có \"field\" và \"values\", một đối tượng có \"role\", hoặc null cho cột không gửi lên; validate --save-columns ghi sẵn một tệp mẫu.",
  },
  "sources.help.saveColumns": {
    en: "Write the column mapping this run used (the program recognised, value maps) as a JSON file that --columns reads",
    vi: "Ghi cách gán cột mà lần chạy này dùng (phần mềm nhận ra, bảng đổi giá trị) vào tệp JSON mà --columns đọc được",
  },
  "sources.save.exists": {
    en: "{path} exists already and may hold your edits: the column mapping was not saved and nothing was checked.",
    vi: "Đã có tệp {path}, có thể chứa các chỗ bạn đã sửa: chưa lưu cách gán cột và chưa kiểm tra gì.",
  },
  "sources.save.existsHint": {
    en: "Give --save-columns another file name, or add --force to overwrite it.",
    vi: "Hãy đặt tên tệp khác cho --save-columns, hoặc thêm --force để ghi đè.",
  },
  "sources.export.dropped": {
    en: "{field}: left out for {count} customers, as the {name} file has no column for it",
    vi: "{field}: không ghi cho {count} khách hàng, vì tệp {name} không có cột cho trường này",
  },
  "sources.export.bankNameFilled": {
    en: "a blank bank name was filled from the bank table by its code for {count} customers: {codes}",
    vi: "tên ngân hàng để trống đã được điền theo mã ngân hàng từ bảng ngân hàng cho {count} khách hàng: {codes}",
  },
  "sources.export.notWith": {
    en: "--profile writes the other program's own columns: it cannot be used with {flag}.",
    vi: "--profile ghi đúng các cột của phần mềm kia: không dùng chung được với {flag}.",
  },
  "sources.export.notWithHint": {
    en: "Leave out {flag}, or export without --profile.",
    vi: "Hãy bỏ {flag}, hoặc xuất mà không dùng --profile.",
  },
  "sources.export.flagWithoutMisa": {
    en: "--misa-org-flag is for --profile misa only.",
    vi: "--misa-org-flag chỉ dùng với --profile misa.",
  },
  "sources.help.profile": {
    en: "Write the import file of another program instead of ours: misa (MISA SME's customer template) or kiotviet",
    vi: "Ghi tệp nhập của phần mềm khác thay cho tệp của công cụ này: misa (tệp mẫu khách hàng của MISA SME) hoặc kiotviet",
  },
  "sources.help.misaOrgFlag": {
    en: "Which value of MISA's \"Là tổ chức/cá nhân\" means an organisation (0 or 1; not sure, so left blank unless given)",
    vi: "Giá trị nào của cột \"Là tổ chức/cá nhân\" trong MISA nghĩa là tổ chức (0 hoặc 1; chưa chắc chắn nên để trống nếu không khai báo)",
  },
  "sources.default.bad": {
    en: "--default {text}: write it as FIELD=VALUE, with a field this tool knows and a value that is not blank.",
    vi: "--default {text}: hãy viết dạng TRƯỜNG=GIÁ_TRỊ, với một trường mà công cụ này biết và giá trị không để trống.",
  },
  "sources.default.hint": {
    en: "For example --default type=company or --default \"Tỉnh/Thành phố=Hà Nội\"; a field is a template header or an API path.",
    vi: "Ví dụ --default type=company hoặc --default \"Tỉnh/Thành phố=Hà Nội\"; trường là tên cột của tệp mẫu hoặc đường dẫn API.",
  },
  "sources.help.default": {
    en: "FIELD=VALUE for a field a row leaves blank, in rows that create a customer (repeatable); never replaces a value on the server",
    vi: "TRƯỜNG=GIÁ_TRỊ cho trường mà dòng để trống, ở các dòng tạo mới khách hàng (dùng nhiều lần được); không bao giờ thay giá trị đang có trên máy chủ",
  },
  "sources.bankCodeFilled": {
    en: "{header} (bank_accounts.1.bank_code): filled in {code} from the bank table, the one bank named \"{name}\"",
    vi: "{header} (bank_accounts.1.bank_code): đã điền mã {code} từ bảng ngân hàng, là ngân hàng duy nhất có tên \"{name}\"",
  },
  "sources.companyOfPerson": {
    en: "{header}: \"{value}\" is not sent: the row is a personal customer, and Finan has no field for a person's company (it stays in the report)",
    vi: "{header}: \"{value}\" không được gửi lên: dòng này là khách hàng cá nhân, và Finan không có trường cho công ty của một cá nhân (giá trị vẫn nằm trong tệp kết quả)",
  },
  // The template's Instructions sheet: other programs' files and --default.
  "sources.instructions.otherSystems": {
    en: "Files exported by KiotViet and MISA (SME template, AMIS export) are recognised by their headers and read without --columns; abbreviations such as Mã KH, Tên KH, SĐT, MST and STK are known everywhere. --default FIELD=VALUE fills a blank field of a row that creates a customer, never a value on the server.",
    vi: "Tệp xuất từ KiotViet và MISA (mẫu của MISA SME, tệp xuất của MISA AMIS) được nhận ra theo tên cột và đọc được mà không cần --columns; các chữ viết tắt như Mã KH, Tên KH, SĐT, MST và STK đều được hiểu. --default TRƯỜNG=GIÁ_TRỊ điền trường để trống của dòng tạo khách hàng mới, không bao giờ thay giá trị trên máy chủ.",
  },
} as const satisfies Record<string, Translated>;
