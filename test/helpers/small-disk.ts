// A tiny filesystem for disk-full tests: a tmpfs mounted by the test (needs root), removed after.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why small disks cannot be mounted here, or undefined when they can (checked once, by mounting one). */
export const noSmallDisk: string | undefined = probe();

function probe(): string | undefined {
  if (process.platform !== "linux") return "tmpfs mounts need Linux";
  if (process.getuid?.() !== 0) return "mounting a tmpfs needs root";
  try {
    smallDisk(64).unmount();
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs: ${(error as Error).message}`;
  }
}

/** A folder on a fresh tmpfs of `kib` KiB; unmount() removes it with everything on it. */
export function smallDisk(kib: number): { path: string; unmount: () => void } {
  const path = mkdtempSync(join(tmpdir(), "finan-bulk-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${kib}k,mode=0755`, "tmpfs", path], { stdio: "pipe" });
  } catch (error) {
    rmSync(path, { recursive: true, force: true });
    throw error;
  }
  return {
    path,
    unmount: () => {
      try {
        execFileSync("umount", [path], { stdio: "pipe" });
      } catch (error) {
        // "busy": the code under test left a file open there. Detach it anyway, then fail the test.
        execFileSync("umount", ["--lazy", path], { stdio: "pipe" });
        throw new Error(`A file on the test's small disk was left open: ${(error as Error).message}`);
      } finally {
        rmSync(path, { recursive: true, force: true });
      }
    },
  };
}
