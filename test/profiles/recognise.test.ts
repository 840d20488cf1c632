import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ToolError } from "../../src/errors.js";
import { readInput } from "../../src/customers/read-input.js";
import type { RowOutcome } from "../../src/customers/to-payload.js";
import { render } from "../../src/i18n/text.js";
import { splitArea } from "../../src/profiles/area.js";
import { KIOTVIET } from "../../src/profiles/kiotviet.js";
import { MISA_AMIS } from "../../src/profiles/misa-amis.js";
import { MISA_SME } from "../../src/profiles/misa-sme.js";
import { HARAVAN } from "../../src/profiles/haravan.js";
import { SAPO } from "../../src/profiles/sapo.js";
import { tempDir } from "../helpers/cli.js";
import { csvLine } from "../helpers/files.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A CSV with the profile's headers and rows given by header. */
async function fileOf(headers: readonly string[], rows: Record<string, string>[], name = "in.csv"): Promise<string> {
  const dir = await tempDir("finan-profiles-");
  cleanups.push(dir.cleanup);
  const path = join(dir.path, name);
  await writeFile(path, [[...headers], ...rows.map((row) => headers.map((header) => row[header] ?? ""))].map(csvLine).join("\r\n") + "\r\n");
  return path;
}

async function read(path: string) {
  const table = await readInput(path);
  const outcomes: RowOutcome[] = [];
  for await (const row of table.rows) outcomes.push(row.outcome);
  return { warnings: table.warnings.map((warning) => render("en", warning)), outcomes };
}

const headersOf = (profile: { columns: readonly { header: string }[] }) => profile.columns.map((column) => column.header);

describe("a KiotViet customer file", () => {
  const person = {
    "Loại khách": "Cá nhân",
    "Mã khách hàng": "KH000001",
    "Tên khách hàng": "Nguyễn Văn An",
    "Điện thoại": "0912345678",
    "Địa chỉ": "12 Thụy Khuê",
    "Khu vực giao hàng": "Hà Nội - Quận Tây Hồ",
    "Phường/Xã": "Phường Thụy Khuê",
    "Ngày sinh": "01/02/1990",
    "Giới tính": "Nam",
    Email: "an@example.vn",
    "Nhóm khách hàng": "VIP|Bán sỉ",
  };
  const company = {
    "Loại khách": "Công ty",
    "Mã khách hàng": "KH000002",
    "Tên khách hàng": "Trần Thị Bình",
    "Điện thoại": "0987654321",
    "Khu vực giao hàng": "Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu",
    "Công ty": "Công ty TNHH Hải Âu",
    "Mã số thuế": "0100233488",
  };

  it("is read without --columns: type, area split, tags, and a Công ty row's person as contact 1", async () => {
    const { warnings, outcomes } = await read(await fileOf(headersOf(KIOTVIET), [person, company]));
    expect(warnings[0]).toBe("recognised as a KiotViet customer file by its headers: its columns are read without --columns");
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.payload : outcome))).toEqual([
      {
        general_info: { customer_code: "KH000001", name: "Nguyễn Văn An", type: "personal", phone: "0912345678", email: "an@example.vn", custom_tag: "VIP, Bán sỉ" },
        address: { address: "12 Thụy Khuê", ward: "Phường Thụy Khuê", province: "Hà Nội", district: "Quận Tây Hồ" },
      },
      {
        general_info: {
          customer_code: "KH000002",
          name: "Công ty TNHH Hải Âu",
          type: "company",
          phone: "0987654321",
          tax_id: "0100233488",
          contact_persons: [{ name: "Trần Thị Bình", phone_number: "0987654321" }],
        },
        address: { province: "Bà Rịa - Vũng Tàu", district: "Thành phố Vũng Tàu" },
      },
    ]);
  });

  it("lists the columns with no Finan field once, and warns about no other", async () => {
    const { warnings } = await read(await fileOf(headersOf(KIOTVIET), [person]));
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toBe(
      'columns with no Finan field, kept in the report and not sent: "Số CMND/CCCD", "Ngày sinh", "Giới tính", "Facebook", "Ghi chú", "Ngày giao dịch cuối", "Điểm hiện tại", "Nợ cần thu hiện tại", "Tổng bán (Không import)", "Trạng thái"',
    );
  });

  it("says a person's Công ty is not sent, rather than dropping it without a word", async () => {
    const { outcomes } = await read(await fileOf(headersOf(KIOTVIET), [{ ...person, "Công ty": "Công ty TNHH Hải Âu" }]));
    expect(outcomes[0]?.ok && outcomes[0].payload.general_info.name).toBe("Nguyễn Văn An");
    expect(outcomes[0]?.warnings.map((warning) => render("en", warning))).toEqual([
      'Công ty: "Công ty TNHH Hải Âu" is not sent: the row is a personal customer, and Finan has no field for a person\'s company (it stays in the report)',
    ]);
  });

  it("names the file's own column when a value from a split is wrong", async () => {
    const { outcomes } = await read(await fileOf(headersOf(KIOTVIET), [{ ...company, "Tên khách hàng": "", "Công ty": "" }]));
    const outcome = outcomes[0]!;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((issue) => [issue.column, render("en", issue.message)])).toEqual([
      [2, "Tên khách hàng (general_info.name): is required"],
      [2, "Tên khách hàng (contact_persons.1.name): is required when other cells of this contact are filled"],
    ]);
  });
});

describe("splitArea", () => {
  it.each([
    ["Hà Nội - Quận Tây Hồ", { province: "Hà Nội", district: "Quận Tây Hồ" }],
    ["Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu", { province: "Bà Rịa - Vũng Tàu", district: "Thành phố Vũng Tàu" }],
    ["Bà Rịa - Vũng Tàu", { province: "Bà Rịa - Vũng Tàu" }],
    ["Hồ Chí Minh", { province: "Hồ Chí Minh" }],
  ])("splits %j", (text, parts) => {
    expect(splitArea(text)).toEqual(parts);
  });
});

describe("MISA files", () => {
  it("MISA AMIS: Tổ chức/Cá nhân labels, contact and bank columns", async () => {
    const row = {
      "Mã khách hàng": "KH0003",
      "Tên khách hàng": "Công ty CP Sao Mai",
      "Tổ chức/Cá nhân": "Tổ chức",
      "Mã số thuế/CCCD chủ hộ": "0314409058-002",
      "Điện thoại": "02838123456",
      "Người liên hệ": "Lê Văn Cường",
      "ĐT di động NLH": "0903123456",
      "Email NLH": "cuong@saomai.vn",
      "TK Ngân hàng": "0071001234567",
      "Tên ngân hàng": "Vietcombank",
      "Tỉnh/TP": "Hồ Chí Minh",
      "Công nợ": "1500000",
    };
    const { warnings, outcomes } = await read(await fileOf(headersOf(MISA_AMIS), [row]));
    expect(warnings[0]).toBe("recognised as a MISA AMIS customer file by its headers: its columns are read without --columns");
    expect(outcomes[0]?.ok && outcomes[0].payload).toEqual({
      general_info: {
        customer_code: "KH0003",
        name: "Công ty CP Sao Mai",
        type: "company",
        tax_id: "0314409058-002",
        phone: "02838123456",
        contact_persons: [{ name: "Lê Văn Cường", phone_number: "0903123456", email: "cuong@saomai.vn" }],
      },
      address: { province: "Hồ Chí Minh" },
      bank_accounts: [{ account_number: "0071001234567", bank_name: "Vietcombank", bank_code: "203" }],
    });
  });

  it("MISA SME: the 0/1 flag is never guessed; without a type the run stops and says how to give one", async () => {
    const path = await fileOf(headersOf(MISA_SME), [{ "Là tổ chức/cá nhân": "1", "Mã khách hàng (*)": "KH1", "Tên khách hàng (*)": "An" }]);
    const error = await readInput(path).then(() => undefined, (caught: unknown) => caught as ToolError);
    expect(error?.code).toBe("E_MAPPING");
    expect(error?.text("en")).toBe(
      '"Là tổ chức/cá nhân" is not read: which of its values means an organisation is not known for sure. Say it in a --columns file (validate --save-columns writes one to edit), or use --default type=company',
    );
  });
});

describe("Sapo and Haravan files (unconfirmed headers)", () => {
  it.each([
    [HARAVAN, { "First Name": "Văn An", "Last Name": "Nguyễn", Email: "an@example.vn", Phone: "0912345678" }],
    [SAPO, { "First Name (Tên)": "Văn An", "Last Name (Họ)": "Nguyễn", Email: "an@example.vn", "Phone (Số điện thoại)": "0912345678" }],
  ])("$name: the name is Last Name + First Name, and the run says the headers are unconfirmed", async (profile, row) => {
    // Shopify-style files carry no customer code and no type: a column of the user's own, and --default
    const path = await fileOf([...headersOf(profile), "Mã khách hàng"], [{ ...row, "Mã khách hàng": "KH9" }]);
    const table = await readInput(path, { defaults: new Map([["general_info.type", "personal"]]) });
    const outcomes: RowOutcome[] = [];
    for await (const line of table.rows) outcomes.push(line.outcome);
    expect(render("en", table.warnings[0]!)).toBe(
      `recognised as a ${profile.name} customer file by its headers, which are not yet confirmed against a real ${profile.name} export: check the report before you import`,
    );
    expect(outcomes[0]?.ok && outcomes[0].payload.general_info).toEqual({ customer_code: "KH9", name: "Nguyễn Văn An", type: "personal", email: "an@example.vn", phone: "0912345678" });
  });
});
