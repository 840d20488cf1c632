// Which language the tool speaks, from the flag, then FINAN_BULK_LANG, then the locale.
import { describe, expect, it } from "vitest";
import { langFromArgv, langFromEnv } from "../../src/i18n/lang.js";

describe("the language", () => {
  it("comes from FINAN_BULK_LANG first, then the first of LC_ALL, LC_MESSAGES, LANG that is set", () => {
    expect(langFromEnv({})).toBe("en");
    expect(langFromEnv({ LANG: "vi_VN.UTF-8" })).toBe("vi");
    expect(langFromEnv({ LANG: "vi_VN.UTF-8", LC_ALL: "C.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "en_US.UTF-8", LC_MESSAGES: "vi_VN" })).toBe("vi");
    expect(langFromEnv({ LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_ALL: "", LANG: "vi" })).toBe("vi");
    expect(langFromEnv({ FINAN_BULK_LANG: "en", LANG: "vi_VN.UTF-8" })).toBe("en");
    expect(langFromEnv({ FINAN_BULK_LANG: "VI", LANG: "C" })).toBe("vi");
  });

  it("is read from --lang before yargs runs, the last one winning, never past --", () => {
    expect(langFromArgv(["validate", "a.csv", "--lang", "vi"])).toBe("vi");
    expect(langFromArgv(["validate", "--lang=vi", "a.csv", "--lang=en"])).toBe("en");
    expect(langFromArgv(["validate", "a.csv"])).toBeUndefined();
    expect(langFromArgv(["validate", "--", "--lang", "vi"])).toBeUndefined();
  });
});
