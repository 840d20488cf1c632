import { describe, expect, it } from "vitest";
import type { ToolError } from "../../src/errors.js";
import { planFromObject } from "../../src/profiles/plan.js";

const problem = (input: unknown): string | undefined => {
  try {
    planFromObject(input, "map.json");
    return undefined;
  } catch (error) {
    return (error as ToolError).text("en");
  }
};

describe("a --columns file with value maps, roles and $source", () => {
  it("reads fields, value maps, roles, null, and starts from the named program's profile", () => {
    const plan = planFromObject(
      {
        $source: "kiotviet",
        "Là KH": { field: "general_info.type", values: { "0": "company", "1": "personal" } },
        Vùng: { role: "area" },
        "Ngày sinh": null,
        "Mã cũ": "Customer code",
      },
      "map.json",
    );
    expect(plan.profile?.id).toBe("kiotviet");
    expect(plan.fields.get("lakh")).toBe("general_info.type");
    expect(Object.fromEntries(plan.values.get("lakh") ?? [])).toEqual({ "0": "company", "1": "personal" });
    expect(plan.roles.get("vung")).toBe("area");
    expect(plan.noField.has("ngaysinh")).toBe(true);
    expect(plan.fields.get("macu")).toBe("general_info.customer_code");
    // the profile's own entries are still there
    expect(plan.roles.get("khuvucgiaohang")).toBe("area");
  });

  it.each([
    [{ $source: "fast" }, 'map.json: entry "$source": "fast" is not a program this tool knows (kiotviet, misa-sme, misa-amis, sapo, haravan).'],
    [{ "Là KH": { field: "general_info.type", values: ["company"] } }, 'map.json: entry "Là KH": "values" must give each value of your file the value to send, as text.'],
    [{ "Là KH": { field: "general_info.typo" } }, 'map.json: entry "Là KH": "general_info.typo" is not a known field.'],
  ])("refuses %j, naming the entry", (input, said) => {
    expect(problem(input)).toBe(said);
  });
});
