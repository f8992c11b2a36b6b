import { workerData } from "node:worker_threads";
import Tinypool from "tinypool";
import { batchDecider, decideLines, type BatchWorkerData, type LinesChunk } from "./decideLines.js";

// One decider per worker thread, built once: the policy is loaded and compiled here.
// tinypool hands the pool's workerData over as the second element of its own pair.
const data = ((Array.isArray(workerData) ? workerData[1] : workerData) ?? {}) as BatchWorkerData;
const decider = batchDecider(data);

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
