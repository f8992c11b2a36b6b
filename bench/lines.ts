import { generateCases } from "../src/tools/generate/generateCases.js";
import { pkg } from "./package.js";
import { measure, printTable, ratio } from "./report.js";

const SIZES = [1, 3, 10] as const;
const name = (lines: number, what: string) => `${lines}-line cases, ${what}`;

/**
 * `decide` by order size: cases with exactly 1, 3 and 10 order lines (fixed seeds; the usual
 * mix of parcels, partial requests and per-line amounts), against the reference evaluator on
 * the 1-line cases, all timed in one run.
 */
export async function benchLines(timeMs: number) {
  const now = new Date("2026-11-22T10:00:00+08:00");
  const policy = pkg.defaultPolicy();
  const fast = pkg.createDecider({ policy, clock: () => now, trace: false });
  const traced = pkg.createDecider({ policy, clock: () => now, trace: true });
  const sets = SIZES.map((lines) => [...generateCases(2000, 3000 + lines, { lines })]);
  // Each size is decided identically by both evaluators before anything is timed.
  for (const cases of sets) {
    for (const c of cases.slice(0, 100)) {
      if (JSON.stringify(await fast.decideWithReference(c)) !== JSON.stringify(fast.decide(c))) throw new Error(`evaluators disagree on ${c.caseId}`);
    }
  }
  const requested = sets.map((cases) => cases.reduce((s, c) => s + fast.decide(c).lines.length, 0) / cases.length);
  const counters = SIZES.map(() => 0);
  let r = 0;
  let t = 0;
  const reference = sets[0]!;
  const rows = await measure(
    [
      { name: name(1, "decideWithReference"), casesPerCall: 1, fn: () => fast.decideWithReference(reference[r++ % reference.length]) },
      // The default decider: the trace built only if read (recorded then, from the facts the decision was made on).
      { name: name(1, "decide, trace on (default)"), casesPerCall: 1, fn: () => traced.decide(reference[t++ % reference.length]) },
      ...SIZES.map((lines, i) => ({ name: name(lines, "decide, trace off"), casesPerCall: 1, fn: () => fast.decide(sets[i]![counters[i]!++ % sets[i]!.length]) })),
    ],
    timeMs,
  );
  printTable(
    `decide by order size (requested lines per case on average: ${requested.map((x, i) => `${SIZES[i]}-line ${x.toFixed(1)}`).join(", ")})`,
    rows,
    name(1, "decideWithReference"),
  );
  const oneLine = rows.find((x) => x.name === name(1, "decide, trace off"))!;
  return {
    oneLineVsReference: ratio(rows, name(1, "decide, trace off"), name(1, "decideWithReference")),
    oneLinePerSecond: oneLine.throughput,
    oneLineTracedPerSecond: rows.find((x) => x.name === name(1, "decide, trace on (default)"))!.throughput,
    traceOffVsOn: ratio(rows, name(1, "decide, trace off"), name(1, "decide, trace on (default)")),
    tenLineCostVsOneLine: ratio(rows, name(1, "decide, trace off"), name(10, "decide, trace off")),
  };
}
