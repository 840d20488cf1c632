// samples/ shaped like other programs' customer files (issue #15): a KiotViet export with a Công ty row,
// a MISA SME import template, a MISA AMIS export. Headers as research/vietnam-data.md §5 gives them.
import { join } from "node:path";

const KIOTVIET = ["Loại khách", "Mã khách hàng", "Tên khách hàng", "Điện thoại", "Địa chỉ", "Khu vực giao hàng", "Phường/Xã", "Công ty", "Mã số thuế", "Số CMND/CCCD", "Ngày sinh", "Giới tính", "Email", "Facebook", "Nhóm khách hàng", "Ghi chú", "Ngày giao dịch cuối", "Điểm hiện tại", "Nợ cần thu hiện tại", "Tổng bán (Không import)", "Trạng thái"];
const KIOTVIET_ROWS = [
  ["Cá nhân", "KH000001", "Nguyễn Văn An", "0912345678", "12 Thụy Khuê", "Hà Nội - Quận Tây Hồ", "Phường Thụy Khuê", "", "", "001088012345", "15/03/1988", "Nam", "an.nguyen@gmail.com", "", "VIP|Khách quen", "Hay mua buổi sáng", "20/11/2024 10:15", "120", "0", "5400000", "1"],
  ["Công ty", "KH000002", "Trần Thị Bình", "0987654321", "45 Lê Lợi", "Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu", "Phường 1", "Công ty TNHH Hải Âu", "0100233488", "", "", "", "ketoan@haiau.vn", "", "Đại lý", "", "02/12/2024 16:40", "0", "12500000", "98000000", "1"],
  ["Cá nhân", "KH000003", "Lê Thị Cúc", "0903123456", "", "Hồ Chí Minh - Quận 1", "Phường Bến Nghé", "", "", "", "", "Nữ", "", "facebook.com/le.cuc", "", "", "", "", "0", "0", "1"],
];

const MISA_SME = ["Là tổ chức/cá nhân", "Là nhà cung cấp", "Mã khách hàng (*)", "Tên khách hàng (*)", "Địa chỉ", "Mã số thuế", "Điện thoại", "Điện thoại di động", "Fax", "Email", "Website", "Nhóm KH/NCC", "Số CMND", "Ngày cấp", "Nơi cấp", "Xưng hô", "Họ và tên NLH", "Chức danh NLH", "Địa chỉ người liên hệ", "ĐT di động NLH", "ĐT di động khác của NLH", "ĐT cố định NLH", "Email người liên hệ", "Số tài khoản", "Tên ngân hàng", "Chi nhánh", "Tỉnh/TP TK ngân hàng"];
const MISA_SME_ROWS = [
  ["0", "0", "KH0001", "Công ty CP Sao Mai", "25 Nguyễn Huệ, Quận 1, TP.HCM", "0314409058", "02838123456", "", "02838123457", "ketoan@saomai.vn", "saomai.vn", "Khách sỉ", "", "", "", "Anh", "Lê Văn Cường", "Kế toán trưởng", "", "0903123456", "", "", "cuong@saomai.vn", "0071001234567", "Vietcombank", "Chi nhánh Sài Gòn", "Hồ Chí Minh"],
  ["1", "0", "KH0002", "Phạm Thị Dung", "8 Trần Phú, Nha Trang", "", "0935111222", "0935111222", "", "dung.pham@yahoo.com", "", "", "079188001234", "10/05/2021", "Cục Cảnh sát QLHC về TTXH", "Chị", "", "", "", "", "", "", "", "", "", "", ""],
];

const MISA_AMIS = ["STT", "Mã khách hàng", "Tên khách hàng", "Địa chỉ", "Diễn giải", "Công nợ", "Nhóm KH, NCC", "Mã số thuế/CCCD chủ hộ", "Mã số ĐVQHNS", "Số hộ chiếu", "Điện thoại", "Website", "Số CMND", "Ngày cấp", "Nơi Cấp", "Điều khoản TT", "Số ngày được nợ", "Số nợ tối đa", "TK công nợ phải thu", "Nhân viên", "Tên nhân viên", "TK Ngân hàng", "Tên ngân hàng", "Chi nhánh TK ngân hàng", "Tỉnh/TP TK ngân hàng", "Quốc gia", "Tỉnh/TP", "Quận/Huyện", "Xã/Phường", "Xưng hô", "Người liên hệ", "ĐT di động NLH", "Email NLH", "Người đại diện PL", "Người nhận hóa đơn", "Điện thoại người nhận hóa đơn", "Email người nhận hóa đơn", "Địa điểm giao hàng", "Tổ chức/Cá nhân", "Là nhà cung cấp", "Là Đối tượng nội bộ", "Là Tổng công ty/chi nhánh", "Trạng thái", "Ngày tạo", "Người tạo", "Ngày sửa", "Người sửa", "Trường mở rộng 1", "Trường mở rộng 2", "Trường mở rộng 3", "Trường mở rộng 4", "Trường mở rộng 5"];
const amisRow = (values) => MISA_AMIS.map((header) => values[header] ?? "");
const MISA_AMIS_ROWS = [
  amisRow({ STT: "1", "Mã khách hàng": "KH0003", "Tên khách hàng": "Chi nhánh Công ty CP Sao Mai", "Địa chỉ": "25 Nguyễn Huệ", "Công nợ": "12500000", "Nhóm KH, NCC": "Khách sỉ", "Mã số thuế/CCCD chủ hộ": "0314409058-002", "Điện thoại": "02838123456", "Điều khoản TT": "30 ngày", "TK công nợ phải thu": "131", "TK Ngân hàng": "0071001234567", "Tên ngân hàng": "Vietcombank", "Chi nhánh TK ngân hàng": "Sài Gòn", "Quốc gia": "Việt Nam", "Tỉnh/TP": "Hồ Chí Minh", "Quận/Huyện": "Quận 1", "Xã/Phường": "Phường Bến Nghé", "Người liên hệ": "Lê Văn Cường", "ĐT di động NLH": "0903123456", "Email NLH": "cuong@saomai.vn", "Tổ chức/Cá nhân": "Tổ chức", "Là nhà cung cấp": "Không", "Trạng thái": "Đang sử dụng", "Ngày tạo": "02/01/2024" }),
  amisRow({ STT: "2", "Mã khách hàng": "KH0004", "Tên khách hàng": "Hoàng Văn Em", "Mã số thuế/CCCD chủ hộ": "001088012345", "Điện thoại": "0977888999", "Quốc gia": "Việt Nam", "Tỉnh/TP": "Đà Nẵng", "Tổ chức/Cá nhân": "Cá nhân", "Là nhà cung cấp": "Không", "Trạng thái": "Đang sử dụng", "Ngày tạo": "15/03/2024" }),
];

/** Writes the three files with `newWorkbook` and `textSheet` of make-samples.mjs (every cell text, as the programs write them). */
export async function writeSourceSamples(outDir, newWorkbook, textSheet) {
  const files = [
    ["kiotviet-khach-hang.xlsx", "CustomerTemplate", KIOTVIET, KIOTVIET_ROWS, undefined],
    ["misa-sme-khach-hang.xlsx", "Khách hàng", MISA_SME, MISA_SME_ROWS, undefined],
    // AMIS puts a title above its header
    ["misa-amis-khach-hang.xlsx", "Danh sách khách hàng", MISA_AMIS, MISA_AMIS_ROWS, "DANH SÁCH KHÁCH HÀNG"],
  ];
  for (const [name, sheetName, headers, rows, title] of files) {
    const workbook = newWorkbook();
    const sheet = title === undefined ? textSheet(workbook, sheetName, headers) : workbook.addWorksheet(sheetName);
    if (title !== undefined) {
      sheet.addRow([title]);
      sheet.addRow(headers).font = { bold: true };
    }
    for (const row of rows) sheet.addRow(row.map((value) => (value === "" ? null : value)));
    await workbook.xlsx.writeFile(join(outDir, name));
  }
}
