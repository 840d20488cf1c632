import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMappingFile, loadMappingObject } from "../../src/customers/mapping.js";
import { ToolError } from "../../src/errors.js";
import { tempDir } from "../helpers/cli.js";

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

describe("loadMappingFile", () => {
  it("reads a mapping file, and names the file when it is missing or not JSON", async () => {
    const dir = await tempDir();
    try {
      const good = join(dir.path, "good.json");
      await writeFile(good, JSON.stringify({ "Mã KH": "general_info.customer_code" }));
      expect([...(await loadMappingFile(good)).values()]).toEqual(["general_info.customer_code"]);
      const broken = join(dir.path, "broken.json");
      await writeFile(broken, "{ Mã KH: customer_code }");
      for (const path of [broken, join(dir.path, "missing.json")]) {
        const error = await loadMappingFile(path).then(() => undefined, (caught: unknown) => caught);
        expect(error).toBeInstanceOf(ToolError);
        expect((error as ToolError).code).toBe("E_MAPPING");
        expect((error as ToolError).message).toContain(`Cannot read the column mapping ${path}`);
        expect((error as ToolError).hint).toContain("JSON object");
      }
    } finally {
      await dir.cleanup();
    }
  });
});
