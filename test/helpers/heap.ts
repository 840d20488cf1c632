// What a structure costs in memory: bytes in use (JS heap and off-heap buffers) after a full GC.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Heap in use plus off-heap buffers (typed arrays live there). */
export function usedBytes(): number {
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return heapUsed + Math.max(external, arrayBuffers);
}

/** A full GC, without starting node with --expose-gc. */
export function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
