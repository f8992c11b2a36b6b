import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { getHeapSpaceStatistics } from "node:v8";
import { generateCases } from "../src/tools/generate/generateCases.js";
import { defaultPolicyInput } from "../src/policy/defaultPolicy.js";
import { pkg } from "./package.js";

const gc = () => (global as { gc?: () => void }).gc?.();
const heapUsed = () => process.memoryUsage().heapUsed;
const newSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_used_size;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

/**
 * Issue 15 §4, memory as a third axis: heap held by one compiled policy and by one decider
 * (the policy shared), bytes allocated per decision (trace off, trace on, trace on and read),
 * bytes per decision that reach the old generation (promoted.ts), and the package's size. Needs --expose-gc (`npm run bench` passes it).
 *
 * Allocation is read from the young generation: after a full GC it is empty, so what it
 * holds after a few decisions is what they allocated. A round in which a scavenge ran
 * (the space shrank) is dropped; the figure is the median of the rest.
 */
export function benchMemory() {
  if ((global as { gc?: unknown }).gc === undefined) {
    console.log("\n(memory skipped: run with --expose-gc)");
    return undefined;
  }
  const now = new Date("2026-11-22T10:00:00+08:00");
  const keep: unknown[] = [];
  gc();
  let before = heapUsed();
  for (let i = 0; i < 20; i++) keep.push(pkg.compilePolicy(defaultPolicyInput()));
  gc();
  const perPolicy = (heapUsed() - before) / 20;
  keep.length = 0;

  const policy = pkg.defaultPolicy();
  gc();
  before = heapUsed();
  for (let i = 0; i < 1000; i++) keep.push(pkg.createDecider({ policy, clock: () => now }));
  gc();
  const perDecider = (heapUsed() - before) / 1000;
  keep.length = 0;

  const cases = [...generateCases(500, 2026)];
  const allocation = (decide: (c: unknown) => void) => {
    for (const c of cases) decide(c); // warm up: no first-use compilation in the figures
    const rounds: number[] = [];
    for (let r = 0; r < 30; r++) {
      gc();
      const s0 = newSpaceUsed();
      for (let i = 0; i < 20; i++) decide(cases[(r * 20 + i) % cases.length]);
      const s1 = newSpaceUsed();
      if (s1 >= s0) rounds.push((s1 - s0) / 20);
    }
    return median(rounds);
  };
  const off = pkg.createDecider({ policy, clock: () => now, trace: false });
  const on = pkg.createDecider({ policy, clock: () => now, trace: true });
  const perDecisionOff = allocation((c) => off.decide(c));
  const perDecisionOn = allocation((c) => on.decide(c));
  const perDecisionRead = allocation((c) => on.decide(c).trace.length);

  // In a process of its own each (promoted.ts): what this process ran before would decide it.
  const promoted = (mode: "on" | "off", lines: number): number => {
    try {
      const script = fileURLToPath(new URL("./promoted.ts", import.meta.url));
      const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", script, mode, String(lines)], { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      return (JSON.parse(out) as { bytesPerDecision: number }).bytesPerDecision;
    } catch {
      return Number.NaN;
    }
  };
  const promotedOff = promoted("off", 1);
  const promotedOn = promoted("on", 1);
  const promotedOn10 = promoted("on", 10);

  let packed: { size: number; unpackedSize: number; entryCount: number } | undefined;
  try {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: new URL("..", import.meta.url), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    packed = (JSON.parse(out) as { size: number; unpackedSize: number; entryCount: number }[])[0];
  } catch {
    packed = undefined;
  }

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  console.log("\nMemory and size");
  console.log(`  heap per compiled policy (bundled rules, 20 kept)     ${kb(perPolicy)}`);
  console.log(`  heap per decider (policy shared, 1,000 kept)          ${kb(perDecider)}`);
  console.log(`  allocated per decision, trace off                     ${kb(perDecisionOff)}`);
  console.log(`  allocated per decision, trace on, unread              ${kb(perDecisionOn)}`);
  console.log(`  allocated per decision, trace on and read             ${kb(perDecisionRead)}`);
  // Tens of bytes are the odd survivor; hundreds mean an allocation site was pretenured (promoted.ts).
  const bytes = (b: number) => (Number.isNaN(b) ? "(failed)" : `${b.toFixed(0)} B`);
  console.log(`  old generation per decision, 1-line, trace off / on   ${bytes(promotedOff)} / ${bytes(promotedOn)} (10-line, trace on: ${bytes(promotedOn10)}; a process of its own each)`);
  if (packed) console.log(`  package: ${packed.size.toLocaleString("en-US")} B packed, ${packed.unpackedSize.toLocaleString("en-US")} B installed, ${packed.entryCount} files`);
  else console.log("  package: (npm pack --dry-run failed)");
  return { perPolicy, perDecider, perDecisionOff, perDecisionOn, perDecisionRead, promotedOff, promotedOn, promotedOn10, packed };
}
