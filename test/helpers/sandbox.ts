import { createClient } from "../../src/api/client.js";
import type { ClientOptions } from "../../src/api/client.js";
import { startSandbox } from "../../src/sandbox/server.js";
import { SANDBOX_SEED } from "./cli.js";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/server.js";
import type { CustomerPayload } from "../../src/customers/types.js";

/** A sandbox on a free loopback port, and a client for it; close both after the test. */
export async function sandboxWithClient(options: SandboxOptions = {}, client: Partial<ClientOptions> = {}) {
  const sandbox = await startSandbox({ port: 0, seed: SANDBOX_SEED, ...options });
  const api = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, secretKey: sandbox.secretKey, ...client });
  return {
    sandbox,
    api,
    close: async () => {
      await api.close();
      await sandbox.close();
    },
  };
}

export function personal(code: string, extra: Partial<CustomerPayload["general_info"]> = {}): CustomerPayload {
  return { general_info: { name: `Nguyễn Văn ${code}`, customer_code: code, type: "personal", phone: "0933456789", phone_code: "+84", ...extra } };
}

export type { Sandbox };
