import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The library reads no process globals: the working directory, environment variables, argv
// and the standard streams belong to the CLI (src/cli/), which passes values in. A service
// embedding the library gets the same answer whatever its process looks like.
const PROCESS_GLOBAL = /\bprocess\s*(\.|\[)|\bfrom\s+["'](node:)?process["']|\brequire\(\s*["'](node:)?process["']\s*\)|\bglobalThis\s*\.\s*process\b|\bimport\.meta\.env\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.[cm]?ts$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The code of a file without its comments (a comment may name `process.env` to explain why not). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

export function processGlobalReads(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    code(readFileSync(file, "utf8"))
      .split("\n")
      .flatMap((line, i) => (PROCESS_GLOBAL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe("the library reads no process globals", () => {
  it("no module outside src/cli/ reads process.cwd(), process.env, argv or the standard streams", () => {
    const library = sources("src").filter((f) => !f.startsWith(join("src", "cli")));
    expect(library.length).toBeGreaterThan(20);
    expect(processGlobalReads(library)).toEqual([]);
  });

  it("the scan finds each form of a process global read", () => {
    const forms = ["process.cwd()", "process.env.X", 'process["env"]', 'import process from "node:process";', 'import { env } from "process";', 'require("process")', "globalThis.process.argv", "import.meta.env.MODE"];
    for (const form of forms) expect(PROCESS_GLOBAL.test(code(form)), form).toBe(true);
    expect(PROCESS_GLOBAL.test(code("// process.env is the CLI's business"))).toBe(false);
    expect(PROCESS_GLOBAL.test(code("const processed = processEvents(x);"))).toBe(false);
  });
});
