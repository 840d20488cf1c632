// Fails the test during which a promise rejection went unhandled or an exception went uncaught:
// in the CLI either one is a crash with a stack trace, so a test must never pass over one.
import { afterEach } from "vitest";

const escaped: { kind: string; error: unknown }[] = [];
process.on("unhandledRejection", (error) => escaped.push({ kind: "unhandled rejection", error }));
process.on("uncaughtException", (error) => escaped.push({ kind: "uncaught exception", error }));

afterEach(async () => {
  // a rejection is reported as unhandled only after the microtask queue drains: let it
  await new Promise((resolve) => setImmediate(resolve));
  const found = escaped.splice(0);
  if (found.length === 0) return;
  const described = found.map(({ kind, error }) => `${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  throw new Error(`The code under test let ${found.length} error(s) escape:\n${described.join("\n")}`);
});
