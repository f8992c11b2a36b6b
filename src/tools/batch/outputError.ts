/** Writing the output failed (full disk, closed pipe): the run stopped there. */
export class BatchOutputError extends Error {
  constructor(readonly cause: NodeJS.ErrnoException) {
    super(`${cause.code ? `${cause.code} ` : ""}${describeErrno(cause)}`);
    this.name = "BatchOutputError";
  }
}

/** A system error in words a person reads ("no space left on device"), from its errno code. */
export function describeErrno(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case "ENOENT": return "no such file or folder";
    case "ENOSPC": return "no space left on device";
    case "EPIPE": return "the reading end of the pipe was closed";
    case "EDQUOT": return "disk quota exceeded";
    case "EIO": return "input/output error on the device";
    case "EACCES": case "EPERM": return "permission denied";
    case "EROFS": return "read-only file system";
    case "EFBIG": return "file too large for the file system";
    case "EISDIR": return "it is a folder";
    default: return e.message;
  }
}
