import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { plainTypings } from "../../scripts/plainTypings.js";

// The build step that keeps zod's classes out of dist/index.d.ts, on small declaration files
// shaped like tsup's output (scripts/package-smoke.sh checks the real, packed typings).
const scratch = `test/.plainTypings/${process.pid}`;
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function typingsOf(source: string): string {
  const file = `${scratch}/index-${Math.random().toString(36).slice(2)}.d.ts`;
  writeFileSync(file, source);
  return plainTypings(file);
}

describe("plain typings", () => {
  it("writes a zod-derived type out plainly and drops the schema and the zod import", () => {
    const out = typingsOf(`import { z } from 'zod';

declare const ItemSchema: z.ZodObject<{
    sku: z.ZodString;
    kind: z.ZodEnum<{ a: "a"; b: "b" }>;
    flags: z.ZodOptional<z.ZodObject<{ fragile: z.ZodOptional<z.ZodBoolean> }, z.core.$strict>>;
    tags: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
}, z.core.$strict>;
/** An item (\`z.output\`). */
type Item = z.output<typeof ItemSchema>;
interface Order {
    items: z.infer<typeof ItemSchema>[];
}

export { type Item, type Order };
`);
    expect(out.replace(/\/\*\*.*\*\//g, "")).not.toMatch(/\bz\.|from .zod.|ItemSchema/);
    expect(out).toContain("/** An item (`z.output`). */");
    expect(out).toMatch(/type Item = \{\n {4}sku: string;\n {4}kind: "a" \| "b";\n {4}tags: \(string \| number\)\[\];\n {4}flags\?: \{\n {8}fragile\?: boolean \| undefined;\n {4}\} \| undefined;\n\};/);
  });

  it("fails the build when a dependency's type is left in the typings", () => {
    expect(() => typingsOf(`import { Engine } from 'json-rules-engine';\ninterface Registry { installOn(engine: Engine): void }\nexport { type Registry };\n`)).toThrow(/json-rules-engine/);
  });
});
