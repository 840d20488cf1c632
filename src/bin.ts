#!/usr/bin/env node
// The executable: main() on the real process, with its stop signals; nothing else.
import { main } from "./cli.js";
import { processIo } from "./io.js";
import { langFromArgv, langFromEnv } from "./i18n/lang.js";
import { listenForStop, reportEscapedErrors } from "./stop-signals.js";

// Ctrl-C, SIGTERM or SIGHUP once: stop taking rows, finish what is in flight, write the report
// (exit 130, 143, 129). Twice: now.
const stop = listenForStop();
// After SIGHUP the terminal is gone: a message that cannot reach it must not stop the run writing its report.
process.stderr.on("error", () => undefined);
reportEscapedErrors(process.argv.includes("--debug"), langFromArgv(process.argv.slice(2)) ?? langFromEnv(process.env));
process.exitCode = stop.exitCode(await main(process.argv.slice(2), processIo(stop.signal)));
