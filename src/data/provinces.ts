// Vietnam's provinces: the 34 units since the 2025 reform and the 63 before it, with their successors.
// Sources (research/vietnam-data.md §1, read 2026-12): 60-NQ/TW annex and 202/2025/QH15 (merger pairs), GSO 915/CTK-CSCL (codes),
// thanglequoc/vietnamese-provinces-database v3.1.0 (MIT; names, incl. Đồng Nai a city from 30 Apr 2026 by 30/2026/QH16),
// dvhcvn/20250701 (old → new); sunshine-tech/VietnamProvinces also sends part of Tiền Giang to Tây Ninh.

/** Names change (Đồng Nai became a city in 2026): a new list gets a new version. */
export const PROVINCES_VERSION = "2026-04-30";

/** The 34 units from 1 July 2025: GSO code → official name (as of PROVINCES_VERSION). */
export const PROVINCES: Readonly<Record<string, string>> = {
  "01": "Thành phố Hà Nội", "04": "Tỉnh Cao Bằng", "08": "Tỉnh Tuyên Quang", "11": "Tỉnh Điện Biên", "12": "Tỉnh Lai Châu",
  "14": "Tỉnh Sơn La", "15": "Tỉnh Lào Cai", "19": "Tỉnh Thái Nguyên", "20": "Tỉnh Lạng Sơn", "22": "Tỉnh Quảng Ninh",
  "24": "Tỉnh Bắc Ninh", "25": "Tỉnh Phú Thọ", "31": "Thành phố Hải Phòng", "33": "Tỉnh Hưng Yên", "37": "Tỉnh Ninh Bình",
  "38": "Tỉnh Thanh Hóa", "40": "Tỉnh Nghệ An", "42": "Tỉnh Hà Tĩnh", "44": "Tỉnh Quảng Trị", "46": "Thành phố Huế",
  "48": "Thành phố Đà Nẵng", "51": "Tỉnh Quảng Ngãi", "52": "Tỉnh Gia Lai", "56": "Tỉnh Khánh Hòa", "66": "Tỉnh Đắk Lắk",
  "68": "Tỉnh Lâm Đồng", "75": "Thành phố Đồng Nai", "79": "Thành phố Hồ Chí Minh", "80": "Tỉnh Tây Ninh", "82": "Tỉnh Đồng Tháp",
  "86": "Tỉnh Vĩnh Long", "91": "Tỉnh An Giang", "92": "Thành phố Cần Thơ", "96": "Tỉnh Cà Mau",
};

/**
 * The 63 units before 1 July 2025 that are no longer one (merged or renamed): old code → [name, successor codes].
 * The ones that kept their name (Hà Nội, Tây Ninh, ...) are found among the 34 first. Tiền Giang went to two units.
 */
export const FORMER_PROVINCES: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  "02": ["Tỉnh Hà Giang", ["08"]], "06": ["Tỉnh Bắc Kạn", ["19"]], "15": ["Tỉnh Yên Bái", ["15"]],
  "17": ["Tỉnh Hòa Bình", ["25"]], "26": ["Tỉnh Vĩnh Phúc", ["25"]], "24": ["Tỉnh Bắc Giang", ["24"]], "30": ["Tỉnh Hải Dương", ["31"]],
  "34": ["Tỉnh Thái Bình", ["33"]], "35": ["Tỉnh Hà Nam", ["37"]], "36": ["Tỉnh Nam Định", ["37"]], "44": ["Tỉnh Quảng Bình", ["44"]],
  "46": ["Tỉnh Thừa Thiên Huế", ["46"]], "49": ["Tỉnh Quảng Nam", ["48"]], "52": ["Tỉnh Bình Định", ["52"]], "54": ["Tỉnh Phú Yên", ["66"]],
  "58": ["Tỉnh Ninh Thuận", ["56"]], "60": ["Tỉnh Bình Thuận", ["68"]], "62": ["Tỉnh Kon Tum", ["51"]], "67": ["Tỉnh Đắk Nông", ["68"]],
  "70": ["Tỉnh Bình Phước", ["75"]], "74": ["Tỉnh Bình Dương", ["79"]], "77": ["Tỉnh Bà Rịa - Vũng Tàu", ["79"]], "80": ["Tỉnh Long An", ["80"]],
  "82": ["Tỉnh Tiền Giang", ["82", "80"]], "83": ["Tỉnh Bến Tre", ["86"]], "84": ["Tỉnh Trà Vinh", ["86"]],
  "91": ["Tỉnh Kiên Giang", ["91"]], "93": ["Tỉnh Hậu Giang", ["92"]], "94": ["Tỉnh Sóc Trăng", ["92"]], "95": ["Tỉnh Bạc Liêu", ["96"]],
};

/** Old codes of every one of the 63 (a 12-digit personal ID starts with 0 + one of them). */
export const OLD_PROVINCE_CODES: readonly string[] = [
  "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27", "30", "31", "33",
  "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66",
  "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96",
];

/** Everyday spellings: "current:CODE" is one of the 34, "former:CODE" one of FORMER_PROVINCES. */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  HN: "current:01", Hanoi: "current:01", HCM: "current:79", HCMC: "current:79", "TP.HCM": "current:79", "Sài Gòn": "current:79",
  "Ho Chi Minh City": "current:79", "Sài Gòn - Gia Định": "current:79", HP: "current:31",
  "Thừa Thiên - Huế": "former:46", TTH: "former:46", "TT Huế": "former:46", BRVT: "former:77", "Vũng Tàu": "former:77",
  "Bắc Cạn": "former:06", Kontum: "former:62", "Đăk Nông": "former:67", "Đắc Lắc": "current:66", "Daklak": "current:66",
};
