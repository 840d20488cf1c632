// KiotViet's customer file (MauFileKhachHang.xlsx, sheet CustomerTemplate): research/vietnam-data.md §5.3, SECONDARY.
import type { Profile } from "./types.js";

export const KIOTVIET = {
  id: "kiotviet",
  name: "KiotViet",
  certainty: "secondary",
  signature: ["Loại khách", "Mã khách hàng", "Tên khách hàng"],
  columns: [
    { header: "Loại khách", target: "general_info.type", values: { "Cá nhân": "personal", "Công ty": "company" } },
    { header: "Mã khách hàng", target: "general_info.customer_code" },
    { header: "Tên khách hàng", target: "general_info.name" },
    { header: "Điện thoại", target: "general_info.phone" },
    { header: "Địa chỉ", target: "address.address" },
    { header: "Khu vực giao hàng", aliases: ["Khu vực"], target: "area" },
    { header: "Phường/Xã", target: "address.ward" },
    { header: "Công ty", target: "company" },
    { header: "Mã số thuế", target: "general_info.tax_id" },
    { header: "Số CMND/CCCD" },
    { header: "Ngày sinh" },
    { header: "Giới tính" },
    { header: "Email", target: "general_info.email" },
    { header: "Facebook" },
    { header: "Nhóm khách hàng", target: "tags" },
    { header: "Ghi chú" },
    { header: "Ngày giao dịch cuối" },
    { header: "Điểm hiện tại" },
    { header: "Nợ cần thu hiện tại" },
    { header: "Tổng bán (Không import)" },
    { header: "Trạng thái" },
  ],
} as const satisfies Profile;
