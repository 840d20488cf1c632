// KiotViet's "Khu vực giao hàng": "Hà Nội - Quận Tây Hồ" is province " - " district.

import { matchProvinceAtStart } from "../customers/rules/provinces.js";

/** Province and district; the longest leading run of parts that names a province stays whole. */
export function splitArea(text: string): { province: string; district?: string } {
  // the province list knows which names hold " - " themselves (Bà Rịa - Vũng Tàu)
  const found = matchProvinceAtStart(text);
  if (found !== undefined) return withDistrict(found.province, found.rest === "" ? [] : [found.rest]);
  const parts = text.split(/\s+-\s+/).map((part) => part.trim());
  return withDistrict(parts[0] ?? "", parts.slice(1));
}

function withDistrict(province: string, rest: string[]): { province: string; district?: string } {
  const district = rest.join(" - ");
  return district === "" ? { province } : { province, district };
}
