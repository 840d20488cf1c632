import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // any unhandled rejection or uncaught exception fails the test it happened in
    setupFiles: ["test/setup/no-unhandled.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
