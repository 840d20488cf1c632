import { describe, expect, it } from "vitest";
import { ToolError } from "../src/errors.js";
import { cannotWrite } from "../src/file-errors.js";

const failure = (code: string) => Object.assign(new Error(`${code}: raw system message`), { code });

describe("cannotWrite", () => {
  it.each([
    ["ENOSPC", "linux", "the disk is full", "Free some space"],
    ["EDQUOT", "linux", "your disk quota is used up", "Free some space"],
    ["EIO", "linux", "the disk reported an input/output error", "Choose another path"],
    ["EROFS", "linux", "the file system is read-only", "Choose another path"],
    ["ELOOP", "linux", "it is a symbolic link, and finan-bulk does not write through links", "Remove the link"],
    ["EBUSY", "win32", "the file is open in another program (close it in Excel)", "Close the file in Excel"],
    ["EPERM", "win32", "the file is open in another program (close it in Excel)", "Close the file in Excel"],
    ["EPERM", "linux", "permission denied", "Choose another path"],
  ] as const)("%s on %s: one sentence naming the file and the cause, and what to do", (code, platform, cause, hint) => {
    const error = cannotWrite("C:\\Users\\An\\khach-hang.report.xlsx", failure(code), { platform });
    expect(error).toBeInstanceOf(ToolError);
    expect(error.message).toBe(`Cannot write C:\\Users\\An\\khach-hang.report.xlsx: ${cause}.`);
    expect(error.hint).toMatch(new RegExp(`^${hint}`));
    expect(error.exitCode).toBe(2);
  });

  it("keeps the system's own words for a cause it has no sentence for", () => {
    expect(cannotWrite("out.csv", failure("EWHATEVER")).message).toBe("Cannot write out.csv: EWHATEVER: raw system message.");
  });
});
