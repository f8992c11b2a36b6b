import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { SingleBar } from "cli-progress";
import { renderStats } from "../tools/batch/batchStats.js";
import { runBatch } from "../tools/batch/runBatch.js";
import { safeLoadPolicy } from "../policy/loadPolicy.js";
import { CliExit, EXIT, clockFrom, displayPath } from "./io.js";

export interface BatchFlags {
  readonly output?: string;
  readonly workers?: string;
  readonly policy?: string;
  readonly now?: string;
  readonly timeZone?: string;
  readonly trace?: boolean;
  readonly quiet?: boolean;
}

/** `aftersales batch cases.ndjson [-o out.ndjson] [--workers N]`: NDJSON in, NDJSON out, in order. */
export async function batchCommand(input: string, flags: BatchFlags): Promise<number> {
  const workers = flags.workers === undefined ? Math.max(1, availableParallelism()) : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new CliExit(EXIT.usage, "--workers is a whole number from 0 to 256");
  if (flags.now) clockFrom(flags.now); // validate before starting threads
  if (flags.policy) {
    const loaded = safeLoadPolicy(displayPath(flags.policy));
    if (!loaded.success) throw new CliExit(EXIT.usage, `policy ${flags.policy} is invalid`, loaded.error.issues);
  }
  const output = flags.output ? createWriteStream(flags.output) : process.stdout;
  const progress = progressReporter(flags.quiet === true);
  const started = performance.now();
  let stats;
  try {
    stats = await runBatch({
      input,
      output,
      workers,
      ...(flags.policy ? { policyDir: flags.policy } : {}),
      ...(flags.now ? { now: flags.now } : {}),
      ...(flags.timeZone ? { timeZone: flags.timeZone } : {}),
      trace: flags.trace === true,
      onProgress: progress.update,
      ...(process.env.AFTERSALES_WORKER_HEAP_MB ? { workerHeapMb: Number(process.env.AFTERSALES_WORKER_HEAP_MB) } : {}),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliExit(EXIT.usage, `cannot read ${input}`);
    throw e;
  } finally {
    progress.stop();
  }
  if (output !== process.stdout) {
    output.end();
    await once(output, "finish");
  }
  process.stderr.write(`${renderStats(stats, (performance.now() - started) / 1000)}\n`);
  return stats.invalid > 0 ? EXIT.findings : EXIT.ok;
}

/** A bar with rate and ETA on a terminal; a plain line every 10 s or 10% otherwise. */
function progressReporter(quiet: boolean) {
  const started = performance.now();
  if (quiet) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: "{bar} {percentage}% | {lines} cases | {rate}/s | ETA {eta_formatted}", hideCursor: true, etaBuffer: 50, fps: 10 });
    let begun = false;
    return {
      update: (p: { lines: number; bytes: number; totalBytes: number }) => {
        if (!begun) bar.start(p.totalBytes, 0, { lines: 0, rate: 0 });
        begun = true;
        bar.update(p.bytes, { lines: p.lines, rate: Math.round(p.lines / ((performance.now() - started) / 1000)) });
      },
      stop: () => begun && bar.stop(),
    };
  }
  let lastTime = started;
  let lastShare = 0;
  return {
    update: (p: { lines: number; bytes: number; totalBytes: number }) => {
      const now = performance.now();
      const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : 1;
      if (now - lastTime < 10_000 && share - lastShare < 0.1) return;
      lastTime = now;
      lastShare = share;
      const rate = p.lines / ((now - started) / 1000);
      process.stderr.write(`${Math.floor(share * 100)}% ${p.lines} cases ${Math.round(rate)}/s\n`);
    },
    stop: () => {},
  };
}
