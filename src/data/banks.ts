// Vietnamese banks: the State Bank's 3-digit code (the key Finan's own code uses), NAPAS BIN, VietQR code, names.
// Sources (research/vietnam-data.md §4, read 2026-12): Finan's fo-utils `banking.go` (Oct 2024; SBV code ↔ VietQR code ↔ BIN),
// cross-checked with vietnam-qr-pay 1.5.1 (MIT; BINs, tickers, the 2024–2026 renames) and the "banksnapas" SBV code list.

export const BANKS_VERSION = "2026-12-06";

export interface Bank {
  /** SBV 3-digit system code, e.g. "203" */
  code: string;
  /** NAPAS BIN (VietQR acquirer id) */
  bin: string;
  /** api.vietqr.io short code, e.g. "VCB", "ICB" */
  vietqr: string;
  /** the usual short name, today's */
  shortName: string;
  nameVi: string;
  /** stock tickers and other short codes people type (CTG, BID, MBB, ...) */
  tickers?: readonly string[];
  /** former names and everyday spellings */
  aliases?: readonly string[];
}

export const BANKS: readonly Bank[] = [
  { code: "201", bin: "970415", vietqr: "ICB", shortName: "VietinBank", nameVi: "Ngân hàng TMCP Công thương Việt Nam", tickers: ["CTG"], aliases: ["Công thương", "Vietin"] },
  { code: "202", bin: "970418", vietqr: "BIDV", shortName: "BIDV", nameVi: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", tickers: ["BID"], aliases: ["Đầu tư và Phát triển"] },
  { code: "203", bin: "970436", vietqr: "VCB", shortName: "Vietcombank", nameVi: "Ngân hàng TMCP Ngoại thương Việt Nam", aliases: ["Ngoại thương"] },
  { code: "204", bin: "970405", vietqr: "VBA", shortName: "Agribank", nameVi: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", tickers: ["AGRIBANK", "AGR"], aliases: ["Nông nghiệp"] },
  { code: "302", bin: "970426", vietqr: "MSB", shortName: "MSB", nameVi: "Ngân hàng TMCP Hàng Hải", aliases: ["Maritime Bank", "Hàng Hải"] },
  { code: "303", bin: "970403", vietqr: "STB", shortName: "Sacombank", nameVi: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { code: "304", bin: "970406", vietqr: "DOB", shortName: "Vikki Bank", nameVi: "Ngân hàng TNHH MTV Số Vikki", aliases: ["DongA Bank", "Đông Á", "Ngân hàng TMCP Đông Á", "Vikki"] },
  { code: "305", bin: "970431", vietqr: "EIB", shortName: "Eximbank", nameVi: "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam" },
  { code: "306", bin: "970428", vietqr: "NAB", shortName: "Nam A Bank", nameVi: "Ngân hàng TMCP Nam Á", aliases: ["Nam Á"] },
  { code: "307", bin: "970416", vietqr: "ACB", shortName: "ACB", nameVi: "Ngân hàng TMCP Á Châu", aliases: ["Á Châu"] },
  { code: "308", bin: "970400", vietqr: "SGICB", shortName: "Saigonbank", nameVi: "Ngân hàng TMCP Sài Gòn Công Thương", tickers: ["SGB"] },
  { code: "309", bin: "970432", vietqr: "VPB", shortName: "VPBank", nameVi: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { code: "310", bin: "970407", vietqr: "TCB", shortName: "Techcombank", nameVi: "Ngân hàng TMCP Kỹ thương Việt Nam", aliases: ["Kỹ thương"] },
  { code: "311", bin: "970422", vietqr: "MB", shortName: "MB Bank", nameVi: "Ngân hàng TMCP Quân đội", tickers: ["MBB"], aliases: ["Quân đội"] },
  { code: "313", bin: "970409", vietqr: "BAB", shortName: "Bac A Bank", nameVi: "Ngân hàng TMCP Bắc Á", aliases: ["Bắc Á"] },
  { code: "314", bin: "970441", vietqr: "VIB", shortName: "VIB", nameVi: "Ngân hàng TMCP Quốc tế Việt Nam", aliases: ["Quốc tế"] },
  { code: "317", bin: "970440", vietqr: "SEAB", shortName: "SeABank", nameVi: "Ngân hàng TMCP Đông Nam Á", tickers: ["SSB"], aliases: ["Đông Nam Á"] },
  { code: "319", bin: "970414", vietqr: "Oceanbank", shortName: "MBV", nameVi: "Ngân hàng TNHH MTV Việt Nam Hiện Đại", aliases: ["OceanBank", "Đại Dương", "Ngân hàng Thương mại TNHH MTV Đại Dương"] },
  { code: "320", bin: "970408", vietqr: "GPB", shortName: "GPBank", nameVi: "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu" },
  { code: "321", bin: "970437", vietqr: "HDB", shortName: "HDBank", nameVi: "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh" },
  { code: "323", bin: "970425", vietqr: "ABB", shortName: "ABBANK", nameVi: "Ngân hàng TMCP An Bình", aliases: ["An Bình"] },
  { code: "327", bin: "970454", vietqr: "VCCB", shortName: "BVBank", nameVi: "Ngân hàng TMCP Bản Việt", tickers: ["BVB"], aliases: ["Viet Capital Bank", "VietCapitalBank", "Bản Việt"] },
  { code: "333", bin: "970448", vietqr: "OCB", shortName: "OCB", nameVi: "Ngân hàng TMCP Phương Đông", aliases: ["Phương Đông"] },
  { code: "334", bin: "970429", vietqr: "SCB", shortName: "SCB", nameVi: "Ngân hàng TMCP Sài Gòn" },
  { code: "339", bin: "970444", vietqr: "CBB", shortName: "CBBank", nameVi: "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam", aliases: ["Xây dựng"] },
  { code: "341", bin: "970430", vietqr: "PGB", shortName: "PGBank", nameVi: "Ngân hàng TMCP Xăng dầu Petrolimex" },
  { code: "348", bin: "970443", vietqr: "SHB", shortName: "SHB", nameVi: "Ngân hàng TMCP Sài Gòn - Hà Nội" },
  { code: "352", bin: "970419", vietqr: "NCB", shortName: "NCB", nameVi: "Ngân hàng TMCP Quốc Dân", tickers: ["NVB"], aliases: ["Quốc Dân"] },
  { code: "353", bin: "970452", vietqr: "KLB", shortName: "KienlongBank", nameVi: "Ngân hàng TMCP Kiên Long", aliases: ["Kiên Long"] },
  { code: "355", bin: "970427", vietqr: "VAB", shortName: "VietABank", nameVi: "Ngân hàng TMCP Việt Á", aliases: ["Việt Á"] },
  { code: "356", bin: "970433", vietqr: "VIETBANK", shortName: "VietBank", nameVi: "Ngân hàng TMCP Việt Nam Thương Tín" },
  { code: "357", bin: "970449", vietqr: "LPB", shortName: "LPBank", nameVi: "Ngân hàng TMCP Lộc Phát Việt Nam", aliases: ["LienVietPostBank", "Ngân hàng TMCP Bưu Điện Liên Việt", "Lộc Phát"] },
  { code: "358", bin: "970423", vietqr: "TPB", shortName: "TPBank", nameVi: "Ngân hàng TMCP Tiên Phong", aliases: ["Tiên Phong"] },
  { code: "359", bin: "970438", vietqr: "BVB", shortName: "BaoVietBank", nameVi: "Ngân hàng TMCP Bảo Việt", aliases: ["Bảo Việt"] },
  { code: "360", bin: "970412", vietqr: "PVCB", shortName: "PVcomBank", nameVi: "Ngân hàng TMCP Đại Chúng Việt Nam" },
  { code: "501", bin: "970439", vietqr: "PBVN", shortName: "Public Bank", nameVi: "Ngân hàng TNHH MTV Public Việt Nam" },
  { code: "502", bin: "970434", vietqr: "IVB", shortName: "Indovina Bank", nameVi: "Ngân hàng TNHH Indovina" },
  { code: "505", bin: "970421", vietqr: "VRB", shortName: "VRB", nameVi: "Ngân hàng Liên doanh Việt - Nga" },
  { code: "603", bin: "970442", vietqr: "HLBVN", shortName: "Hong Leong", nameVi: "Ngân hàng TNHH MTV Hong Leong Việt Nam" },
  { code: "604", bin: "970410", vietqr: "SCVN", shortName: "Standard Chartered", nameVi: "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam" },
  // Finan's table gives Citibank KEB Hana Hà Nội's BIN (970467): a BIN shared by two banks, never used to fill
  { code: "605", bin: "970467", vietqr: "CITIBANK", shortName: "Citibank", nameVi: "Ngân hàng Citibank Việt Nam" },
  { code: "616", bin: "970424", vietqr: "SHBVN", shortName: "Shinhan Bank", nameVi: "Ngân hàng TNHH MTV Shinhan Việt Nam" },
  { code: "617", bin: "458761", vietqr: "HSBC", shortName: "HSBC", nameVi: "Ngân hàng TNHH MTV HSBC (Việt Nam)" },
  { code: "626", bin: "970467", vietqr: "KEBHANAHN", shortName: "KEB Hana Hà Nội", nameVi: "Ngân hàng KEB Hana - Chi nhánh Hà Nội", aliases: ["KEB Hana", "Hana Bank"] },
  { code: "631", bin: "970463", vietqr: "KBHCM", shortName: "Kookmin HCM", nameVi: "Ngân hàng Kookmin - Chi nhánh Thành phố Hồ Chí Minh", aliases: ["Kookmin"] },
  { code: "641", bin: "970456", vietqr: "IBK - HCM", shortName: "IBK HCM", nameVi: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh", aliases: ["IBK"] },
  { code: "650", bin: "796500", vietqr: "DBS", shortName: "DBS Bank", nameVi: "DBS Bank Ltd - Chi nhánh Thành phố Hồ Chí Minh" },
  { code: "652", bin: "970455", vietqr: "IBK - HN", shortName: "IBK HN", nameVi: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội", aliases: ["IBK"] },
  { code: "656", bin: "970466", vietqr: "KEBHANAHCM", shortName: "KEB Hana HCM", nameVi: "Ngân hàng KEB Hana - Chi nhánh TP Hồ Chí Minh", aliases: ["KEB Hana", "Hana Bank"] },
  { code: "661", bin: "422589", vietqr: "CIMB", shortName: "CIMB", nameVi: "Ngân hàng TNHH MTV CIMB Việt Nam" },
  { code: "663", bin: "970457", vietqr: "WVN", shortName: "Woori Bank", nameVi: "Ngân hàng TNHH MTV Woori Việt Nam" },
  { code: "665", bin: "970458", vietqr: "UOB", shortName: "UOB", nameVi: "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh" },
  { code: "666", bin: "970462", vietqr: "KBHN", shortName: "Kookmin HN", nameVi: "Ngân hàng Kookmin - Chi nhánh Hà Nội", aliases: ["Kookmin"] },
  { code: "669", bin: "668888", vietqr: "KBank", shortName: "KBank", nameVi: "Ngân hàng Đại chúng TNHH Kasikornbank" },
  { code: "901", bin: "970446", vietqr: "COOPBANK", shortName: "Co-opBank", nameVi: "Ngân hàng Hợp tác xã Việt Nam" },
];

/**
 * Spellings that name two banks: BVB is BaoVietBank's VietQR code and BVBank's ticker (shared through
 * the table already); MB/MBV since MB took over OceanBank and renamed it MBV. These never fill anything.
 */
export const AMBIGUOUS_BANK_ALIASES: readonly { alias: string; codes: readonly string[] }[] = [
  { alias: "MB", codes: ["311", "319"] },
  { alias: "MBV", codes: ["311", "319"] },
];
