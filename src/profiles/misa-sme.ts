// MISA SME's "Danh mục khách hàng" import template: research/vietnam-data.md §5.1, SECONDARY (MISA's own file not seen).
import type { Profile } from "./types.js";

export const MISA_SME = {
  id: "misa-sme",
  name: "MISA SME",
  certainty: "secondary",
  signature: ["Là tổ chức/cá nhân", "Mã khách hàng (*)", "Tên khách hàng (*)"],
  columns: [
    // 0/1, and which one means an organisation was seen in one exporter only: mapped by the user, never guessed
    { header: "Là tổ chức/cá nhân", unsure: true },
    { header: "Là nhà cung cấp" },
    { header: "Mã khách hàng (*)", target: "general_info.customer_code" },
    { header: "Tên khách hàng (*)", target: "general_info.name" },
    { header: "Địa chỉ", target: "address.address" },
    { header: "Mã số thuế", target: "general_info.tax_id" },
    { header: "Điện thoại", target: "general_info.phone" },
    { header: "Điện thoại di động" },
    { header: "Fax" },
    { header: "Email", target: "general_info.email" },
    { header: "Website" },
    { header: "Nhóm KH/NCC", target: "general_info.custom_tag" },
    { header: "Số CMND", aliases: ["Số CCCD"] },
    { header: "Ngày cấp" },
    { header: "Nơi cấp" },
    { header: "Xưng hô" },
    { header: "Họ và tên NLH", target: "contact_persons.1.name" },
    { header: "Chức danh NLH" },
    { header: "Địa chỉ người liên hệ" },
    { header: "ĐT di động NLH", target: "contact_persons.1.phone_number" },
    { header: "ĐT di động khác của NLH" },
    { header: "ĐT cố định NLH" },
    { header: "Email người liên hệ", target: "contact_persons.1.email" },
    { header: "Số tài khoản", target: "bank_accounts.1.account_number" },
    { header: "Tên ngân hàng", target: "bank_accounts.1.bank_name" },
    { header: "Chi nhánh" },
    { header: "Tỉnh/TP TK ngân hàng" },
  ],
} as const satisfies Profile;
