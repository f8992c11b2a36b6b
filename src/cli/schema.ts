import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas, serialize } from "../tools/jsonSchema/jsonSchemas.js";
import { describeErrno } from "../tools/batch/outputError.js";
import { CliExit, EXIT } from "./io.js";

/** `aftersales schema [--out dir] [--name file]`: the JSON Schemas, generated from the zod schemas. */
export function schemaCommand(flags: { out?: string; name?: string }): number {
  const all = jsonSchemas();
  if (flags.name !== undefined) {
    const one = all[flags.name];
    if (!one) throw new CliExit(EXIT.usage, `no schema named ${flags.name} (${Object.keys(all).join(", ")})`);
    process.stdout.write(serialize(one));
    return EXIT.ok;
  }
  if (flags.out === undefined) {
    process.stdout.write(serialize(all["rule-set.schema.json"]!));
    return EXIT.ok;
  }
  for (const [name, schema] of Object.entries(all)) {
    try {
      mkdirSync(flags.out, { recursive: true });
      writeFileSync(join(flags.out, name), serialize(schema));
    } catch (cause) {
      throw new CliExit(EXIT.usage, `cannot write ${join(flags.out, name)}: ${describeErrno(cause as NodeJS.ErrnoException)}`);
    }
    process.stderr.write(`wrote ${join(flags.out, name)}\n`);
  }
  return EXIT.ok;
}
