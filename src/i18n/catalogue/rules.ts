// What the Vietnamese rules say about a cell: phones, tax IDs, banks, provinces, old fonts; and their flags' help.
import type { Translated } from "../text.js";

export const rules = {
  "rules.phone.modernised": {
    en: "{old} is an 11-digit mobile number from before 2018: sent as today's {today}",
    vi: "{old} là số di động 11 số cũ (trước năm 2018): đã gửi số mới {today}",
  },
  "rules.phone.twoNumbers": {
    en: "holds more than one number: sent {first}; not sent: {others} (put it in a contact's phone to keep it)",
    vi: "có nhiều hơn một số: đã gửi {first}; chưa gửi: {others} (hãy đưa vào số điện thoại của người liên hệ nếu cần giữ)",
  },

  "rules.taxId.checkDigit": {
    en: "{value}: the check digit (10th digit) should be {expected}: check the tax ID",
    vi: "{value}: chữ số kiểm tra (chữ số thứ 10) phải là {expected}: hãy kiểm tra lại mã số thuế",
  },
  "rules.taxId.noCheckDigit": {
    en: "{value}: no tax ID starts with {prefix} (no check digit fits it): check the tax ID",
    vi: "{value}: không có mã số thuế nào bắt đầu bằng {prefix} (không chữ số kiểm tra nào phù hợp): hãy kiểm tra lại mã số thuế",
  },
  "rules.taxId.branchSuffix": {
    en: "{value}: a branch number after the hyphen is 001 to 999, not 000",
    vi: "{value}: số đơn vị phụ thuộc sau dấu gạch ngang là 001 đến 999, không phải 000",
  },
  "rules.taxId.personalProvince": {
    en: "{value}: a 12-digit personal identification number starts with a province code (001 Hà Nội, 079 Hồ Chí Minh, ...): check it",
    vi: "{value}: số định danh cá nhân 12 số bắt đầu bằng mã tỉnh (001 Hà Nội, 079 Hồ Chí Minh, ...): hãy kiểm tra lại",
  },
  "rules.taxId.shape": {
    en: "{value} is not a tax ID: 10 digits, 10 + 3 for a branch (0314409058-002), or a 12-digit personal identification number",
    vi: "{value} không phải mã số thuế: mã số thuế có 10 số, đơn vị phụ thuộc có 10 + 3 số (0314409058-002), hoặc là số định danh cá nhân 12 số",
  },
  "rules.taxId.duplicate": {
    en: "tax ID {value} is also at row {row}: check that these are two customers",
    vi: "mã số thuế {value} trùng với dòng {row}: hãy kiểm tra đây có đúng là hai khách hàng khác nhau không",
  },

  "rules.bank.codeFilled": {
    en: "bank code {code} filled in from the bank name {name}",
    vi: "đã điền mã ngân hàng {code} theo tên ngân hàng {name}",
  },
  "rules.bank.nameFilled": {
    en: "bank name {name} filled in from the bank code {code}",
    vi: "đã điền tên ngân hàng {name} theo mã ngân hàng {code}",
  },
  "rules.bank.disagree": {
    en: "bank code {code} is {codeBank}, but the bank name {name} is {nameBank}: both sent as given; correct one of them",
    vi: "mã ngân hàng {code} là {codeBank}, nhưng tên ngân hàng {name} là {nameBank}: đã gửi đúng như trong tệp; hãy sửa một trong hai",
  },
  "rules.bank.otherScheme": {
    en: "{value} is the {scheme} of {bank}; Finan's bank code is its 3-digit code {code}: write {code}, or add --fix-bank-codes",
    vi: "{value} là {scheme} của {bank}; mã ngân hàng của Finan là mã 3 số {code}: hãy ghi {code}, hoặc thêm --fix-bank-codes",
  },
  "rules.bank.converted": {
    en: "{value} is the {scheme} of {bank}: sent its 3-digit code {code} (--fix-bank-codes)",
    vi: "{value} là {scheme} của {bank}: đã gửi mã 3 số {code} (--fix-bank-codes)",
  },
  "rules.bank.scheme.bin": { en: "NAPAS BIN", vi: "mã BIN NAPAS" },
  "rules.bank.scheme.short": { en: "short code", vi: "mã viết tắt" },
  "rules.bank.ambiguous": {
    en: "{value} can mean {banks}: write the 3-digit code of the right bank",
    vi: "{value} có thể là {banks}: hãy ghi mã 3 số của đúng ngân hàng",
  },
  "rules.bank.unknownCode": {
    en: "{code} is not a bank code in the tool's bank list ({version}): check it",
    vi: "{code} không có trong danh sách mã ngân hàng của công cụ ({version}): hãy kiểm tra lại",
  },

  "rules.province.former": {
    en: "{value} is a province from before 1 July 2025, now part of {successor}: add --update-provinces to send {successor}",
    vi: "{value} là tỉnh/thành phố trước ngày 1/7/2025, nay thuộc {successor}: thêm --update-provinces để gửi {successor}",
  },
  "rules.province.split": {
    en: "{value} is a province from before 1 July 2025, now split between {successors}: write the one the address is in",
    vi: "{value} là tỉnh/thành phố trước ngày 1/7/2025, nay chia cho {successors}: hãy ghi tỉnh/thành phố mà địa chỉ đang thuộc về",
  },
  "rules.province.updated": {
    en: "{value} is part of {successor} since 1 July 2025: sent {successor}; the ward may have been renamed too: check it",
    vi: "{value} thuộc {successor} từ ngày 1/7/2025: đã gửi {successor}; phường/xã có thể cũng đã đổi tên: hãy kiểm tra lại",
  },
  "rules.province.unknown": {
    en: "{value} is not a province or city of Vietnam (list of {version}); nearest: {nearest}",
    vi: "{value} không phải tỉnh/thành phố của Việt Nam (danh sách {version}); gần giống: {nearest}",
  },
  "rules.province.unknownNoGuess": {
    en: "{value} is not a province or city of Vietnam (list of {version}): check it",
    vi: "{value} không phải tỉnh/thành phố của Việt Nam (danh sách {version}): hãy kiểm tra lại",
  },

  "rules.oldFont": {
    en: "looks typed with an old Vietnamese font ({encoding}): convert it to Unicode (for example with Unikey's converter) and retype",
    vi: "có vẻ được gõ bằng phông chữ tiếng Việt cũ ({encoding}): hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại",
  },

  // The template's Instructions sheet: one line a rule family, after the general rules.
  "rules.instructions.phones": {
    en: "Phones: an 11-digit mobile number from before 2018 (0169…, 0120…) is sent as today's 10-digit number; with two numbers in one cell, the first is sent and the report keeps the other.",
    vi: "Số điện thoại: số di động 11 số cũ (trước năm 2018: 0169…, 0120…) được gửi thành số 10 số hiện nay; ô có hai số thì gửi số đầu, số còn lại ghi trong tệp kết quả.",
  },
  "rules.instructions.taxIds": {
    en: "Tax ID: 10 digits with a valid check digit, 10 + 3 for a branch (0314409058-002), or a 12-digit personal identification number; anything else, or a tax ID on two rows, gets a warning.",
    vi: "Mã số thuế: 10 số có chữ số kiểm tra đúng, 10 + 3 số cho đơn vị phụ thuộc (0314409058-002), hoặc số định danh cá nhân 12 số; trường hợp khác, hoặc một mã số thuế ở hai dòng, sẽ có cảnh báo.",
  },
  "rules.instructions.banks": {
    en: "Bank: the code is the State Bank's 3-digit code (203 Vietcombank, 201 VietinBank). A blank code is filled in from a bank name that names one bank; a blank name from a known code; a code and name that disagree get a warning. A NAPAS BIN or short code (970436, VCB) is converted only with --fix-bank-codes.",
    vi: "Ngân hàng: mã là mã 3 số của Ngân hàng Nhà nước (203 Vietcombank, 201 VietinBank). Mã để trống được điền theo tên ngân hàng nếu tên chỉ đúng một ngân hàng; tên để trống được điền theo mã; mã và tên không khớp sẽ có cảnh báo. Mã BIN NAPAS hoặc mã viết tắt (970436, VCB) chỉ được đổi khi có --fix-bank-codes.",
  },
  "rules.instructions.provinces": {
    en: "Province (Vietnamese addresses): one of the 34 provinces and cities since 1 July 2025; a province from before gets a warning naming today's, which --update-provinces sends instead. A district is never required.",
    vi: "Tỉnh/Thành phố (địa chỉ ở Việt Nam): một trong 34 tỉnh/thành phố từ ngày 1/7/2025; tỉnh/thành phố cũ sẽ có cảnh báo kèm tên mới, thêm --update-provinces để gửi tên mới. Quận/Huyện không bắt buộc.",
  },
  "rules.instructions.strict": {
    en: "Text typed with an old font (TCVN3, VNI) gets a warning. With --strict, a warning the tool could not resolve (wrong check digit, unknown province, old font, ...) makes the row invalid.",
    vi: "Chữ gõ bằng phông chữ cũ (TCVN3, VNI) sẽ có cảnh báo. Khi có --strict, cảnh báo mà công cụ không tự xử lý được (sai chữ số kiểm tra, tỉnh/thành phố không có trong danh sách, phông chữ cũ, ...) làm dòng không hợp lệ.",
  },

  "rules.help.strict": {
    en: "make a row invalid for a warning the tool could not resolve (a wrong check digit, an unknown province, a bank code and name that disagree, old-font text)",
    vi: "coi dòng là không hợp lệ khi có cảnh báo mà công cụ không tự xử lý được (sai chữ số kiểm tra, tỉnh/thành phố không có trong danh sách, mã và tên ngân hàng không khớp, phông chữ cũ)",
  },
  "rules.help.fixBankCodes": {
    en: "send the 3-digit bank code for a NAPAS BIN or short code (VCB, ICB, 970436) in a bank code column",
    vi: "gửi mã ngân hàng 3 số thay cho mã BIN NAPAS hoặc mã viết tắt (VCB, ICB, 970436) trong cột mã ngân hàng",
  },
  "rules.help.updateProvinces": {
    en: "send today's name for a province from before 1 July 2025 (not for a province that was split)",
    vi: "gửi tên mới cho tỉnh/thành phố trước ngày 1/7/2025 (trừ tỉnh bị chia cho nhiều tỉnh/thành phố)",
  },
} as const satisfies Record<string, Translated>;
