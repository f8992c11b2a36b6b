import { getHeapSpaceStatistics } from "node:v8";
import { generateCases } from "../src/tools/generate/generateCases.js";
import { pkg } from "./package.js";

/**
 * Run in a process of its own by memory.ts (`promoted.ts <on|off> <lines>`): bytes that
 * reach the old generation per decision, in steady state. A decision's objects die young;
 * when V8 pretenures one of their allocation sites (allocates its objects in the old
 * generation, having seen them survive), every decision leaves them there for a full GC
 * to find, and the young objects they point at are promoted with them. That made a traced
 * decision ~40 % slower once (BENCHMARKS.md, 2026-11-29 "pretenured"); this catches it.
 */
const gc = (global as { gc?: () => void }).gc!;
const [mode = "on", lines = "1"] = process.argv.slice(2);
const now = new Date("2026-11-22T10:00:00+08:00");
const decider = pkg.createDecider({ clock: () => now, trace: mode === "on" });
const cases = [...generateCases(2000, 3000 + Number(lines), { lines: Number(lines) })];
const oldSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === "old_space")!.space_used_size;
const N = 20_000;
for (let i = 0; i < N; i++) decider.decide(cases[i % cases.length]);
gc();
// The growth, summed over steps of 500 decisions: a full GC in a step (the old generation
// shrinks) would hide what came before it, so a step that shrank counts nothing.
let grown = 0;
let last = oldSpace();
for (let i = 0; i < N; i++) {
  decider.decide(cases[i % cases.length]);
  if (i % 500 === 499) {
    const at = oldSpace();
    if (at > last) grown += at - last;
    last = at;
  }
}
console.log(JSON.stringify({ bytesPerDecision: grown / N }));
