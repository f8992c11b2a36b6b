import { once } from "node:events";
import { BatchOutputError, describeErrno } from "../tools/batch/outputError.js";
import { openOutputFile, type OutputFile } from "../tools/batch/outputFile.js";
import { generateCases } from "../tools/generate/generateCases.js";
import { CliExit, EXIT } from "./io.js";

/** `aftersales generate --count N --seed S [--lines L] [-o file]`: realistic synthetic cases as NDJSON. */
export async function generateCommand(flags: { count?: string; seed?: string; lines?: string; output?: string }): Promise<number> {
  const count = Number(flags.count ?? 1000);
  const seed = Number(flags.seed ?? 1);
  const lines = flags.lines === undefined ? undefined : Number(flags.lines);
  if (lines !== undefined && (!Number.isInteger(lines) || lines < 1 || lines > 200)) throw new CliExit(EXIT.usage, "--lines is a whole number from 1 to 200");
  if (!Number.isInteger(count) || count < 0) throw new CliExit(EXIT.usage, "--count is a whole number");
  if (!Number.isInteger(seed)) throw new CliExit(EXIT.usage, "--seed is a whole number");
  const toStdout = flags.output === undefined || flags.output === "-";
  let target: OutputFile | undefined;
  try {
    target = toStdout ? undefined : openOutputFile(flags.output!);
  } catch (cause) {
    throw new CliExit(EXIT.usage, `cannot write ${flags.output}: ${describeErrno(cause as NodeJS.ErrnoException)}`);
  }
  const out = target?.stream ?? process.stdout;
  // Write errors (full disk, closed pipe, a missing folder) are named and exit 2, never lost.
  let failed: NodeJS.ErrnoException | undefined;
  const onError = (e: NodeJS.ErrnoException) => void (failed ??= e);
  out.on("error", onError);
  const where = toStdout ? "stdout" : flags.output!;
  try {
    let buffer = "";
    for (const c of generateCases(count, seed, lines === undefined ? {} : { lines })) {
      buffer += `${JSON.stringify(c)}\n`;
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await Promise.race([once(out, "drain"), once(out, "close")]);
        buffer = "";
      }
      if (failed) throw new BatchOutputError(failed);
    }
    out.write(buffer);
    await target?.commit();
    if (failed) throw new BatchOutputError(failed);
  } catch (e) {
    await target?.discard();
    if (e instanceof BatchOutputError) throw new CliExit(EXIT.usage, `cannot write ${where}: ${e.message}`);
    const errno = failed ?? (e as NodeJS.ErrnoException);
    if (typeof errno?.code === "string") throw new CliExit(EXIT.usage, `cannot write ${where}: ${new BatchOutputError(errno).message}`);
    throw e;
  } finally {
    out.off("error", onError);
    out.on("error", () => {});
  }
  return EXIT.ok;
}
