import { createWriteStream } from "node:fs";
import { once } from "node:events";
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
  const out = flags.output ? createWriteStream(flags.output) : process.stdout;
  let buffer = "";
  for (const c of generateCases(count, seed, lines === undefined ? {} : { lines })) {
    buffer += `${JSON.stringify(c)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.write(buffer);
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
  return EXIT.ok;
}
