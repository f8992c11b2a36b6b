import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { closeSync, createWriteStream, fstatSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";

/** Where a batch writes: a stream now, and the file in place only when the run is done. */
export interface OutputFile {
  readonly stream: Writable;
  /** Flushes, syncs and renames the finished output into place. */
  commit(): Promise<void>;
  /** Drops what was written; the file that was there stays as it was. */
  discard(): void;
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
    return {
      stream,
      commit: async () => {
        stream.end();
        await once(stream, "finish");
      },
      discard: () => void stream.destroy(),
    };
  }
  // Through a symlink, the file it points at is replaced, not the link.
  const final = existing ? realpathSync(target) : target;
  const temporary = join(dirname(final), `.${basename(final)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", existing ? existing.mode & 0o777 : 0o666);
  const stream = createWriteStream(temporary, { fd, autoClose: false });
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    stream,
    commit: async () => {
      stream.end();
      await once(stream, "finish");
      fsyncSync(fd);
      close();
      renameSync(temporary, final);
    },
    discard: () => {
      stream.destroy();
      try {
        close();
      } catch {
        // already closed by a failed stream
      }
      try {
        unlinkSync(temporary);
      } catch {
        // nothing to remove
      }
    },
  };
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
