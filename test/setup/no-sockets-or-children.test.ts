// The unit project's boundary holds: a unit test that opens a socket or starts a process is told where it belongs.
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";

describe("a unit test", () => {
  it("cannot listen on a socket (a sandbox, a fake server): it belongs to the system project", () => {
    const server = createServer();
    expect(() => server.listen(0, "127.0.0.1")).toThrow(/opened a listening socket .*system project in vitest\.config\.ts/);
    expect(server.listening).toBe(false);
  });

  it("cannot start a child process, by spawn or exec alike", () => {
    expect(() => spawn(process.execPath, ["-e", ""])).toThrow(/started a child process.*system project/);
    expect(() => execFile(process.execPath, ["-e", ""])).toThrow(/started a child process/);
  });
});
