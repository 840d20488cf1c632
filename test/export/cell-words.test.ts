import { describe, expect, it } from "vitest";
import { ToolError } from "../../src/errors.js";
import { checkTimeZone, formatTimestamp, typeWords } from "../../src/export/cell-words.js";
import { templateContent } from "../../src/customers/template.js";

describe("formatTimestamp", () => {
  it.each([
    ["2024-01-20T14:00:00Z", "Asia/Ho_Chi_Minh", "2024-01-20 21:00:00"],
    ["2024-01-20T14:00:00+07:00", "UTC", "2024-01-20 07:00:00"],
    ["2024-01-20T14:00:00+0700", "UTC", "2024-01-20 07:00:00"],
    // no zone: UTC; microseconds cut, never rounded up to the next second
    ["2024-08-30T09:41:10.999999", "UTC", "2024-08-30 09:41:10"],
    ["2024-12-31T20:30:00Z", "Asia/Ho_Chi_Minh", "2025-01-01 03:30:00"],
    ["2024-08-30 09:41", "Asia/Ho_Chi_Minh", "2024-08-30 16:41:00"],
  ])("%s in %s is %s", (value, zone, expected) => {
    expect(formatTimestamp(value, zone)).toBe(expected);
  });

  it("keeps text that is not an ISO time as the server sent it", () => {
    expect(formatTimestamp("yesterday", "UTC")).toBe("yesterday");
    expect(formatTimestamp("2024-13-45T99:00:00Z", "UTC")).toBe("2024-13-45T99:00:00Z");
  });
});

describe("checkTimeZone", () => {
  it("takes an IANA name as the user spelled it, for the header", () => {
    expect(checkTimeZone("Asia/Ho_Chi_Minh")).toBe("Asia/Ho_Chi_Minh");
    expect(checkTimeZone(" Europe/Berlin ")).toBe("Europe/Berlin");
  });

  it("refuses an unknown zone as a usage error naming it, in both languages", () => {
    const error = (() => {
      try {
        checkTimeZone("Mars/Olympus");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe("E_USAGE");
    expect((error as ToolError).text("en")).toContain("Mars/Olympus");
    expect((error as ToolError).text("vi")).toBe("--timezone Mars/Olympus không phải múi giờ mà máy này biết.");
  });
});

describe("typeWords", () => {
  it("writes the Vietnamese template's words, whatever the case the server sends; English and odd types as sent", () => {
    const [personal, company] = templateContent("vi").typeChoices;
    const vi = typeWords("vi");
    expect([vi("personal"), vi("Company"), vi("vip")]).toEqual([personal, company, "vip"]);
    expect(typeWords("en")("Company")).toBe("Company");
  });
});
