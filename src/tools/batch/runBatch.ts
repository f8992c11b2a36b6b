import { once } from "node:events";
import { createReadStream, fstatSync, openSync } from "node:fs";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";
import { emptyStats, mergeStats, type BatchStats } from "./batchStats.js";
import { batchDecider, decideLines, errorLine, type BatchWorkerData, type LinesChunk } from "./decideLines.js";
import { ndjsonLines } from "./ndjsonLines.js";
import { BatchOutputError } from "./outputError.js";

export { BatchOutputError, describeErrno } from "./outputError.js";

export interface BatchProgress {
  /** Input lines answered so far (written to the output). */
  readonly lines: number;
  /** Input bytes read so far. */
  readonly bytes: number;
  /** The input's size when it is a regular file; unknown for a pipe or a terminal. */
  readonly totalBytes?: number;
}

export interface BatchOptions extends BatchWorkerData {
  /** A file path, or a byte stream such as `process.stdin`. */
  readonly input: string | NodeJS.ReadableStream;
  readonly output: Writable;
  /** Worker threads; 0 decides on the calling thread. */
  readonly workers: number;
  /** Lines per chunk sent to a worker (at most; a chunk also ends at 4 MiB). */
  readonly chunkSize?: number;
  /** A longer input line gets a `too_large` error line and never reaches a worker (default 1 MiB). */
  readonly maxLineBytes?: number;
  readonly onProgress?: (p: BatchProgress) => void;
  /**
   * Old-space limit of each worker thread in MB (the CLI reads AFTERSALES_WORKER_HEAP_MB).
   * Default: 64, raised with `maxLineBytes` so that the largest line a worker may get fits.
   */
  readonly workerHeapMb?: number;
  /** The module a worker thread runs, instead of the bundled one (tests substitute one that dies). */
  readonly workerFile?: string;
  /** Aborting stops reading: what was read is still decided and written, whole lines only. */
  readonly signal?: AbortSignal;
}

export interface BatchResult extends BatchStats {
  /** Input lines read (each has exactly one output line). */
  readonly linesRead: number;
  /** Whether `signal` stopped the run before the end of the input. */
  readonly interrupted: boolean;
  /** Chunks whose worker died (out of memory, crash): their lines were redone one by one. */
  readonly workerCrashes: number;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
const MAX_CHUNK_BYTES = 4 << 20;

type Decided = { output: string | Uint8Array; stats: BatchStats };

/**
 * Streams NDJSON cases in and decisions out with constant memory: lines go to workers in
 * chunks, at most two chunks per worker in flight, and results are written in input order
 * as they arrive (the head of the queue first), so the output never reorders. Every input
 * line gets exactly one output line, whatever a line does to a worker.
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const chunkSize = options.chunkSize ?? 500;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const stats = emptyStats();
  const data: BatchWorkerData = {
    ...(options.policyDir ? { policyDir: options.policyDir } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    trace: options.trace === true,
  };

  // Opened before any thread starts: an unreadable input stops the run at once.
  const { stream, totalBytes } = openInput(options.input);
  let workerCrashes = 0;
  let decide: (chunk: LinesChunk) => Promise<Decided>;
  let pool: Tinypool | undefined;
  if (options.workers > 0) {
    const fromSource = import.meta.url.endsWith(".ts");
    pool = new Tinypool({
      // Running from source (tests), a shim registers the TypeScript loader in the worker.
      filename: options.workerFile ?? fileURLToPath(new URL(fromSource ? "./worker-dev.mjs" : "./batchWorker.js", import.meta.url)),
      minThreads: options.workers,
      maxThreads: options.workers,
      workerData: data,
      // V8 sizes heaps from the machine's memory and collects lazily; a worker needs a few
      // MB live, so a small old space keeps peak RSS flat (measured in BENCHMARKS.md).
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? workerHeapFor(maxLineBytes), maxYoungGenerationSizeMb: 8 },
    });
    const decoder = new TextDecoder();
    const inWorker = async (chunk: LinesChunk): Promise<Decided> => {
      const bytes: Uint8Array = await pool!.run(chunk);
      const firstLine = bytes.indexOf(10);
      return { stats: JSON.parse(decoder.decode(bytes.subarray(0, firstLine))) as BatchStats, output: bytes.subarray(firstLine + 1) };
    };
    decide = async (chunk) => {
      try {
        return await inWorker(chunk);
      } catch {
        // The worker died with the chunk (tinypool starts another): redo its lines one by
        // one, so only a line that kills a worker on its own is lost, and it says so.
        workerCrashes++;
        const redone = emptyStats();
        let output = "";
        for (let i = 0; i < chunk.lines.length; i++) {
          const line = chunk.firstLine + i;
          try {
            const one = await inWorker({ firstLine: line, lines: [chunk.lines[i]!] });
            mergeStats(redone, one.stats);
            output += typeof one.output === "string" ? one.output : decoder.decode(one.output);
          } catch (e) {
            redone.invalid++;
            output += errorLine(line, { code: "worker_crashed", message: `deciding this line stopped its worker thread: ${(e as Error)?.message ?? String(e)}` });
          }
        }
        return { stats: redone, output };
      }
    };
  } else {
    const decider = batchDecider(data);
    decide = async (chunk) => decideLines(decider, chunk);
  }

  let writeError: NodeJS.ErrnoException | undefined;
  const onWriteError = (e: NodeJS.ErrnoException) => void (writeError ??= e);
  options.output.on("error", onWriteError);
  const write = async (bytes: string | Uint8Array) => {
    if (writeError) throw new BatchOutputError(writeError);
    try {
      if (!options.output.write(bytes)) await once(options.output, "drain");
    } catch (e) {
      writeError ??= e as NodeJS.ErrnoException;
    }
    if (writeError) throw new BatchOutputError(writeError);
  };

  let bytesRead = 0;
  stream.on("data", (b: Buffer | string) => void (bytesRead += typeof b === "string" ? Buffer.byteLength(b) : b.length));
  const inFlight: Promise<Decided>[] = [];
  const maxInFlight = Math.max(1, options.workers) * 2;
  let linesRead = 0;
  let answered = 0;
  let chunk: (string | { code: string; message: string })[] = [];
  let chunkBytes = 0;
  let firstLine = 1;
  let interrupted = false;

  const drainOne = async () => {
    const result = await inFlight.shift()!;
    await write(result.output);
    mergeStats(stats, result.stats);
    answered = stats.decided + stats.invalid;
    options.onProgress?.({ lines: answered, bytes: bytesRead, ...(totalBytes !== undefined ? { totalBytes } : {}) });
  };
  const submit = async () => {
    if (chunk.length === 0) return;
    const pending = decide({ lines: chunk, firstLine });
    pending.catch(() => {}); // awaited in order by drainOne; never an unhandled rejection meanwhile
    inFlight.push(pending);
    chunk = [];
    chunkBytes = 0;
    firstLine = linesRead + 1;
    if (inFlight.length >= maxInFlight) await drainOne();
  };
  const stop = () => {
    interrupted = true;
    stream.destroy?.();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });

  try {
    try {
      for await (const input of ndjsonLines(stream as AsyncIterable<Uint8Array>, { maxLineBytes })) {
        linesRead = input.line;
        if ("text" in input) {
          chunk.push(input.text);
          chunkBytes += input.text.length;
        } else chunk.push(input.problem);
        if (chunk.length >= chunkSize || chunkBytes >= MAX_CHUNK_BYTES) await submit();
        if (interrupted) break;
      }
    } catch (e) {
      // Destroying the input to stop reading ends the iteration with a premature close.
      if (!interrupted) throw e;
    }
    await submit();
    while (inFlight.length > 0) await drainOne();
  } finally {
    options.signal?.removeEventListener("abort", stop);
    options.output.off("error", onWriteError);
    // Keep a listener: a late write error after this run must not crash the process.
    options.output.on("error", () => {});
    stream.destroy?.();
    await pool?.destroy();
  }
  return { ...stats, linesRead, interrupted, workerCrashes };
}

/**
 * A worker heap that holds the largest line it may get. JSON.parse of `[{},{},…]` costs
 * about 13 bytes of heap per byte of text, and V8 cannot stop a worker inside one
 * JSON.parse: a worker that runs out of heap there ends the whole process, not just the
 * thread. So the line limit, not the crash recovery, is what keeps one line from ending a
 * batch, and the heap grows with it (16 MB per MiB of line, at least 64 MB).
 */
export function workerHeapFor(maxLineBytes: number): number {
  return Math.max(64, 48 + 16 * Math.ceil(maxLineBytes / (1 << 20)));
}

function openInput(input: string | NodeJS.ReadableStream): { stream: NodeJS.ReadableStream & { destroy?: () => void }; totalBytes?: number } {
  if (typeof input !== "string") return { stream: input as NodeJS.ReadableStream & { destroy?: () => void } };
  const fd = openSync(input, "r");
  const stat = fstatSync(fd);
  if (stat.isDirectory()) {
    const e = new Error(`EISDIR: illegal operation on a directory, read '${input}'`) as NodeJS.ErrnoException;
    e.code = "EISDIR";
    throw e;
  }
  return { stream: createReadStream("", { fd, highWaterMark: 1 << 20 }), ...(stat.isFile() ? { totalBytes: stat.size } : {}) };
}
