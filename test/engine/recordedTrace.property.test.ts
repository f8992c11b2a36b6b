import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { compileRuleSet, createOperatorRegistry, type RuleTrace } from "../../src/index.js";
import { arbFacts, arbRuleSet, CUSTOM_OPERATORS } from "../arbitraries/ruleSet.js";

// Counts how often the readable trace is built from a recording: the proof that the
// compact recording ran and that building the trace waited until it was read.
const replays = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/engine/compile/replayTrace.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/compile/replayTrace.js")>();
  return { ...original, replayTrace: (...args: Parameters<typeof original.replayTrace>) => (replays.count++, original.replayTrace(...args)) };
});

const operators = createOperatorRegistry({ operators: CUSTOM_OPERATORS });
const numRuns = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 0));

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };
function attempt<T>(f: () => T): Attempt<T> {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("properties: the recorded trace, built when read, is the eager trace", () => {
  it("gives byte-identical JSON (and deep-equal objects, undefined included) to the traced closures, and fails alike", () => {
    let compared = 0;
    fc.assert(
      fc.property(arbRuleSet, arbFacts, fc.boolean(), fc.constantFrom(undefined, 1, 3), (ruleSet, facts, allowUndefinedFacts, leavesPerFunction) => {
        // The oracle: the closures evaluate and build every trace node while they run.
        const eager = attempt(() => compileRuleSet(ruleSet, { operators, allowUndefinedFacts, codegen: false }).run(facts, { trace: true }));
        const compiled = compileRuleSet(ruleSet, { operators, allowUndefinedFacts, ...(leavesPerFunction ? { leavesPerFunction } : {}) });
        expect(compiled.evaluator).toBe("generated");
        const before = replays.count;
        const lazy = attempt(() => compiled.record(facts));
        expect(lazy.ok).toBe(eager.ok);
        if (!lazy.ok || !eager.ok) {
          if (!lazy.ok && !eager.ok) expect(String(lazy.error)).toBe(String(eager.error));
          return;
        }
        compared++;
        expect(lazy.value.events).toEqual(eager.value.events);
        expect(replays.count).toBe(before); // nothing built yet
        const trace: readonly RuleTrace[] = lazy.value.trace();
        expect(replays.count).toBe(before + 1);
        expect(JSON.stringify(trace)).toBe(JSON.stringify(eager.value.trace));
        expect(trace).toStrictEqual(eager.value.trace);
        expect(lazy.value.trace()).toBe(trace); // built once
        expect(replays.count).toBe(before + 1);
      }),
      { numRuns },
    );
    expect(compared).toBeGreaterThan(numRuns / 3);
  });

  it("run(facts, { trace: true }) hands out the same trace, built when `trace` is read", () => {
    const ruleSet = {
      id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: [{ name: "r", conditions: { all: [{ fact: "a", operator: "lessThan", value: 3 }, { not: { fact: "b", path: "$.x", operator: "equal", value: { fact: "a" } } }] }, event: { type: "e" } }],
    };
    const facts = { a: 1, b: { x: 2 } };
    const before = replays.count;
    const result = compileRuleSet(ruleSet).run(facts, { trace: true });
    expect(result.events.map((e) => e.rule)).toEqual(["r"]);
    expect(replays.count).toBe(before);
    expect(JSON.stringify(result)).toBe(JSON.stringify(compileRuleSet(ruleSet, { codegen: false }).run(facts, { trace: true })));
    expect(replays.count).toBe(before + 1);
    // One getter for every result (a literal getter per result would cost each its own hidden class).
    const other = compileRuleSet(ruleSet).run({ a: 5, b: { x: 5 } }, { trace: true });
    expect(Object.getOwnPropertyDescriptor(other, "trace")!.get).toBe(Object.getOwnPropertyDescriptor(result, "trace")!.get);
    expect(other.trace[0]!.fired).toBe(false);
  });
});
