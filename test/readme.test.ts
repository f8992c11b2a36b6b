import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli/run.js";

// Every example in README.md runs here: a doc example that breaks fails CI.
const readme = readFileSync("README.md", "utf8");
const blocks = (lang: string) => [...readme.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);

// One scratch folder per worker: the suite runs under three time zones in parallel.
const scratch = `test/.doc/${process.pid}`;

const written = new Map<string, string>();

const commands = blocks("sh")
  .flatMap((b) => b.split("\n"))
  .map((l) => l.trim())
  .filter((l) => l.startsWith("npx aftersales "));

describe("README examples", () => {
  it("has command examples for every user", () => {
    expect(commands.length).toBeGreaterThanOrEqual(9);
  });

  it.each(commands)("%s", async (line) => {
    const [command, comment = ""] = line.split("#");
    // Files an example writes go to the scratch folder, and so do later uses of them.
    const args = command!.trim().replace(/^npx aftersales /, "").split(/\s+/).map((a) => written.get(a) ?? a);
    const out = args.indexOf("--output");
    if (out >= 0) {
      const moved = `${scratch}/${args[out + 1]}`;
      written.set(args[out + 1]!, moved);
      args[out + 1] = moved;
    }
    const expected = /exits (\d)/.exec(comment)?.[1];
    const { code } = await runCli(...args);
    expect(code).toBe(expected === undefined ? 0 : Number(expected));
  });

  const ts = blocks("ts");
  mkdirSync(scratch, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  it.each(ts.map((code, i) => [i, code] as const))("TypeScript example %i runs", async (i, code) => {
    const file = `${scratch}/example-${i}.ts`;
    writeFileSync(file, code);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ new URL(`./.doc/${process.pid}/example-${i}.ts`, import.meta.url).href);
      if (code.includes("tmall-two-parcels")) {
        // Hand count: tees signed 03-03 → closed 03-11 00:00; shoes signed 03-09 → open; 27588 / 3 = 9196.
        expect(log.mock.calls[0]).toEqual(["L-TEE", "denied", 9196]);
        expect(log.mock.calls[1]).toEqual(["L-SHOES", "allowed", 55641]);
        expect(log.mock.calls[2]![0]).toEqual({ open: "some", lines: ["L-SHOES"], undetermined: [] });
        expect(log.mock.calls[3]![0]).toEqual({ amount: 55641, currency: "CNY" });
      }
      if (code.includes("compileRuleSet")) {
        expect(log.mock.calls[0]![0]).toEqual(["no_reason_return_within_7_days"]);
        expect(log.mock.calls[1]![0]).toEqual(["no_reason_return_within_7_days"]);
      }
    } finally {
      log.mockRestore();
    }
  });
});
