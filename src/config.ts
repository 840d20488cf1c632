// Connection settings resolved once: flag > environment > --env-file > default.
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Writable } from "node:stream";
import { parseEnv } from "node:util";
import { z } from "zod";
import { ToolError } from "./errors.js";
import { writeLine } from "./io.js";
import { msg, t } from "./i18n/text.js";
import type { Lang } from "./i18n/lang.js";

export const DEFAULT_BASE_URL = "https://api.finan.one/open";

export interface ConnectionFlags {
  baseUrl?: string | undefined;
  clientId?: string | undefined;
  envFile?: string | undefined;
  insecureHttp: boolean;
  /** seconds; the flag's default is declared with the flag (commands/options.ts) */
  timeout: number;
}

export interface Connection {
  baseUrl: string;
  clientId: string;
  /** never printed, logged or written anywhere */
  secretKey: string;
  timeoutMs: number;
}

const connectionSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  clientId: z.string().trim().min(1),
  secretKey: z.string().min(1),
  timeoutMs: z.number().int().positive(),
});

/**
 * Flag > environment > --env-file > default, resolved once. The secret comes only from the
 * environment or the env file: no flag carries it, so it never lands in shell history.
 * A warning goes to `stderr` in `lang`.
 */
export function resolveConnection(flags: ConnectionFlags, env: Readonly<Record<string, string | undefined>>, cwd: string, stderr?: Writable, lang: Lang = "en"): Connection {
  const fileEnv = flags.envFile ? readEnvFile(resolve(cwd, flags.envFile)) : {};
  if (flags.envFile && nonEmpty(fileEnv.FINAN_SECRET_KEY) && stderr) {
    const exposed = exposure(resolve(cwd, flags.envFile));
    if (exposed) writeLine(stderr, t(lang, exposed.who === "world" ? "config.envFileExposed.world" : "config.envFileExposed.group", { file: flags.envFile, mode: exposed.mode }));
  }
  const pick = (name: string) => nonEmpty(env[name]) ?? nonEmpty(fileEnv[name]);
  const baseUrl = nonEmpty(flags.baseUrl) ?? pick("FINAN_BASE_URL") ?? DEFAULT_BASE_URL;
  const clientId = nonEmpty(flags.clientId) ?? pick("FINAN_CLIENT_ID");
  const secretKey = pick("FINAN_SECRET_KEY");
  const where = flags.envFile ? msg("config.where.envOrFile", { file: flags.envFile }) : msg("config.where.env");
  if (!clientId) throw new ToolError("E_CREDENTIALS_MISSING", msg("config.noClientId", { where }), { hint: msg("config.noClientIdHint") });
  if (!secretKey) throw new ToolError("E_CREDENTIALS_MISSING", msg("config.noSecret", { where }), { hint: msg("config.noSecretHint") });
  const parsed = connectionSchema.safeParse({ baseUrl, clientId, secretKey, timeoutMs: Math.round(flags.timeout * 1000) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const isUrl = issue?.path[0] === "baseUrl";
    const field = isUrl ? `--base-url ${baseUrl}` : String(issue?.path[0] ?? "option");
    throw new ToolError("E_CONFIG", msg("config.invalid", { field, reason: isUrl ? msg("config.badUrl") : msg("config.invalidValue") }));
  }
  assertSafeTransport(parsed.data.baseUrl, flags.insecureHttp);
  return parsed.data;
}

/** Plain http sends the signed requests and personal data in clear: only to this machine. */
export function assertSafeTransport(baseUrl: string, insecureHttp: boolean): void {
  const url = new URL(baseUrl);
  if (url.protocol === "https:" || insecureHttp) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const loopback = host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!loopback) {
    throw new ToolError("E_INSECURE_URL", msg("config.insecure", { host: url.host }), { hint: msg("config.insecureHint") });
  }
}

function readEnvFile(path: string): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ToolError("E_CONFIG", msg("config.envFileUnreadable", { file: path, code: (error as NodeJS.ErrnoException).code ?? msg("config.unreadable") }), { cause: error });
  }
  return parseEnv(text) as Record<string, string | undefined>;
}

/** Who besides the owner can read the file; undefined when no one can (or modes mean nothing, on Windows). */
function exposure(path: string): { who: "world" | "group"; mode: string } | undefined {
  if (process.platform === "win32") return undefined;
  const mode = statSync(path).mode & 0o777;
  const octal = mode.toString(8).padStart(4, "0");
  if (mode & 0o004) return { who: "world", mode: octal };
  if (mode & 0o040) return { who: "group", mode: octal };
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}
