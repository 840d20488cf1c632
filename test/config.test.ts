// Resolving the connection: what is missing or unsafe, said in the run's language, never the secret.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { resolveConnection } from "../src/config.js";
import { ToolError } from "../src/errors.js";

const SECRET = "sk_never_printed_9f3a";
const flags = { insecureHttp: false, timeout: 90 };
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() ?? "", { recursive: true, force: true });
});

function refusal(run: () => unknown): ToolError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ToolError);
    return error as ToolError;
  }
  throw new Error("expected a refusal");
}

describe("resolveConnection in Vietnamese", () => {
  it("names the missing credential, where it was looked for, and how to set it", () => {
    const noId = refusal(() => resolveConnection(flags, { FINAN_SECRET_KEY: SECRET }, "/"));
    expect(noId.code).toBe("E_CREDENTIALS_MISSING");
    expect(noId.text("vi")).toBe("Thiếu client ID: chưa đặt FINAN_CLIENT_ID trong biến môi trường.");
    expect(noId.message).toBe("No client id: FINAN_CLIENT_ID is not set in the environment.");
    const unreadable = refusal(() => resolveConnection({ ...flags, envFile: "missing.env" }, { FINAN_CLIENT_ID: "c" }, "/nonexistent-finan-bulk"));
    expect(unreadable.text("vi")).toMatch(/^Không đọc được tệp --env-file \S*missing\.env: ENOENT\.$/);
  });

  it("warns, in the language, that an env file holding the secret is readable by others, without printing the secret", () => {
    const dir = mkdtempSync(join(tmpdir(), "finan-bulk-config-"));
    dirs.push(dir);
    writeFileSync(join(dir, "finan.env"), `FINAN_CLIENT_ID=c\nFINAN_SECRET_KEY=${SECRET}\n`);
    chmodSync(join(dir, "finan.env"), 0o644);
    const stderr = new PassThrough();
    const said: Buffer[] = [];
    stderr.on("data", (chunk: Buffer) => said.push(chunk));
    resolveConnection({ ...flags, envFile: "finan.env" }, {}, dir, stderr, "vi");
    const text = Buffer.concat(said).toString("utf8");
    expect(text).toBe("cảnh báo: tệp --env-file finan.env chứa FINAN_SECRET_KEY và mọi người dùng máy này đều đọc được (quyền 0644): hãy chạy chmod 600 finan.env\n");
    expect(text).not.toContain(SECRET);
  });

  it("a base URL that is not http(s)", () => {
    const error = refusal(() => resolveConnection({ ...flags, baseUrl: "ftp://api.finan.one/open" }, { FINAN_CLIENT_ID: "c", FINAN_SECRET_KEY: SECRET }, "/"));
    expect(error.code).toBe("E_CONFIG");
    expect(error.text("vi")).toBe("--base-url ftp://api.finan.one/open: phải là địa chỉ http(s), ví dụ https://api.finan.one/open");
    expect(error.message).toBe("--base-url ftp://api.finan.one/open: must be an http(s) URL such as https://api.finan.one/open");
  });
});
