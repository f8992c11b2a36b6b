import { generateCases } from "../src/tools/generate/generateCases.js";
import { compilePolicy } from "../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../src/policy/defaultPolicy.js";
import { pkg } from "./package.js";
import { reusedEngineDecider } from "./reusedEngines.js";
import { measure, printTable, ratio } from "./report.js";

const REFERENCE = "decideWithReference (json-rules-engine Engine)";
const DECIDE = "decide, trace off";
const REUSED = "json-rules-engine, engines kept across calls*";

/** `decide` end to end on a realistic generated mix (fixed seed), vs the same policy on json-rules-engine. */
export async function benchDecide(timeMs: number) {
  const cases = [...generateCases(2000, 2026)];
  const now = new Date("2026-11-22T10:00:00+08:00");

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const policy = pkg.defaultPolicy(); // the first call validates and compiles the bundled rules
  const loadMs = performance.now() - t0;
  global.gc?.();
  const heapPolicy = process.memoryUsage().heapUsed - heapBefore;

  const fast = pkg.createDecider({ policy, clock: () => now, trace: false });
  const traced = pkg.createDecider({ policy, clock: () => now, trace: true });
  // Both evaluators must decide every case identically before either is timed.
  for (const c of cases.slice(0, 300)) {
    if (JSON.stringify(await traced.decideWithReference(c)) !== JSON.stringify(traced.decide(c))) throw new Error(`evaluators disagree on ${c.caseId}`);
  }
  const reused = reusedEngineDecider(compilePolicy(defaultPolicyInput()), now);
  for (const c of cases.slice(0, 300)) {
    if (JSON.stringify(await reused(c)) !== JSON.stringify(fast.decide(c))) throw new Error(`kept engines disagree on ${c.caseId}`);
  }
  let a = 0;
  let b = 0;
  let r = 0;
  let k = 0;
  const rows = await measure(
    [
      { name: REFERENCE, casesPerCall: 1, fn: () => fast.decideWithReference(cases[r++ % cases.length]) },
      { name: REUSED, casesPerCall: 1, fn: () => reused(cases[k++ % cases.length]) },
      { name: "decide, trace on", casesPerCall: 1, fn: () => traced.decide(cases[b++ % cases.length]) },
      { name: DECIDE, casesPerCall: 1, fn: () => fast.decide(cases[a++ % cases.length]) },
    ],
    timeMs,
  );
  printTable(
    `decide end to end: bundled policy, ${cases.length} generated cases (policy load ${loadMs.toFixed(1)} ms, compiled policy heap ${heapPolicy > 0 ? `${(heapPolicy / 1048576).toFixed(1)} MB` : "n/a (run with --expose-gc)"})`,
    rows,
    REFERENCE,
  );
  console.log("  * not a supported path: concurrent runs on one json-rules-engine Engine lose events (PITFALLS P2); shown to");
  console.log("    separate engine building from evaluation in the reference's time. The target is against the reference evaluator.");
  const decideRow = rows.find((x) => x.name === DECIDE)!;
  return {
    decideVsReference: ratio(rows, DECIDE, REFERENCE),
    decideVsKeptEngines: ratio(rows, DECIDE, REUSED),
    decidePerSecond: decideRow.throughput,
    decideP99: decideRow.p99,
  };
}
