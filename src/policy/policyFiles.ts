import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { issue, type RawIssue } from "../_lib/issues.js";

/** Larger than any policy file: the bundled rule sets are a few KB each. */
export const MAX_POLICY_FILE_BYTES = 8 << 20;

/**
 * Reads a file a policy folder names, as text, and nothing else: only a regular file inside
 * the folder (after following symlinks), never `../`, an absolute path, a symlink out, a
 * FIFO (it would block forever) or a device (`/dev/zero` never ends); its size is checked
 * on the open descriptor before a byte is read, so a huge file costs nothing.
 *
 * @example
 * readPolicyFile("fixtures/policies/merchant-30-day", "../../../package.json")
 * //=> { issue: { code: "outside_policy_folder", … } }
 */
export function readPolicyFile(folder: string, name: string): { text: string } | { issue: RawIssue } {
  const shown = resolveShown(folder, name);
  const where = { file: shown };
  if (isAbsolute(name)) return { issue: issue("outside_policy_folder", [], { name, reason: "absolute" }, where) };
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(resolve(folder, name));
  } catch (cause) {
    return { issue: issue("io_error", [], { file: shown, error: (cause as Error).message }, where) };
  }
  const inside = relative(realFolder, real);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { issue: issue("outside_policy_folder", [], { name, reason: real !== resolve(folder, name) ? "symlink_out" : "outside" }, where) };
  }
  return readRegularFile(real, shown, MAX_POLICY_FILE_BYTES, { followSymlinks: false });
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 text; a FIFO, device, socket or folder
 * is refused without blocking, and the size is checked on the open descriptor first.
 * `shown` is the name issues use. A symlink the user named is followed unless told otherwise.
 */
export function readRegularFile(path: string, shown: string, maxBytes: number, options: { readonly followSymlinks?: boolean } = {}): { text: string } | { issue: RawIssue } {
  const refuse = (problem: RawIssue) => ({ issue: { ...problem, file: shown } as RawIssue });
  const unreadable = (cause: unknown) => refuse(issue("io_error", [], { file: shown, error: (cause as Error).message }));
  let fd: number;
  try {
    // Non-blocking: opening a FIFO with no writer would wait forever. No-follow: a checked
    // real path cannot be swapped for a symlink between the check and the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.followSymlinks === false ? constants.O_NOFOLLOW : 0));
  } catch (cause) {
    return unreadable(cause);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse(issue("io_error", [], { file: shown, reason: "not_regular", kind: kindOf(stat) }));
    if (stat.size > maxBytes) return refuse(issue("too_large", [], { limit: "file_bytes", file: shown, got: stat.size, max: maxBytes }));
    // One byte more than the size: a file that grew since fstat is refused, not read on.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > stat.size) return refuse(issue("io_error", [], { file: shown, reason: "changed" }));
    return { text: buffer.toString("utf8", 0, length) };
  } catch (cause) {
    return unreadable(cause);
  } finally {
    closeSync(fd);
  }
}

/** The file as issues name it: the folder joined with the name, as the caller spelled them. */
function resolveShown(folder: string, name: string): string {
  return isAbsolute(name) ? name : join(folder, name);
}

function kindOf(stat: Stats): "fifo" | "device" | "socket" | "folder" | "other" {
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  if (stat.isSocket()) return "socket";
  if (stat.isDirectory()) return "folder";
  return "other";
}
