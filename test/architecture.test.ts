import { readdirSync, readFileSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The flow is one-directional, and the folders are its order: a module may import only from
// its own folder or an earlier one. No exceptions.
//   _lib < time, money < case < engine < policy < decide < tools < cli < index
const LAYERS: [string, number][] = [
  ["src/_lib/", 0],
  ["src/time/", 1], ["src/money.ts", 1],
  ["src/case/", 2],
  ["src/engine/", 3],
  ["src/policy/", 4],
  ["src/decide/", 5],
  ["src/tools/", 6],
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
