// What `npm run demo` (scripts/demo.mjs) says around the commands it runs.
import type { Translated } from "../text.js";

export const demo = {
  "demo.sandbox": { en: "Sandbox (local emulator of the Finan Customers API) on {url}", vi: "Máy chủ thử nghiệm (giả lập Finan Customers API trên máy này) tại {url}" },
  "demo.validate": { en: "1. Validate the sample: no network", vi: "1. Kiểm tra tệp mẫu: không cần mạng" },
  "demo.import": { en: "2. Import it: every customer is created", vi: "2. Nhập tệp: mọi khách hàng đều được tạo mới" },
  "demo.reimport": { en: "3. Import it again: every customer is replaced, none duplicated", vi: "3. Nhập lại tệp đó: mọi khách hàng đều được thay thế, không tạo trùng" },
  "demo.holds": { en: "The sandbox holds {customers} customers, {codes} distinct codes.", vi: "Máy chủ thử nghiệm có {customers} khách hàng, {codes} mã khác nhau." },
  "demo.exportXlsx": {
    en: "4. Export to Excel (--mkdir creates the folder if it is missing; without it, a missing folder is an error)",
    vi: "4. Xuất ra Excel (--mkdir tạo thư mục nếu chưa có; không có cờ này, thư mục chưa có là lỗi)",
  },
  "demo.exportCsv": { en: "5. Export to CSV (UTF-8 with BOM, safe to open in Excel)", vi: "5. Xuất ra CSV (UTF-8 có BOM, mở bằng Excel vẫn đúng dấu)" },
  "demo.exit": { en: "(exit {code})", vi: "(mã thoát {code})" },
  "demo.where": { en: "Report of the import: {report}\nExports: {exports}", vi: "Tệp kết quả của lần nhập: {report}\nTệp xuất: {exports}" },
} as const satisfies Record<string, Translated>;
