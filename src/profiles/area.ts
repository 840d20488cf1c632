// KiotViet's "Khu vực giao hàng": "Hà Nội - Quận Tây Hồ" is province " - " district.

// STAND-IN until helper h15vn's province list (src/customers/rules/provinces.ts) is on this branch:
// the only province names, old (63) or new (34), that themselves hold " - ". Swap for its lookup at merge.
const PROVINCES_WITH_DASH = ["Bà Rịa - Vũng Tàu"];

/** Whether text names a province whose name holds " - " (the one question the split asks of the province list). */
export function isDashedProvince(text: string): boolean {
  const key = comparable(text);
  return PROVINCES_WITH_DASH.some((name) => comparable(name) === key || comparable(`Tỉnh ${name}`) === key);
}

function comparable(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Province and district; the longest leading run of parts that names a province stays whole. */
export function splitArea(text: string): { province: string; district?: string } {
  const parts = text.split(/\s+-\s+/).map((part) => part.trim());
  for (let take = parts.length; take >= 2; take--) {
    const province = parts.slice(0, take).join(" - ");
    if (isDashedProvince(province)) return withDistrict(province, parts.slice(take));
  }
  return withDistrict(parts[0] ?? "", parts.slice(1));
}

function withDistrict(province: string, rest: string[]): { province: string; district?: string } {
  const district = rest.join(" - ");
  return district === "" ? { province } : { province, district };
}
