// The unit project's rule, enforced: a test there that opens a socket or starts a process fails
// at once, saying to move its file to the system project (vitest.config.ts).
import { ChildProcess } from "node:child_process";
import { Server } from "node:net";

const refuse = (what: string) => () => {
  throw new Error(`A unit test ${what}: list its file under the system project in vitest.config.ts.`);
};
Server.prototype.listen = refuse("opened a listening socket (a sandbox or a server)");
// spawn, exec and fork all start through this (undeclared) method
(ChildProcess.prototype as unknown as { spawn: () => never }).spawn = refuse("started a child process");
