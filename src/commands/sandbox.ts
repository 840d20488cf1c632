import { startSandbox } from "../sandbox/server.js";
import { writeLine } from "../io.js";
import { defineCommand } from "./define.js";

/** `finan-bulk sandbox`: the emulator in the foreground until Ctrl-C. */
export const sandboxCommand = defineCommand({
  builder: (y) =>
    y
      .option("port", { type: "number", default: 8787, describe: "Port on 127.0.0.1 (0 picks a free one)" })
      .option("data", { type: "string", describe: "Persist customers in this JSON file" })
      .option("rate-limit", { type: "number", describe: "Answer 429 beyond N requests per second" })
      .option("fail-rate", { type: "number", describe: "Fraction (0-1) of requests that fail: 500/503, dropped connections, writes applied then dropped" })
      .option("latency", { type: "number", describe: "Milliseconds added to every answer" })
      .option("paging", { choices: ["meta", "short", "ignore"] as const, default: "meta" as const, describe: "How the list pages" })
      .option("page-size-max", { type: "number", describe: "Silently cap page_size" })
      .option("unpaid-code", { type: "string", array: true, describe: "Customer codes marked as having unpaid invoices (DELETE refused)" })
      .example("$0 sandbox --port 0", "Start on a free port; prints the base URL and credentials"),
  run: async (args, io) => {
    const clientId = io.env.FINAN_CLIENT_ID;
    const secretKey = io.env.FINAN_SECRET_KEY;
    const fromEnv = Boolean(clientId && secretKey);
    const sandbox = await startSandbox({
      port: args.port,
      ...(fromEnv ? { clientId, secretKey } : {}),
      ...(args.data === undefined ? {} : { dataFile: args.data }),
      ...(args.rateLimit === undefined ? {} : { rateLimit: args.rateLimit }),
      ...(args.failRate === undefined ? {} : { failRate: args.failRate }),
      ...(args.latency === undefined ? {} : { latencyMs: args.latency }),
      paging: args.paging,
      ...(args.pageSizeMax === undefined ? {} : { pageSizeMax: args.pageSizeMax }),
      ...(args.unpaidCode === undefined ? {} : { unpaidCodes: args.unpaidCode }),
    });
    writeLine(io.stderr, `Finan sandbox listening on ${sandbox.url}`);
    writeLine(io.stdout, `FINAN_BASE_URL=${sandbox.url}`);
    if (fromEnv) {
      // The secret is the user's own: never echo it.
      writeLine(io.stdout, `FINAN_CLIENT_ID=${sandbox.clientId}`);
      writeLine(io.stderr, "Accepting the FINAN_CLIENT_ID / FINAN_SECRET_KEY pair from your environment.");
    } else {
      writeLine(io.stdout, `FINAN_CLIENT_ID=${sandbox.clientId}`);
      writeLine(io.stdout, `FINAN_SECRET_KEY=${sandbox.secretKey}`);
      writeLine(io.stderr, "These are the sandbox's fixed demo credentials; they work nowhere else.");
    }
    writeLine(io.stderr, args.data ? `Customers are kept in ${args.data}.` : "Customers live in memory until you stop it (Ctrl-C).");
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await sandbox.close();
    writeLine(io.stderr, "Sandbox stopped.");
    return { failing: 0 };
  },
});
