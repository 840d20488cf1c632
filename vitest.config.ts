import { defineConfig } from "vitest/config";

// Files that run the sandbox over HTTP, a purpose-built server, child processes or kills; every
// other test file is a unit test (test/setup/no-sockets-or-children.ts holds them to it).
const system = [
  "test/api/client.test.ts",
  "test/api/paginate.test.ts",
  "test/api/vietnamese.test.ts",
  "test/cli/escaped-errors.test.ts",
  "test/cli/json.test.ts",
  "test/cli/lang-summaries.test.ts",
  "test/customers/invisible.test.ts",
  "test/i18n/no-english.test.ts",
  "test/export/{accounting,control-characters,cron,csv-safety,export,failures-vi,hostile-servers,lang-vi,line-breaks,live-changes,round-trip,run,xlsx}.test.ts",
  "test/import/{delete,faults,import,lang-plan,lang-round-trip,libreoffice,lock,modes,pace,report-names,resume,undo,unknown-outcomes}.test.ts",
  "test/output/terminal.test.ts",
  "test/profiles/{defaults,export-profile}.test.ts",
  "test/reliability/**/*.test.ts",
  "test/samples/**/*.test.ts",
  "test/sandbox/**/*.test.ts",
  "test/security/**/*.test.ts",
  "test/spreadsheet/{read-csv,write}.test.ts",
  "test/undo/**/*.test.ts",
];

export default defineConfig({
  test: {
    // no include here: a project that extends this config would add its own to it, not replace it
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // vitest's default on 2 cores is one worker; most files wait on sockets, children and timers, so two overlap well
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // any unhandled rejection or uncaught exception fails the test it happened in
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: system, setupFiles: ["test/setup/no-unhandled.ts", "test/setup/no-sockets-or-children.ts"] },
      },
      {
        extends: true,
        test: { name: "system", include: system, setupFiles: ["test/setup/no-unhandled.ts"] },
      },
    ],
  },
});
