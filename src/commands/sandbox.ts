import { resolve } from "node:path";
import { startSandbox } from "../sandbox/server.js";
import { writeLine } from "../io.js";
import { t, verbatim } from "../i18n/text.js";
import { defineCommand } from "./define.js";

/** `finan-bulk sandbox`: the emulator in the foreground until Ctrl-C. */
export const sandboxCommand = defineCommand({
  builder: (y, lang) =>
    y
      .option("port", { type: "number", default: 8787, describe: t(lang, "cli.help.sandbox.port") })
      .option("data", { type: "string", describe: t(lang, "cli.help.sandbox.data") })
      .option("rate-limit", { type: "number", describe: t(lang, "cli.help.sandbox.rateLimit") })
      .option("fail-rate", { type: "number", describe: t(lang, "cli.help.sandbox.failRate") })
      .option("latency", { type: "number", describe: t(lang, "cli.help.sandbox.latency") })
      .option("paging", { choices: ["meta", "short", "ignore"] as const, default: "meta" as const, describe: t(lang, "cli.help.sandbox.paging") })
      .option("page-size-max", { type: "number", describe: t(lang, "cli.help.sandbox.pageSizeMax") })
      .option("unpaid-code", { type: "string", array: true, describe: t(lang, "cli.help.sandbox.unpaidCode") })
      .example("$0 sandbox --port 0", t(lang, "cli.help.sandbox.example")),
  run: async (args, io) => {
    const clientId = io.env.FINAN_CLIENT_ID;
    const secretKey = io.env.FINAN_SECRET_KEY;
    const fromEnv = Boolean(clientId && secretKey);
    const sandbox = await startSandbox({
      port: args.port,
      ...(fromEnv ? { clientId, secretKey } : {}),
      // found from the folder the user is in, as every other file name given
      ...(args.data === undefined ? {} : { dataFile: resolve(io.cwd, args.data) }),
      ...(args.rateLimit === undefined ? {} : { rateLimit: args.rateLimit }),
      ...(args.failRate === undefined ? {} : { failRate: args.failRate }),
      ...(args.latency === undefined ? {} : { latencyMs: args.latency }),
      paging: args.paging,
      ...(args.pageSizeMax === undefined ? {} : { pageSizeMax: args.pageSizeMax }),
      ...(args.unpaidCode === undefined ? {} : { unpaidCodes: args.unpaidCode }),
    });
    writeLine(io.stderr, t(io.lang, "sandbox.listening", { url: sandbox.url }));
    // KEY=value lines for a shell or an env file to read: the same in every language
    writeLine(io.stdout, verbatim(`FINAN_BASE_URL=${sandbox.url}`));
    if (fromEnv) {
      // The secret is the user's own: never echo it.
      writeLine(io.stdout, verbatim(`FINAN_CLIENT_ID=${sandbox.clientId}`));
      writeLine(io.stderr, t(io.lang, "sandbox.ownCredentials"));
    } else {
      writeLine(io.stdout, verbatim(`FINAN_CLIENT_ID=${sandbox.clientId}`));
      writeLine(io.stdout, verbatim(`FINAN_SECRET_KEY=${sandbox.secretKey}`));
      writeLine(io.stderr, t(io.lang, "sandbox.demoCredentials"));
    }
    writeLine(io.stderr, args.data ? t(io.lang, "sandbox.dataFile", { file: args.data }) : t(io.lang, "sandbox.inMemory"));
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await sandbox.close();
    writeLine(io.stderr, t(io.lang, "sandbox.stopped"));
    return { failing: 0 };
  },
});
