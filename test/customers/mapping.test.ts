import { describe, expect, it } from "vitest";
import { loadMappingObject } from "../../src/customers/mapping.js";
import { ToolError } from "../../src/errors.js";

function mappingError(input: unknown): ToolError {
  try {
    loadMappingObject(input);
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error("expected a ToolError");
}

describe("loadMappingObject", () => {
  it("maps the user's headers, normalised, to canonical fields", () => {
    const mapping = loadMappingObject(
      JSON.parse('{"Mã KH": "general_info.customer_code", "Họ tên": "Name", "SĐT người LH": "contact_persons[2].phone_number"}'),
    );
    expect(mapping.get("makh")).toBe("general_info.customer_code");
    expect(mapping.get("hoten")).toBe("general_info.name");
    expect(mapping.get("sdtnguoilh")).toBe("contact_persons.2.phone_number");
  });

  it("keeps headers named __proto__, constructor and toString as plain names", () => {
    const mapping = loadMappingObject(
      JSON.parse('{"__proto__": "general_info.name", "constructor": "address.ward", "toString": "general_info.custom_tag"}'),
    );
    expect(mapping.get("proto")).toBe("general_info.name");
    expect(mapping.get("constructor")).toBe("address.ward");
    expect(mapping.get("tostring")).toBe("general_info.custom_tag");
    expect(mapping.size).toBe(3);
  });

  it.each([
    [[], "not a JSON object"],
    [null, "not a JSON object"],
    ["general_info.name", "not a JSON object"],
    [{ "Mã KH": "general_info.nickname" }, 'entry "Mã KH": "general_info.nickname" is not a known field'],
    [{ "Mã KH": 3 }, 'entry "Mã KH": the field must be a string'],
    [{ "---": "general_info.name" }, 'entry "---": the header name has no letters or digits'],
    [{ "Mã KH": "general_info.name", "ma kh": "general_info.tax_id" }, 'entries "Mã KH" and "ma kh"'],
  ])("rejects %j naming the entry", (input, message) => {
    const error = mappingError(input);
    expect(error.code).toBe("E_MAPPING");
    expect(error.message).toContain(message);
  });

  it("rejects a value that names a prototype property rather than a field", () => {
    expect(mappingError({ Code: "toString" }).message).toContain('"toString" is not a known field');
  });
});
