import { workerData } from "node:worker_threads";
import Tinypool from "tinypool";
import { createDecider } from "../decision/createDecider.js";
import { defaultPolicy } from "../policy/defaultPolicy.js";
import { loadPolicy } from "../policy/loadPolicy.js";
import { decideLines, type LinesChunk } from "./decideLines.js";

export interface BatchWorkerData {
  readonly policyDir?: string;
  readonly now?: string;
  readonly timeZone?: string;
  readonly trace?: boolean;
}

// One decider per worker thread, built once: the policy is loaded and compiled here.
// tinypool hands the pool's workerData over as the second element of its own pair.
const data = ((Array.isArray(workerData) ? workerData[1] : workerData) ?? {}) as BatchWorkerData;
const decider = createDecider({
  policy: data.policyDir ? loadPolicy(data.policyDir) : defaultPolicy(),
  ...(data.now ? { clock: () => new Date(data.now!) } : {}),
  ...(data.timeZone ? { timeZone: data.timeZone } : {}),
  trace: data.trace === true,
});

const encoder = new TextEncoder();

/**
 * Decides a chunk and hands back one UTF-8 buffer, moved (not copied) to the main thread:
 * the stats as the first line, then the output lines. The main thread writes the bytes
 * without ever holding the output as a string on its heap.
 */
export default function decideChunk(chunk: LinesChunk) {
  const { output, stats } = decideLines(decider, chunk);
  return Tinypool.move(encoder.encode(`${JSON.stringify(stats)}\n${output}`));
}
