import { readdirSync, readFileSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The flow is one-directional: parse → facts → rules → interpret → decision, with the CLI
// and the public entry on top. A module may import only from its own layer or below.
const LAYERS: [string, number][] = [
  ["src/issues.ts", 0], ["src/limits.ts", 0], ["src/money.ts", 0], ["src/time.ts", 0], ["src/zodIssues.ts", 0], ["src/sourcePositions.ts", 0], ["src/deepFreeze.ts", 0],
  ["src/rules/", 1],
  ["src/case/", 2],
  ["src/decision/eventSchemas.ts", 3], ["src/decision/types.ts", 3],
  ["src/policy/", 4],
  ["src/decision/", 5],
  ["src/fixtures/", 6], ["src/lint/", 6], ["src/schema/", 6], ["src/generate/", 6], ["src/batch/", 6],
  ["src/cli/", 7],
  ["src/index.ts", 8],
];
const layerOf = (file: string) => LAYERS.find(([prefix]) => file === prefix || file.startsWith(prefix))?.[1];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("architecture", () => {
  it("no module imports from a later stage of the flow", () => {
    const backwards: string[] = [];
    for (const file of sources("src")) {
      const from = layerOf(file);
      expect(from, `${file} has no layer`).toBeDefined();
      for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
        const target = relative(".", resolve(dirname(file), spec!)).replace(/\.js$/, ".ts");
        const to = layerOf(target);
        if (to !== undefined && to > from!) backwards.push(`${file} → ${target}`);
      }
    }
    expect(backwards).toEqual([]);
  });
});
