import { afterEach } from "vitest";
import { startSandbox } from "../../src/sandbox/server.js";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import { sandboxEnv, tempDir } from "./cli.js";

/**
 * For a test file: `setup()` starts a sandbox on a free loopback port and makes a temp folder,
 * both gone after each test; `env` points the CLI at that sandbox.
 */
export function sandboxPerTest() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });
  return {
    cleanups,
    async setup(options: SandboxOptions = {}) {
      const sandbox = await startSandbox({ port: 0, ...options });
      const dir = await tempDir();
      cleanups.push(() => sandbox.close(), dir.cleanup);
      return { sandbox, dir: dir.path, env: sandboxEnv(sandbox) };
    },
  };
}
