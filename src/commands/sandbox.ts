import { startSandbox } from "../sandbox/server.js";
import type { Io } from "../io.js";
import { writeLine } from "../io.js";

interface SandboxArgs {
  port?: number;
  data?: string;
  rateLimit?: number;
  failRate?: number;
  latency?: number;
  paging?: "meta" | "short" | "ignore";
  pageSizeMax?: number;
  unpaidCode?: string[];
}

/** `finan-bulk sandbox`: the emulator in the foreground until Ctrl-C. */
export async function sandboxCommand(args: SandboxArgs, io: Io): Promise<number> {
  const clientId = io.env.FINAN_CLIENT_ID;
  const secretKey = io.env.FINAN_SECRET_KEY;
  const fromEnv = Boolean(clientId && secretKey);
  const sandbox = await startSandbox({
    port: args.port ?? 8787,
    ...(fromEnv ? { clientId, secretKey } : {}),
    ...(args.data === undefined ? {} : { dataFile: args.data }),
    ...(args.rateLimit === undefined ? {} : { rateLimit: args.rateLimit }),
    ...(args.failRate === undefined ? {} : { failRate: args.failRate }),
    ...(args.latency === undefined ? {} : { latencyMs: args.latency }),
    ...(args.paging === undefined ? {} : { paging: args.paging }),
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
  return 0;
}
