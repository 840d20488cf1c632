// The Instructions sheet of the XLSX template: every column and every rule, in English and Vietnamese.
import { headerFor, parseFieldKey } from "./columns.js";
import type { FieldKey } from "./columns.js";

type Text = readonly [en: string, vi: string];

const REQUIRED = new Set<string>(["general_info.customer_code", "general_info.name", "general_info.type"]);

/** What goes in each column, by field (contact and bank fields by attribute, for any group N). */
const COLUMN_HELP: Record<string, Text> = {
  customer_code: [
    "Your own unique code for the customer, e.g. KH001. Importing the same code again updates that customer instead of creating a second one; a code repeated within one file is rejected on its later rows.",
    "Mã riêng, không trùng, của khách hàng, ví dụ KH001. Nhập lại cùng mã sẽ cập nhật khách hàng đó chứ không tạo thêm; mã lặp lại trong cùng một tệp bị từ chối ở các dòng sau.",
  ],
  name: ["Full name of the person or of the company, with Vietnamese diacritics.", "Họ tên cá nhân hoặc tên công ty, viết đủ dấu tiếng Việt."],
  type: [
    "personal or company (cá nhân or công ty): pick from the dropdown. Also accepted: doanh nghiệp; case and diacritics do not matter.",
    "Cá nhân (personal) hoặc Công ty (company): chọn trong danh sách. Cũng nhận: doanh nghiệp; không phân biệt hoa thường, có dấu hay không dấu.",
  ],
  phone_code: ["Dialing code of the phone number, e.g. +84. May be blank.", "Mã quốc gia của số điện thoại, ví dụ +84. Có thể để trống."],
  phone: [
    "One phone number, 6 to 15 digits; spaces and + - . ( ) are allowed. Keep the leading 0, e.g. 0933456789.",
    "Một số điện thoại, 6 đến 15 chữ số; được dùng dấu cách và + - . ( ). Giữ số 0 ở đầu, ví dụ 0933456789.",
  ],
  email: ["One email address, e.g. ketoan@congty.vn.", "Một địa chỉ email, ví dụ ketoan@congty.vn."],
  tax_id: [
    "Tax code: 10 digits, or 0123456789-001 for a branch. Keep the leading 0.",
    "Mã số thuế: 10 chữ số, hoặc dạng 0123456789-001 cho chi nhánh. Giữ số 0 ở đầu.",
  ],
  custom_tag: ["A free label, e.g. VIP.", "Nhãn tự do, ví dụ VIP."],
  country: ["Country, e.g. Việt Nam.", "Quốc gia, ví dụ Việt Nam."],
  province: ["Province or city, e.g. Hà Nội, TP. Hồ Chí Minh.", "Tỉnh/thành phố, ví dụ Hà Nội, TP. Hồ Chí Minh."],
  district: ["District, e.g. Quận 3, Huyện Củ Chi.", "Quận/huyện, ví dụ Quận 3, Huyện Củ Chi."],
  ward: ["Ward or commune, e.g. Phường Bến Nghé.", "Phường/xã, ví dụ Phường Bến Nghé."],
  address: ["House number and street, e.g. 45 Trần Quốc Thảo.", "Số nhà và tên đường, ví dụ 45 Trần Quốc Thảo."],
  zip_code: ["Postal code, e.g. 70000; kept as text.", "Mã bưu chính, ví dụ 70000; giữ dạng văn bản."],
  "contact.name": [
    "Contact person's full name. Required as soon as any other cell of this contact is filled.",
    "Họ tên người liên hệ. Bắt buộc khi có bất kỳ ô nào khác của người liên hệ này được điền.",
  ],
  "contact.phone_number": ["Contact person's phone number, same rules as Phone.", "Số điện thoại người liên hệ, quy tắc như cột Số điện thoại."],
  "contact.email": ["Contact person's email address.", "Email của người liên hệ."],
  "bank.bank_code": [
    "The bank's code, e.g. 203 (Vietcombank), 202 (BIDV), 201 (VietinBank), 204 (Agribank). A filled bank account needs a code or a name.",
    "Mã ngân hàng, ví dụ 203 (Vietcombank), 202 (BIDV), 201 (VietinBank), 204 (Agribank). Tài khoản đã điền cần có mã hoặc tên ngân hàng.",
  ],
  "bank.bank_name": ["The bank's name, e.g. Vietcombank.", "Tên ngân hàng, ví dụ Vietcombank."],
  "bank.account_holder_name": ["Account holder as the bank writes it, e.g. NGUYEN THI LAN.", "Tên chủ tài khoản như ngân hàng ghi, ví dụ NGUYEN THI LAN."],
  "bank.account_number": [
    "Account number, all digits kept (16 digits and leading zeros included). Required as soon as any other cell of this bank account is filled.",
    "Số tài khoản, giữ đủ mọi chữ số (kể cả 16 chữ số và số 0 ở đầu). Bắt buộc khi có bất kỳ ô nào khác của tài khoản này được điền.",
  ],
};

const RULES: Text[] = [
  [
    "One row per customer, below the header row. Delete the two example rows (codes VD001 and VD002) before importing.",
    "Mỗi dòng một khách hàng, bên dưới dòng tiêu đề. Xóa hai dòng ví dụ (mã VD001 và VD002) trước khi nhập.",
  ],
  ["Required on every row: Customer code, Name, Type.", "Bắt buộc ở mọi dòng: Mã khách hàng, Tên khách hàng, Loại khách hàng."],
  [
    "A company needs at least one contact person with a name (Contact 1 name).",
    "Khách hàng là công ty cần ít nhất một người liên hệ có tên (Người liên hệ 1 - Tên).",
  ],
  [
    "Phone numbers: one per cell, 6 to 15 digits. Emails: one address per cell.",
    "Số điện thoại: mỗi ô một số, 6 đến 15 chữ số. Email: mỗi ô một địa chỉ.",
  ],
  [
    "Every column is formatted as Text so Excel keeps leading zeros, +84 and long account numbers. Paste with Paste Special → Values, and do not change a column to Number or Date.",
    "Mọi cột đã định dạng Văn bản (Text) để Excel giữ số 0 ở đầu, +84 và số tài khoản dài. Khi dán, dùng Dán đặc biệt → Giá trị, và đừng đổi cột sang Số hay Ngày.",
  ],
  [
    "Excel pitfalls: a number of 16 or more digits has already lost its last digits (the row is rejected: format the column as Text and retype); a phone typed as a number loses its 0 (it is added back, with a warning); a date in a text column (12/5 becomes a date) is rejected; #N/A and other formula errors are rejected.",
    "Lỗi thường gặp của Excel: số từ 16 chữ số trở lên đã mất các chữ số cuối (dòng bị từ chối: định dạng cột là Text rồi gõ lại); số điện thoại gõ dạng số mất số 0 ở đầu (được thêm lại, kèm cảnh báo); ngày tháng trong cột văn bản (12/5 thành ngày) bị từ chối; #N/A và lỗi công thức khác bị từ chối.",
  ],
  [
    "Contacts and bank accounts come in numbered groups. Two of each are here; for more, add columns with the next number: Contact 3 name, Contact 3 phone, Contact 3 email, Bank 3 code, Bank 3 account number, and so on (N = 3, 4, ...). A blank group is ignored.",
    "Người liên hệ và tài khoản ngân hàng theo nhóm đánh số. Mẫu có sẵn hai nhóm mỗi loại; cần thêm thì thêm cột với số tiếp theo: Người liên hệ 3 - Tên, Người liên hệ 3 - Số điện thoại, Ngân hàng 3 - Mã, Ngân hàng 3 - Số tài khoản, v.v. (N = 3, 4, ...). Nhóm để trống được bỏ qua.",
  ],
  [
    "Headers may be English or Vietnamese, in any order, and may sit below title rows (within the first 10 rows). A column with any other header is kept in the report but not sent.",
    "Tiêu đề cột có thể bằng tiếng Anh hoặc tiếng Việt, theo thứ tự bất kỳ, và có thể nằm dưới các dòng tiêu đề chung (trong 10 dòng đầu). Cột có tiêu đề khác được giữ trong báo cáo nhưng không gửi đi.",
  ],
  [
    "Check first, without sending anything: finan-bulk validate customers.xlsx writes customers.report.xlsx with each problem highlighted and explained in a note. Fix the report itself, then import it: finan-bulk import customers.report.xlsx.",
    "Kiểm tra trước, không gửi gì: finan-bulk validate customers.xlsx tạo customers.report.xlsx, mỗi lỗi được tô màu và giải thích trong ghi chú. Sửa ngay trên báo cáo rồi nhập chính tệp đó: finan-bulk import customers.report.xlsx.",
  ],
];

/** Rows of the Instructions sheet for the template's columns: rules first, then one line per column. */
export function instructionRows(fields: FieldKey[]): string[][] {
  const rows: string[][] = [
    ["Customer import template: instructions", "Mẫu nhập khách hàng: hướng dẫn"],
    [],
    ["Rules", "Quy tắc"],
    ...RULES.map(([en, vi]) => [en, vi]),
    [],
    ["Column (English)", "Cột (tiếng Việt)", "API field", "Required / Bắt buộc", "What to enter", "Cách điền"],
  ];
  for (const field of fields) {
    const [en, vi] = helpFor(field);
    const required = REQUIRED.has(field) ? "yes / có" : "";
    rows.push([headerFor(field, "en"), headerFor(field, "vi"), field, required, en, vi]);
  }
  return rows;
}

function helpFor(field: FieldKey): Text {
  const ref = parseFieldKey(field);
  const key = ref === undefined ? field : ref.group === "contact_persons" ? `contact.${ref.attr}` : ref.group === "bank_accounts" ? `bank.${ref.attr}` : ref.attr;
  const help = COLUMN_HELP[key];
  if (help === undefined) throw new Error(`no instructions for ${field}`);
  return help;
}
