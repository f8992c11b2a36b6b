import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Issue } from "../_lib/issues.js";

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
export function readPolicyFile(folder: string, name: string): { text: string } | { issue: Issue } {
  const shown = resolveShown(folder, name);
  const refuse = (code: Issue["code"], message: string) => ({ issue: { code, path: [], file: shown, message } });
  if (isAbsolute(name)) return refuse("outside_policy_folder", `"${name}" is an absolute path; name files relative to the policy folder`);
  let real: string;
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
    real = realpathSync(resolve(folder, name));
  } catch (cause) {
    return refuse("io_error", `cannot read ${shown}: ${(cause as Error).message}`);
  }
  const inside = relative(realFolder, real);
  if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return refuse("outside_policy_folder", `"${name}" is outside the policy folder${real !== resolve(folder, name) ? " (through a symlink)" : ""}; a policy reads only files inside its folder`);
  }
  return readRegularFile(real, shown, MAX_POLICY_FILE_BYTES, { followSymlinks: false });
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 text; a FIFO, device, socket or folder
 * is refused without blocking, and the size is checked on the open descriptor first.
 * `shown` is the name issues use. A symlink the user named is followed unless told otherwise.
 */
export function readRegularFile(path: string, shown: string, maxBytes: number, options: { readonly followSymlinks?: boolean } = {}): { text: string } | { issue: Issue } {
  const refuse = (code: Issue["code"], message: string) => ({ issue: { code, path: [], file: shown, message } });
  let fd: number;
  try {
    // Non-blocking: opening a FIFO with no writer would wait forever. No-follow: a checked
    // real path cannot be swapped for a symlink between the check and the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.followSymlinks === false ? constants.O_NOFOLLOW : 0));
  } catch (cause) {
    return refuse("io_error", `cannot read ${shown}: ${(cause as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse("io_error", `${shown} is not a regular file (${kindOf(stat)})`);
    if (stat.size > maxBytes) return refuse("too_large", `${shown} is ${stat.size} bytes (at most ${maxBytes})`);
    // One byte more than the size: a file that grew since fstat is refused, not read on.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > stat.size) return refuse("io_error", `${shown} changed while being read`);
    return { text: buffer.toString("utf8", 0, length) };
  } catch (cause) {
    return refuse("io_error", `cannot read ${shown}: ${(cause as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** The file as issues name it: the folder joined with the name, as the caller spelled them. */
function resolveShown(folder: string, name: string): string {
  return isAbsolute(name) ? name : join(folder, name);
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  if (stat.isDirectory()) return "a folder";
  return "not a file";
}
