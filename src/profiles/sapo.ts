// Sapo Web's customer file: research/vietnam-data.md §5.4, only the start of the help page seen: UNSURE until a real export is.
import type { Profile } from "./types.js";

export const SAPO = {
  id: "sapo",
  name: "Sapo",
  certainty: "unsure",
  signature: ["First Name (Tên)", "Last Name (Họ)"],
  columns: [
    { header: "First Name (Tên)", target: "firstName" },
    { header: "Last Name (Họ)", target: "lastName" },
    { header: "Email", target: "general_info.email" },
    { header: "Company (Đơn vị)" },
    { header: "Address 1 (Địa chỉ mặc định 1)", target: "address.address" },
    { header: "City (Thành phố)", target: "address.province" },
    { header: "Country (Quốc gia)", target: "address.country" },
    // Sapo's "Mã quốc gia" is the ISO country code (GLOSSARY), not our phone code
    { header: "Country Code (Mã quốc gia)" },
    { header: "Phone (Số điện thoại)", target: "general_info.phone" },
  ],
} as const satisfies Profile;
