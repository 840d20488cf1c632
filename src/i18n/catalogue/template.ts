// The XLSX template's Instructions sheet and names: English and Vietnamese side by side in every template.
import type { Translated } from "../text.js";

export const template = {
  "template.sheet.customers": { en: "Customers", vi: "Khách hàng" },
  "template.sheet.instructions": { en: "Instructions", vi: "Hướng dẫn" },
  "template.type.personal": { en: "personal", vi: "Cá nhân" },
  "template.type.company": { en: "company", vi: "Tổ chức" },
  "template.title": { en: "Customer import template: instructions", vi: "Tệp mẫu nhập khách hàng: hướng dẫn" },
  "template.rules": { en: "Rules", vi: "Quy tắc" },
  "template.heading.header": { en: "Column (English)", vi: "Cột (tiếng Việt)" },
  "template.heading.field": { en: "API field", vi: "Trường API" },
  "template.heading.required": { en: "Required", vi: "Bắt buộc" },
  "template.heading.help": { en: "What to enter", vi: "Cách điền" },
  "template.yes": { en: "yes", vi: "có" },

  "template.rule.oneRow": {
    en: "One row per customer, below the header row. Delete the two example rows (codes VD001 and VD002) before importing.",
    vi: "Mỗi dòng một khách hàng, bên dưới dòng tiêu đề. Xóa hai dòng ví dụ (mã VD001 và VD002) trước khi nhập.",
  },
  "template.rule.required": {
    en: "Required on every row: Customer code, Name, Type.",
    vi: "Bắt buộc ở mọi dòng: Mã khách hàng, Tên khách hàng, Loại khách hàng.",
  },
  "template.rule.companyContact": {
    en: "A company needs at least one contact person with a name (Contact 1 name).",
    vi: "Khách hàng là tổ chức cần ít nhất một người liên hệ có tên (Người liên hệ 1 - Tên).",
  },
  "template.rule.shapes": {
    en: "Phone numbers: one per cell, 6 to 15 digits. Emails: one address per cell.",
    vi: "Số điện thoại: mỗi ô một số, 6 đến 15 chữ số. Email: mỗi ô một địa chỉ.",
  },
  "template.rule.text": {
    en: "Every column is formatted as Text so Excel keeps leading zeros, +84 and long account numbers. Paste with Paste Special → Values, and do not change a column to Number or Date.",
    vi: "Mọi cột đã được định dạng Văn bản (Text) để Excel giữ số 0 ở đầu, +84 và số tài khoản dài. Khi dán, hãy dùng Dán đặc biệt → Giá trị (Paste Special → Values), và đừng đổi cột sang Số (Number) hay Ngày (Date).",
  },
  "template.rule.excel": {
    en: "Excel pitfalls: a number of 16 or more digits has already lost its last digits (the row is rejected: format the column as Text and retype); a phone typed as a number loses its 0 (it is added back, with a warning); a date in a text column (12/5 becomes a date) is rejected; #N/A and other formula errors are rejected.",
    vi: "Lỗi hay gặp do Excel: số từ 16 chữ số trở lên đã mất các chữ số cuối (dòng không hợp lệ: hãy định dạng cột thành Văn bản (Text) rồi gõ lại); số điện thoại gõ dạng số bị mất số 0 ở đầu (được thêm lại, kèm cảnh báo); ngày tháng trong cột văn bản (gõ 12/5 thành ngày) không hợp lệ; #N/A và các lỗi công thức khác không hợp lệ.",
  },
  "template.rule.groups": {
    en: "Contacts and bank accounts come in numbered groups. Two of each are here; for more, add columns with the next number: Contact 3 name, Contact 3 phone, Contact 3 email, Bank 3 code, Bank 3 account number, and so on (N = 3, 4, ...). A blank group is ignored.",
    vi: "Người liên hệ và tài khoản ngân hàng đi theo nhóm đánh số. Tệp mẫu có sẵn hai nhóm mỗi loại; cần thêm thì thêm cột với số tiếp theo: Người liên hệ 3 - Tên, Người liên hệ 3 - Số điện thoại, Người liên hệ 3 - Email, Ngân hàng 3 - Mã, Ngân hàng 3 - Số tài khoản, v.v. (N = 3, 4, ...). Nhóm để trống được bỏ qua.",
  },
  "template.rule.headers": {
    en: "Headers may be English or Vietnamese, in any order, and may sit below title rows (within the first 10 rows). A column with any other header is kept in the report but not sent.",
    vi: "Tên cột có thể bằng tiếng Anh hoặc tiếng Việt, theo thứ tự bất kỳ; dòng tiêu đề có thể nằm dưới vài dòng tên bảng (trong 10 dòng đầu). Cột có tên khác được giữ lại trong tệp kết quả nhưng không gửi đi.",
  },
  "template.rule.validate": {
    en: "Check first, without sending anything: finan-bulk validate customers.xlsx writes customers.check.xlsx with each problem highlighted and explained in a note. Fix the report itself, then import it: finan-bulk import customers.check.xlsx.",
    vi: "Kiểm tra trước, không gửi gì đi: finan-bulk validate customers.xlsx tạo tệp kết quả customers.check.xlsx, ô có lỗi được tô màu và giải thích trong ghi chú. Sửa ngay trên tệp kết quả rồi nhập chính tệp đó: finan-bulk import customers.check.xlsx.",
  },

  "template.column.customer_code": {
    en: "Your own unique code for the customer, e.g. KH001. Importing the same code again updates that customer instead of creating a second one; a code repeated within one file is rejected on its later rows.",
    vi: "Mã riêng của từng khách hàng, không trùng nhau, ví dụ KH001. Nhập lại cùng mã thì khách hàng đó được cập nhật chứ không tạo thêm khách hàng mới; mã lặp lại trong cùng một tệp thì các dòng sau không hợp lệ.",
  },
  "template.column.name": { en: "Full name of the person or of the company, with Vietnamese diacritics.", vi: "Họ tên cá nhân hoặc tên tổ chức, viết đủ dấu tiếng Việt." },
  "template.column.type": {
    en: "personal or company (cá nhân or công ty): pick from the dropdown. Also accepted: doanh nghiệp; case and diacritics do not matter.",
    vi: "Cá nhân hoặc Tổ chức: chọn trong danh sách. Cũng nhận: công ty, doanh nghiệp, personal, company; không phân biệt chữ hoa chữ thường, có dấu hay không dấu.",
  },
  "template.column.phone_code": { en: "Dialing code of the phone number, e.g. +84. May be blank.", vi: "Mã vùng quốc gia của số điện thoại, ví dụ +84. Có thể để trống." },
  "template.column.phone": {
    en: "One phone number, 6 to 15 digits; spaces and + - . ( ) are allowed. Keep the leading 0, e.g. 0933456789.",
    vi: "Một số điện thoại, 6 đến 15 chữ số; được dùng dấu cách và + - . ( ). Giữ số 0 ở đầu, ví dụ 0933456789.",
  },
  "template.column.email": { en: "One email address, e.g. ketoan@congty.vn.", vi: "Một địa chỉ email, ví dụ ketoan@congty.vn." },
  "template.column.tax_id": {
    en: "Tax code: 10 digits, or 0123456789-001 for a branch. Keep the leading 0.",
    vi: "Mã số thuế: 10 chữ số, hoặc dạng 0123456789-001 cho chi nhánh. Giữ số 0 ở đầu.",
  },
  "template.column.custom_tag": { en: "A free label, e.g. VIP.", vi: "Nhãn tự đặt, ví dụ VIP." },
  "template.column.country": { en: "Country, e.g. Việt Nam.", vi: "Quốc gia, ví dụ Việt Nam." },
  "template.column.province": { en: "Province or city, e.g. Hà Nội, TP. Hồ Chí Minh.", vi: "Tỉnh/thành phố, ví dụ Hà Nội, TP. Hồ Chí Minh." },
  "template.column.district": { en: "District, e.g. Quận 3, Huyện Củ Chi.", vi: "Quận/huyện, ví dụ Quận 3, Huyện Củ Chi." },
  "template.column.ward": { en: "Ward or commune, e.g. Phường Bến Nghé.", vi: "Phường/xã, ví dụ Phường Bến Nghé." },
  "template.column.address": { en: "House number and street, e.g. 45 Trần Quốc Thảo.", vi: "Số nhà, đường, ví dụ 45 Trần Quốc Thảo." },
  "template.column.zip_code": { en: "Postal code, e.g. 70000; kept as text.", vi: "Mã bưu chính, ví dụ 70000; giữ dạng Văn bản (Text)." },
  "template.column.contact.name": {
    en: "Contact person's full name. Required as soon as any other cell of this contact is filled.",
    vi: "Họ tên người liên hệ. Bắt buộc khi có bất kỳ ô nào khác của người liên hệ này được điền.",
  },
  "template.column.contact.phone_number": { en: "Contact person's phone number, same rules as Phone.", vi: "Số điện thoại của người liên hệ, quy tắc như cột Số điện thoại." },
  "template.column.contact.email": { en: "Contact person's email address.", vi: "Email của người liên hệ." },
  "template.column.bank.bank_code": {
    en: "The bank's code, e.g. 203 (Vietcombank), 202 (BIDV), 201 (VietinBank), 204 (Agribank). A filled bank account needs a code or a name.",
    vi: "Mã ngân hàng, ví dụ 203 (Vietcombank), 202 (BIDV), 201 (VietinBank), 204 (Agribank). Tài khoản ngân hàng đã điền cần có mã ngân hàng hoặc tên ngân hàng.",
  },
  "template.column.bank.bank_name": { en: "The bank's name, e.g. Vietcombank.", vi: "Tên ngân hàng, ví dụ Vietcombank." },
  "template.column.bank.account_holder_name": { en: "Account holder as the bank writes it, e.g. NGUYEN THI LAN.", vi: "Tên chủ tài khoản đúng như ngân hàng ghi, ví dụ NGUYEN THI LAN." },
  "template.column.bank.account_number": {
    en: "Account number, all digits kept (16 digits and leading zeros included). Required as soon as any other cell of this bank account is filled.",
    vi: "Số tài khoản, giữ đủ mọi chữ số (kể cả số dài 16 chữ số và số 0 ở đầu). Bắt buộc khi có bất kỳ ô nào khác của tài khoản ngân hàng này được điền.",
  },
} as const satisfies Record<string, Translated>;
