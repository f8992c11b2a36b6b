import { statSync, type Stats } from "node:fs";
import { availableParallelism } from "node:os";
import { SingleBar } from "cli-progress";
import { renderStats } from "../tools/batch/batchStats.js";
import { fdStats, openOutputFile, sameFile, type OutputFile } from "../tools/batch/outputFile.js";
import { BatchOutputError, DEFAULT_MAX_LINE_BYTES, describeErrno, runBatch, type BatchProgress, type BatchResult } from "../tools/batch/runBatch.js";
import { safeLoadPolicy } from "../policy/loadPolicy.js";
import { CliExit, EXIT, clockFrom, displayPath, timeZoneFrom } from "./io.js";

export interface BatchFlags {
  readonly output?: string;
  readonly workers?: string;
  readonly policy?: string;
  readonly now?: string;
  readonly timeZone?: string;
  readonly trace?: boolean;
  readonly quiet?: boolean;
  readonly maxLineBytes?: string;
}

/** The exit status of a run stopped by a signal, as a shell reports one: 128 + its number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * `aftersales batch cases.ndjson [-o out.ndjson] [--workers N]`: NDJSON in, NDJSON out, in
 * order, one output line per input line. `-` reads stdin or writes stdout, so batch is a
 * streaming filter.
 */
export async function batchCommand(input: string, flags: BatchFlags): Promise<number> {
  const workers = flags.workers === undefined ? Math.max(1, availableParallelism()) : Number(flags.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 256) throw new CliExit(EXIT.usage, "--workers is a whole number from 0 to 256");
  const maxLineBytes = flags.maxLineBytes === undefined ? DEFAULT_MAX_LINE_BYTES : Number(flags.maxLineBytes);
  if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) throw new CliExit(EXIT.usage, "--max-line-bytes is a whole number of bytes, at least 1");
  if (flags.now) clockFrom(flags.now); // validate before starting threads
  timeZoneFrom(flags.timeZone);
  if (flags.policy) {
    const loaded = safeLoadPolicy(displayPath(flags.policy));
    if (!loaded.success) throw new CliExit(EXIT.usage, `policy ${flags.policy} is invalid`, loaded.error.issues);
  }
  const fromStdin = input === "-";
  const toStdout = flags.output === undefined || flags.output === "-";
  const inputStats = fromStdin ? fdStats(0) : statOrExit(input);
  if (inputStats?.isDirectory()) throw new CliExit(EXIT.usage, `cannot read ${input}: it is a folder`);
  const outputName = toStdout ? "stdout" : flags.output!;
  refuseOutputIsInput(input, inputStats, toStdout ? fdStats(1) : statOrUndefined(flags.output!), outputName);

  const interruption = onInterrupt();
  let target: OutputFile | undefined;
  try {
    target = toStdout ? undefined : openOutputFile(flags.output!);
  } catch (e) {
    interruption.dispose();
    throw new CliExit(EXIT.usage, `cannot write ${flags.output}: ${describeErrno(e as NodeJS.ErrnoException)}`);
  }
  const output = target?.stream ?? process.stdout;
  const progress = progressReporter(flags.quiet === true);
  const started = performance.now();
  let result: BatchResult;
  try {
    result = await runBatch({
      input: fromStdin ? process.stdin : input,
      output,
      workers,
      maxLineBytes,
      ...(flags.policy ? { policyDir: flags.policy } : {}),
      ...(flags.now ? { now: flags.now } : {}),
      ...(flags.timeZone ? { timeZone: flags.timeZone } : {}),
      trace: flags.trace === true,
      onProgress: progress.update,
      signal: interruption.signal,
      ...(process.env.AFTERSALES_WORKER_HEAP_MB ? { workerHeapMb: Number(process.env.AFTERSALES_WORKER_HEAP_MB) } : {}),
    });
    await target?.commit();
  } catch (e) {
    await target?.discard();
    if (e instanceof BatchOutputError) {
      const left = target?.replacesFile ? `${outputName} was left as it was` : "what was written ends with the last whole line written";
      throw new CliExit(EXIT.usage, `cannot write ${outputName}: ${e.message}; ${left}`);
    }
    const errno = e as NodeJS.ErrnoException;
    // A system error reading the input, or committing the output (fsync, rename): named, exit 2.
    if (typeof errno.code === "string" && /^E[A-Z]+$/.test(errno.code)) {
      const reading = errno.syscall === "read" || errno.path === input;
      throw new CliExit(EXIT.usage, `cannot ${reading ? "read" : "write"} ${reading ? input : outputName}: ${errno.code} ${describeErrno(errno)}`);
    }
    throw e;
  } finally {
    progress.stop();
    interruption.dispose();
  }
  const lines = [renderStats(result, (performance.now() - started) / 1000)];
  if (result.workerCrashes > 0) lines.push(`worker threads stopped on ${result.workerCrashes} chunk(s); their lines were decided again one by one`);
  if (interruption.by) {
    lines.push(`interrupted by ${interruption.by} after ${result.linesRead.toLocaleString("en-US")} input lines: ${target ? outputName : "the output"} holds their ${result.linesRead.toLocaleString("en-US")} answers, in order; the rest of the input was not read`);
  }
  process.stderr.write(`${lines.join("\n")}\n`);
  if (interruption.by) return SIGNAL_EXIT[interruption.by];
  return result.invalid > 0 ? EXIT.findings : EXIT.ok;
}

function refuseOutputIsInput(input: string, inputStats: Stats | undefined, outputStats: Stats | undefined, outputName: string): void {
  // A regular file only: stdin and stdout on one terminal or pipe pair are no conflict.
  if (inputStats?.isFile() && outputStats?.isFile() && sameFile(inputStats, outputStats)) {
    throw new CliExit(EXIT.usage, `the output ${outputName} is the input ${input === "-" ? "(stdin)" : input}: choose another output file`);
  }
}

function statOrExit(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    throw new CliExit(EXIT.usage, `cannot read ${path}: ${describeErrno(e as NodeJS.ErrnoException)}`);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * SIGINT and SIGTERM stop reading; what was read is still decided and written, and the run
 * ends with the signal's exit status. A second signal ends the process at once.
 */
function onInterrupt() {
  const controller = new AbortController();
  const state: { by?: keyof typeof SIGNAL_EXIT; signal: AbortSignal; dispose: () => void } = {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigterm);
    },
  };
  const stop = (by: keyof typeof SIGNAL_EXIT) => {
    if (state.by) process.exit(SIGNAL_EXIT[by]);
    state.by = by;
    controller.abort();
  };
  const onSigint = () => stop("SIGINT");
  const onSigterm = () => stop("SIGTERM");
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigterm);
  return state;
}

/**
 * A bar with rate and ETA on a terminal when the input's size is known; counts and rate
 * otherwise (a pipe has no size, so no percentage), as a plain line every 10 s off a terminal.
 */
function progressReporter(quiet: boolean) {
  const started = performance.now();
  if (quiet) return { update: () => {}, stop: () => {} };
  const rateNow = (lines: number) => Math.round(lines / Math.max((performance.now() - started) / 1000, 1e-3));
  if (process.stderr.isTTY) {
    let bar: SingleBar | undefined;
    return {
      update: (p: BatchProgress) => {
        if (!bar) {
          const format = p.totalBytes !== undefined ? "{bar} {percentage}% | {lines} cases | {rate}/s | ETA {eta_formatted}" : "{lines} cases | {rate}/s";
          bar = new SingleBar({ format, hideCursor: true, etaBuffer: 50, fps: 10 });
          bar.start(p.totalBytes ?? 0, 0, { lines: 0, rate: 0 });
        }
        bar.update(p.totalBytes !== undefined ? p.bytes : 0, { lines: p.lines, rate: rateNow(p.lines) });
      },
      stop: () => bar?.stop(),
    };
  }
  let lastTime = started;
  let lastShare = 0;
  return {
    update: (p: BatchProgress) => {
      const now = performance.now();
      const share = p.totalBytes !== undefined ? (p.totalBytes > 0 ? p.bytes / p.totalBytes : 1) : undefined;
      if (now - lastTime < 10_000 && (share === undefined || share - lastShare < 0.1)) return;
      lastTime = now;
      if (share !== undefined) lastShare = share;
      process.stderr.write(`${share !== undefined ? `${Math.floor(share * 100)}% ` : ""}${p.lines} cases ${rateNow(p.lines)}/s\n`);
    },
    stop: () => {},
  };
}
