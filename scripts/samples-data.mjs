// The 30 sample customers of samples/ (all valid), shared by make-samples.mjs. Fictional people and firms.

/** Template order (SPEC.md "Columns"), two contact and two bank groups: [field, English, Vietnamese]. */
export const COLUMNS = [
  ["general_info.customer_code", "Customer code", "Mã khách hàng"],
  ["general_info.name", "Name", "Tên khách hàng"],
  ["general_info.type", "Type", "Loại khách hàng"],
  ["general_info.phone_code", "Phone code", "Mã quốc gia"],
  ["general_info.phone", "Phone", "Số điện thoại"],
  ["general_info.email", "Email", "Email"],
  ["general_info.tax_id", "Tax ID", "Mã số thuế"],
  ["general_info.custom_tag", "Tag", "Nhãn"],
  ["address.country", "Country", "Quốc gia"],
  ["address.province", "Province", "Tỉnh/Thành phố"],
  ["address.district", "District", "Quận/Huyện"],
  ["address.ward", "Ward", "Phường/Xã"],
  ["address.address", "Street address", "Địa chỉ"],
  ["address.zip_code", "Zip code", "Mã bưu chính"],
  ...[1, 2].flatMap((n) => [
    [`contact_persons.${n}.name`, `Contact ${n} name`, `Người liên hệ ${n} - Tên`],
    [`contact_persons.${n}.phone_number`, `Contact ${n} phone`, `Người liên hệ ${n} - Số điện thoại`],
    [`contact_persons.${n}.email`, `Contact ${n} email`, `Người liên hệ ${n} - Email`],
  ]),
  ...[1, 2].flatMap((n) => [
    [`bank_accounts.${n}.bank_code`, `Bank ${n} code`, `Ngân hàng ${n} - Mã`],
    [`bank_accounts.${n}.bank_name`, `Bank ${n} name`, `Ngân hàng ${n} - Tên`],
    [`bank_accounts.${n}.account_holder_name`, `Bank ${n} account holder`, `Ngân hàng ${n} - Chủ tài khoản`],
    [`bank_accounts.${n}.account_number`, `Bank ${n} account number`, `Ngân hàng ${n} - Số tài khoản`],
  ]),
];

// Short keys keep the table readable: g = general_info, a = address, c1/c2 = contacts, b1/b2 = banks.
const person = (code, name, phone, email, province, district, ward, address, zip, extra = {}) => ({
  code, name, type: "personal", phoneCode: "+84", phone, email, province, district, ward, address, zip, ...extra,
});
const company = (code, name, phone, email, taxId, province, district, ward, address, zip, c1, extra = {}) => ({
  code, name, type: "company", phoneCode: "+84", phone, email, taxId, province, district, ward, address, zip, c1, ...extra,
});

export const CUSTOMERS = [
  person("KH001", "Nguyễn Thị Lan", "0933456789", "lan.nguyen@gmail.com", "TP. Hồ Chí Minh", "Quận 3", "Phường Võ Thị Sáu", "45 Trần Quốc Thảo", "70000", { tag: "Khách lẻ", b1: ["203", "Vietcombank", "NGUYEN THI LAN", "0071001234567"] }),
  person("KH002", "Trần Văn Hùng", "0912345678", "hung.tran@yahoo.com", "Hà Nội", "Quận Đống Đa", "Phường Láng Hạ", "Số 12 ngõ 34 Láng Hạ", "10000", { taxId: "8012345677", tag: "VIP", b1: ["202", "BIDV", "TRAN VAN HUNG", "12010000123456"] }),
  person("KH003", "Lê Hoàng Minh Châu", "+84 905 112 233", "chau.le@outlook.com", "Đà Nẵng", "Quận Hải Châu", "Phường Thạch Thang", "78 Bạch Đằng", "50000", { phoneCode: "" }),
  person("KH004", "Phạm Đức Anh", "0987654321", "ducanh.pham@gmail.com", "Hải Phòng", "Quận Lê Chân", "Phường An Biên", "23 Tô Hiệu", "04000", { tag: "Khách sỉ", b1: ["204", "Agribank", "PHAM DUC ANH", "2100205123456"] }),
  person("KH005", "Võ Thị Thu Hà", "0376543210", "thuha.vo@gmail.com", "Cần Thơ", "Quận Ninh Kiều", "Phường Tân An", "56 Hai Bà Trưng", "94000"),
  person("KH006", "Huỳnh Ngọc Bảo Trâm", "0868123456", "", "Khánh Hòa", "Thành phố Nha Trang", "Phường Lộc Thọ", "15 Trần Phú", "57000", { b1: ["310", "Techcombank", "HUYNH NGOC BAO TRAM", "19031234567012"] }),
  person("KH007", "Đặng Quốc Việt", "0394567812", "viet.dang@fpt.vn", "Huế", "Thành phố Huế", "Phường Vĩnh Ninh", "9 Lê Lợi", "49000", { taxId: "3301234568" }),
  person("KH008", "Bùi Thị Mỹ Duyên", "0778899001", "duyen.bui@gmail.com", "TP. Hồ Chí Minh", "Thành phố Thủ Dầu Một", "Phường Phú Cường", "102 Đại lộ Bình Dương", "75000", { b1: ["311", "MB", "BUI THI MY DUYEN", "0801000123456789"] }),
  person("KH009", "Ngô Thanh Tùng", "0909112233", "tung.ngo@gmail.com", "Đồng Nai", "Thành phố Biên Hòa", "Phường Tân Phong", "34 Đồng Khởi", "76000"),
  person("KH010", "Đỗ Minh Khôi", "0345678901", "", "Quảng Ninh", "Thành phố Hạ Long", "Phường Bãi Cháy", "7 đường Hạ Long", "01000", { tag: "VIP" }),
  person("KH011", "Hồ Thị Ngọc Ánh", "0962233445", "anh.ho@icloud.com", "Nghệ An", "Thành phố Vinh", "Phường Hưng Bình", "88 Lê Duẩn", "43000", { b1: ["201", "VietinBank", "HO THI NGOC ANH", "101234567890"] }),
  person("KH012", "Dương Văn Phúc", "0823456789", "", "Lâm Đồng", "Thành phố Đà Lạt", "Phường 1", "3 Hòa Bình", "66000"),
  person("KH013", "Lý Gia Hân", "0918765432", "giahan.ly@gmail.com", "TP. Hồ Chí Minh", "Quận 5", "Phường 11", "210 Hải Thượng Lãn Ông", "70000"),
  person("KH014", "Trịnh Quang Huy", "0356789012", "", "Thanh Hóa", "Thành phố Thanh Hóa", "Phường Điện Biên", "41 Lê Hoàn", "40000"),
  person("KH015", "Mai Phương Thảo", "0931234567", "thao.mai@gmail.com", "Thành phố Hồ Chí Minh", "Thành phố Vũng Tàu", "Phường Thắng Tam", "12 Thùy Vân", "78000", { b1: ["307", "ACB", "MAI PHUONG THAO", "23456789"] }),
  person("KH016", "Cao Xuân Trường", "024 3826 1234", "truong.cao@hanoi.edu.vn", "Hà Nội", "Quận Hoàn Kiếm", "Phường Hàng Bạc", "27 Hàng Bạc", "10000"),
  person("KH017", "Tô Thị Hồng Nhung", "0706543219", "nhung.to@gmail.com", "An Giang", "Thành phố Long Xuyên", "Phường Mỹ Long", "19 Nguyễn Huệ", "90000"),
  person("KH018", "Lâm Chí Thiện", "0898765123", "", "An Giang", "Thành phố Phú Quốc", "Phường Dương Đông", "5 Trần Hưng Đạo", "91000", { b1: ["203", "Vietcombank", "LAM CHI THIEN", "1012345678"], b2: ["309", "VPBank", "LAM CHI THIEN", "123456789"] }),
  company("KH019", "Công ty TNHH Thương mại Dịch vụ Sao Việt", "028 3822 1234", "ketoan@saoviet.com.vn", "0312345673", "TP. Hồ Chí Minh", "Quận 1", "Phường Bến Nghé", "Tầng 5, 27 Lê Lợi", "70000", ["Nguyễn Văn Bình", "0903456789", "binh.nguyen@saoviet.com.vn"], { tag: "Đại lý", c2: ["Lê Thị Hoa", "0907654321", "hoa.le@saoviet.com.vn"], b1: ["203", "Vietcombank", "CONG TY TNHH TMDV SAO VIET", "0071000987654"], b2: ["202", "BIDV", "CONG TY TNHH TMDV SAO VIET", "31410001234567"] }),
  company("KH020", "Công ty Cổ phần Xây dựng Hồng Hà Phát", "024 3791 5678", "info@honghaphat.vn", "0101234565", "Hà Nội", "Quận Cầu Giấy", "Phường Dịch Vọng Hậu", "Số 8 Trần Thái Tông", "10000", ["Phạm Minh Tuấn", "0913579246", "tuan.pham@honghaphat.vn"], { b1: ["201", "VietinBank", "CONG TY CP XAY DUNG HONG HA PHAT", "113000123456"] }),
  company("KH021", "Công ty TNHH Thủy sản Miền Tây", "0292 3841 234", "lienhe@thuysanmientay.vn", "1801234562", "Cần Thơ", "Quận Bình Thủy", "Phường Trà Nóc", "Lô 12 KCN Trà Nóc 1", "94000", ["Trần Thị Kim Yến", "0939123456", "yen.tran@thuysanmientay.vn"], { tag: "Xuất khẩu" }),
  company("KH022", "Doanh nghiệp tư nhân Phú Thịnh", "0918222333", "phuthinh.dntn@gmail.com", "3601234569", "Đồng Nai", "Huyện Trảng Bom", "Xã Bắc Sơn", "Ấp 3, Quốc lộ 1A", "76000", ["Võ Văn Thịnh", "0918222333", ""]),
  company("KH023", "Công ty Cổ phần Du lịch Biển Xanh Nha Trang", "0258 3521 999", "booking@bienxanhnt.vn", "4201234566", "Khánh Hòa", "Thành phố Nha Trang", "Phường Vĩnh Nguyên", "96 Trần Phú", "57000", ["Nguyễn Hoàng Long", "0905888777", "long.nguyen@bienxanhnt.vn"], { c2: ["Phan Thị Quỳnh", "0905666555", "quynh.phan@bienxanhnt.vn"], b1: ["203", "Vietcombank", "CONG TY CP DU LICH BIEN XANH NHA TRANG", "0061000123456"] }),
  company("KH024", "Công ty TNHH Cơ khí Chính xác Đông Á", "0222 3699 888", "sales@cokhidonga.com.vn", "2301234566", "Bắc Ninh", "Huyện Yên Phong", "Xã Long Châu", "Lô C5, KCN Yên Phong", "16000", ["Hoàng Văn Nam", "0986111222", "nam.hoang@cokhidonga.com.vn"], { b1: ["310", "Techcombank", "CONG TY TNHH CO KHI CHINH XAC DONG A", "19132456789018"] }),
  company("KH025", "Hợp tác xã Nông nghiệp Đà Lạt Xanh", "0263 3822 456", "htx.dalatxanh@gmail.com", "5801234577", "Lâm Đồng", "Thành phố Đà Lạt", "Phường 8", "25 Mai Anh Đào", "66000", ["Lê Thị Thanh Tâm", "0977345678", ""], { tag: "Nông sản" }),
  company("KH026", "Công ty TNHH Phần mềm Sông Hàn", "0236 3888 123", "contact@songhansoft.vn", "0401234566", "Đà Nẵng", "Quận Sơn Trà", "Phường An Hải Bắc", "Tầng 9, 2 Võ Văn Kiệt", "50000", ["Phan Thanh Sơn", "0935246810", "son.phan@songhansoft.vn"], { b1: ["311", "MB", "CONG TY TNHH PHAN MEM SONG HAN", "0451000123456789"] }),
  company("KH027", "Công ty Cổ phần Dược phẩm Hà Thành", "024 3562 7788", "duocphamhathanh@gmail.com", "0107654326-001", "Hà Nội", "Quận Hai Bà Trưng", "Phường Bạch Mai", "156 Bạch Mai", "10000", ["Đinh Thị Mai", "0904123789", "mai.dinh@hathanhpharma.vn"], { tag: "Chi nhánh" }),
  company("KH028", "Công ty TNHH Vận tải Hải Âu", "0225 3745 111", "haiau.logistics@gmail.com", "0201234569", "Hải Phòng", "Quận Hải An", "Phường Đông Hải 1", "Số 3 đường Đình Vũ", "04000", ["Vũ Đình Khang", "0983456012", "khang.vu@haiau.vn"], { b1: ["202", "BIDV", "CONG TY TNHH VAN TAI HAI AU", "32110000987654"] }),
  company("KH029", "Công ty TNHH May mặc Thành Công Bình Dương", "0274 3666 222", "info@maythanhcongbd.vn", "3701234562", "TP. Hồ Chí Minh", "Thành phố Thuận An", "Phường Lái Thiêu", "45 Nguyễn Trãi", "75000", ["Lương Thị Bích Ngọc", "0916789345", "ngoc.luong@maythanhcongbd.vn"], { c2: ["Quách Văn Đạt", "0916789346", ""] }),
  company("KH030", "Công ty Cổ phần Thực phẩm Sạch Huế", "0234 3822 567", "thucphamsachhue@gmail.com", "3301098763", "Huế", "Thành phố Huế", "Phường Phú Hội", "20 Nguyễn Công Trứ", "49000", ["Tôn Nữ Minh Thư", "0914567123", "thu.ton@thucphamsachhue.vn"], { b1: ["204", "Agribank", "CONG TY CP THUC PHAM SACH HUE", "4000201012345"] }),
];

/** A customer as cells in COLUMNS order ("" = blank). */
export function customerRow(customer, typeLabel = (type) => type) {
  const group = (values, size) => Array.from({ length: size }, (_, i) => values?.[i] ?? "");
  return [
    customer.code, customer.name, typeLabel(customer.type), customer.phoneCode, customer.phone, customer.email ?? "",
    customer.taxId ?? "", customer.tag ?? "", "Việt Nam", customer.province, customer.district, customer.ward,
    customer.address, customer.zip,
    ...group(customer.c1, 3), ...group(customer.c2, 3), ...group(customer.b1, 4), ...group(customer.b2, 4),
  ].map((value) => value.normalize("NFC"));
}
