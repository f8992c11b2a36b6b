import { once } from "node:events";
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";
import { emptyStats, mergeStats, type BatchStats } from "./batchStats.js";
import { batchDecider, decideLines, type BatchWorkerData, type LinesChunk } from "./decideLines.js";

export interface BatchOptions extends BatchWorkerData {
  readonly input: string;
  readonly output: Writable;
  /** Worker threads; 0 decides on the calling thread. */
  readonly workers: number;
  readonly chunkSize?: number;
  readonly onProgress?: (p: { lines: number; bytes: number; totalBytes: number }) => void;
  /** Old-space limit of each worker thread in MB (default 64; the CLI reads AFTERSALES_WORKER_HEAP_MB). */
  readonly workerHeapMb?: number;
}

/**
 * Streams NDJSON cases in and decisions out with constant memory: lines go to workers in
 * chunks, at most two chunks per worker in flight, and results are written in input order
 * as they arrive (the head of the queue first), so the output never reorders.
 */
export async function runBatch(options: BatchOptions): Promise<BatchStats> {
  const chunkSize = options.chunkSize ?? 500;
  const totalBytes = statSync(options.input).size;
  const stats = emptyStats();
  const data: BatchWorkerData = {
    ...(options.policyDir ? { policyDir: options.policyDir } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    trace: options.trace === true,
  };

  let decide: (chunk: LinesChunk) => Promise<{ output: string | Uint8Array; stats: BatchStats }>;
  let pool: Tinypool | undefined;
  if (options.workers > 0) {
    const fromSource = import.meta.url.endsWith(".ts");
    pool = new Tinypool({
      // Running from source (tests), a shim registers the TypeScript loader in the worker.
      filename: fileURLToPath(new URL(fromSource ? "./worker-dev.mjs" : "./batchWorker.js", import.meta.url)),
      minThreads: options.workers,
      maxThreads: options.workers,
      workerData: data,
      // V8 sizes heaps from the machine's memory and collects lazily; a worker needs a few
      // MB live, so a small old space keeps peak RSS flat (measured in BENCHMARKS.md).
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 64, maxYoungGenerationSizeMb: 8 },
    });
    const decoder = new TextDecoder();
    decide = async (chunk) => {
      const bytes: Uint8Array = await pool!.run(chunk);
      const firstLine = bytes.indexOf(10);
      return { stats: JSON.parse(decoder.decode(bytes.subarray(0, firstLine))) as BatchStats, output: bytes.subarray(firstLine + 1) };
    };
  } else {
    const decider = batchDecider(data);
    decide = async (chunk) => decideLines(decider, chunk);
  }

  const stream = createReadStream(options.input, { encoding: "utf8", highWaterMark: 1 << 20 });
  let bytes = 0;
  stream.on("data", (b) => (bytes += Buffer.byteLength(b as string)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const inFlight: Promise<{ output: string | Uint8Array; stats: BatchStats }>[] = [];
  const maxInFlight = Math.max(1, options.workers) * 2;
  let lineNo = 0;
  let chunk: string[] = [];
  let firstLine = 1;

  const drainOne = async () => {
    const result = await inFlight.shift()!;
    mergeStats(stats, result.stats);
    if (!options.output.write(result.output)) await once(options.output, "drain");
    options.onProgress?.({ lines: stats.decided + stats.invalid, bytes, totalBytes });
  };
  const submit = async () => {
    if (chunk.length === 0) return;
    inFlight.push(decide({ lines: chunk, firstLine }));
    chunk = [];
    firstLine = lineNo + 1;
    if (inFlight.length >= maxInFlight) await drainOne();
  };

  try {
    for await (const line of lines) {
      lineNo++;
      chunk.push(line);
      if (chunk.length >= chunkSize) await submit();
    }
    await submit();
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool?.destroy();
  }
  return stats;
}
