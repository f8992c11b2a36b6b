import { randomBytes } from "node:crypto";
import { createWriteStream, fstatSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { BatchOutputError } from "./outputError.js";

/** Where a batch writes: a stream now, and the file in place only when the run is done. */
export interface OutputFile {
  readonly stream: Writable;
  /** Whether the output goes to a temporary file renamed over the target (false: a device or FIFO, written in place). */
  readonly replacesFile: boolean;
  /** Flushes, syncs and renames the finished output into place. */
  commit(): Promise<void>;
  /** Drops what was written; the file that was there stays as it was. */
  discard(): Promise<void>;
}

/** Whether two stats name the same file (hard links and symlinks included). */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Opens `target` for a batch's output. A regular file (or a name not yet taken) is written
 * as a temporary file beside it and renamed over it at `commit`: the old content stays
 * whole until the new is complete, so a failed or interrupted run never leaves a
 * half-written line, and an output that is also being read is not truncated first. A
 * device, FIFO or terminal is written in place, as there is nothing to rename over.
 */
export function openOutputFile(target: string): OutputFile {
  const existing = statOrUndefined(target);
  if (existing && !existing.isFile()) {
    const stream = createWriteStream(target, { flags: "w" });
    const failure = firstError(stream);
    return {
      stream,
      replacesFile: false,
      commit: () => finish(stream, failure),
      discard: () => closeNow(stream),
    };
  }
  // Through a symlink, the file it points at is replaced, not the link.
  const final = existing ? realpathSync(target) : target;
  const temporary = join(dirname(final), `.${basename(final)}.${randomBytes(8).toString("hex")}.tmp`);
  // The stream owns its descriptor (closing it ourselves raced with its pending writes);
  // `flush` syncs the file to disk before it closes, so the rename publishes complete data.
  const stream = createWriteStream(temporary, { flags: "wx", mode: existing ? existing.mode & 0o777 : 0o666, flush: true });
  const failure = firstError(stream);
  return {
    stream,
    replacesFile: true,
    commit: async () => {
      await finish(stream, failure);
      renameSync(temporary, final);
    },
    discard: async () => {
      await closeNow(stream);
      try {
        unlinkSync(temporary);
      } catch {
        // never created
      }
    },
  };
}

/** The first error a stream reports, kept: later ones (a close after a failed write) only follow from it. */
function firstError(stream: Writable): { error?: NodeJS.ErrnoException } {
  const failure: { error?: NodeJS.ErrnoException } = {};
  stream.on("error", (e: NodeJS.ErrnoException) => void (failure.error ??= e));
  return failure;
}

/** Destroys the stream and waits until its descriptor is closed (an open in progress finishes first). */
function closeNow(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve();
  const closed = new Promise<void>((resolve) => stream.once("close", () => resolve()));
  stream.destroy();
  return closed;
}

/** Ends the stream and waits until its descriptor is closed (flushed first, for a file). */
async function finish(stream: Writable, failure: { error?: NodeJS.ErrnoException }): Promise<void> {
  if (!failure.error) {
    const closed = new Promise<void>((resolve) => stream.once("close", () => resolve()));
    stream.end();
    await closed;
  }
  if (failure.error) throw new BatchOutputError(failure.error);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** The stats of an open descriptor (stdin, stdout), or undefined when it has none. */
export function fdStats(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}
