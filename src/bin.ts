#!/usr/bin/env node
import { main } from "./cli.js";
import { processIo } from "./io.js";

// Ctrl-C once: stop taking rows, finish what is in flight, write the report (exit 130). Twice: now.
const interrupt = new AbortController();
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
process.exitCode = await main(process.argv.slice(2), processIo(interrupt.signal));
