import { describe, expect, it } from "vitest";
import { bindColumns, findHeaderRow } from "../../src/customers/header.js";
import { loadMappingObject } from "../../src/customers/mapping.js";
import { ToolError } from "../../src/errors.js";
import type { SheetRow } from "../../src/spreadsheet/types.js";

function sheetRow(row: number, texts: (string | undefined)[]): SheetRow {
  return { row, cells: texts.map((text) => (text === undefined ? undefined : { kind: "text", text })) };
}

function thrown(run: () => unknown): ToolError {
  try {
    run();
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error("expected a ToolError");
}

describe("findHeaderRow", () => {
  it("finds the header below title rows", () => {
    const rows = [
      sheetRow(1, ["DANH SÁCH KHÁCH HÀNG 2024"]),
      sheetRow(2, ["Công ty ABC", "Tên khách hàng"]),
      sheetRow(4, ["STT", "Mã khách hàng", "Tên khách hàng", "Loại khách hàng"]),
      sheetRow(5, ["1", "KH001", "An", "cá nhân"]),
    ];
    expect(findHeaderRow(rows)?.index).toBe(2);
    expect(findHeaderRow(rows)?.row.row).toBe(4);
  });

  it("looks no further than the first 10 rows", () => {
    const titles = Array.from({ length: 10 }, (_, index) => sheetRow(index + 1, ["title"]));
    expect(findHeaderRow([...titles, sheetRow(11, ["Customer code", "Name", "Type"])])).toBeUndefined();
    expect(findHeaderRow([...titles.slice(1), sheetRow(10, ["Customer code", "Name", "Type"])])?.index).toBe(9);
  });

  it("counts headers the mapping file names", () => {
    const rows = [sheetRow(1, ["Mã KH", "Họ tên", "Phân loại"])];
    expect(findHeaderRow(rows)).toBeUndefined();
    const mapping = loadMappingObject({ "Mã KH": "general_info.customer_code", "Họ tên": "general_info.name" });
    expect(findHeaderRow(rows, { mapping })?.index).toBe(0);
  });
});

describe("bindColumns", () => {
  it("binds known columns and reports unknown ones with their position", () => {
    const bound = bindColumns(sheetRow(1, ["STT", "Mã khách hàng", undefined, "Tên khách hàng", "Loại khách hàng", "Ghi chú"]));
    expect(bound.bindings).toEqual([
      { column: 1, header: "Mã khách hàng", field: "general_info.customer_code" },
      { column: 3, header: "Tên khách hàng", field: "general_info.name" },
      { column: 4, header: "Loại khách hàng", field: "general_info.type" },
    ]);
    expect(bound.unknown).toEqual([
      { column: 0, header: "STT" },
      { column: 5, header: "Ghi chú" },
    ]);
  });

  it("recognises the result columns of its own report and points at status", () => {
    const headers = ["Customer code", "Name", "Type", "row", "status", "customer_id", "http_status", "api_code", "request_id", "message", "attempts"];
    const bound = bindColumns(sheetRow(1, headers));
    expect(bound.bindings).toHaveLength(3);
    expect(bound.unknown).toEqual([]);
    expect(bound.resultColumns).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(bound.statusColumn).toBe(4);
  });

  it("does not warn about an export's created_at and updated_at", () => {
    const bound = bindColumns(sheetRow(1, ["Customer code", "Name", "Type", "customer_id", "created_at", "updated_at"]));
    expect(bound.unknown).toEqual([]);
  });

  it("skips headers the caller asks to ignore", () => {
    const bound = bindColumns(sheetRow(1, ["Customer code", "Name", "Type", "Ghi chú"]), { ignore: new Set(["ghi chu"]) });
    expect(bound.unknown).toEqual([]);
  });

  it("lets a mapping name columns the table does not know", () => {
    const mapping = loadMappingObject({ "Mã KH": "general_info.customer_code", Phone: "general_info.tax_id" });
    const bound = bindColumns(sheetRow(1, ["Mã KH", "Name", "Type", "Phone"]), { mapping });
    expect(bound.bindings.map((binding) => binding.field)).toEqual([
      "general_info.customer_code",
      "general_info.name",
      "general_info.type",
      "general_info.tax_id",
    ]);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("treats a %s header as an unknown column", (header) => {
    const bound = bindColumns(sheetRow(1, ["Customer code", "Name", "Type", header]));
    expect(bound.unknown).toEqual([{ column: 3, header }]);
  });

  it("rejects two columns for the same field, naming both columns and headers", () => {
    const error = thrown(() => bindColumns(sheetRow(3, ["Name", "Type", "Mã khách hàng", "x", "y", "customer_code"])));
    expect(error.code).toBe("E_HEADER_DUPLICATE");
    expect(error.message).toContain("C and F");
    expect(error.message).toContain('"Mã khách hàng" and "customer_code"');
    expect(error.message).toContain("general_info.customer_code");
    expect(error.hint).toBe("Delete or rename one of the two columns, then run again.");
  });

  it("points at the mapping file when the mapping sent a column to a field another column has", () => {
    const mapping = loadMappingObject({ "Tên gọi": "general_info.name" });
    const error = thrown(() => bindColumns(sheetRow(1, ["Customer code", "Name", "Type", "Tên gọi"]), { mapping }));
    expect(error.code).toBe("E_HEADER_DUPLICATE");
    expect(error.hint).toContain('Your --columns mapping sends "Tên gọi" to general_info.name');
  });

  it("rejects a header without the required columns, listing what it recognised", () => {
    const error = thrown(() => bindColumns(sheetRow(2, ["Mã khách hàng", "Email"])));
    expect(error.code).toBe("E_MAPPING");
    expect(error.message).toContain("Name / Tên khách hàng (general_info.name)");
    expect(error.message).toContain("Type / Loại khách hàng (general_info.type)");
    expect(error.message).not.toContain("Customer code /");
    expect(error.message).toContain('A "Mã khách hàng" → general_info.customer_code');
    expect(error.hint).toContain("--columns");
  });
});
