import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet, createOperatorRegistry, runReference, type EvaluationResult, type OperatorRegistry } from "../../src/index.js";
import { arbFacts, arbRuleSet, CUSTOM_OPERATORS } from "../arbitraries/ruleSet.js";

// Both sides know the generated custom operators (which return non-booleans).
const operators = createOperatorRegistry({ operators: CUSTOM_OPERATORS });

type Outcome = { ok: true; result: EvaluationResult } | { ok: false; error: unknown };

async function reference(ruleSet: unknown, facts: Record<string, unknown>, allowUndefinedFacts: boolean): Promise<Outcome> {
  try {
    return { ok: true, result: await runReference(ruleSet, facts, { allowUndefinedFacts, operators }) };
  } catch (error) {
    return { ok: false, error };
  }
}

function compiled(
  ruleSet: unknown,
  facts: Record<string, unknown>,
  allowUndefinedFacts: boolean,
  trace: boolean,
  compiledOperators: OperatorRegistry,
  codegen = true,
  tuning: { leavesPerFunction?: number; templateMinRules?: number } = {},
): Outcome {
  const evaluator = compileRuleSet(ruleSet, { allowUndefinedFacts, codegen, operators: compiledOperators, ...tuning });
  // The fast path must be the generated code, not a silent fallback to the closures.
  expect(evaluator.evaluator, evaluator.fallbackReason).toBe(codegen ? "generated" : "closures");
  try {
    return { ok: true, result: evaluator.run(facts, { trace }) };
  } catch (error) {
    return { ok: false, error };
  }
}

const byRule = (events: EvaluationResult["events"]) => [...events].sort((x, y) => x.rule.localeCompare(y.rule));

// At least 1,000 generated pairs in CI; FC_NUM_RUNS raises it.
const numRuns = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 0));

/** The differential property, with the compiled side optionally given other operators. */
function sameAsReference(compiledOperators = operators, counts = { compared: 0, failedAlike: 0 }) {
  return fc.asyncProperty(arbRuleSet, arbFacts, fc.boolean(), async (ruleSet, facts, allowUndefinedFacts) => {
    const ref = await reference(ruleSet, facts, allowUndefinedFacts);
    const traced = compiled(ruleSet, facts, allowUndefinedFacts, true, compiledOperators);
    const fast = compiled(ruleSet, facts, allowUndefinedFacts, false, compiledOperators);
    const closures = compiled(ruleSet, facts, allowUndefinedFacts, false, compiledOperators, false);
    // Every rule in a generated function of its own (the split large rule sets get), and
    // every rule through its shape's loop over a table of literals (templates).
    const split = compiled(ruleSet, facts, allowUndefinedFacts, false, compiledOperators, true, { leavesPerFunction: 1 });
    const splitTraced = compiled(ruleSet, facts, allowUndefinedFacts, true, compiledOperators, true, { leavesPerFunction: 1 });
    const templated = compiled(ruleSet, facts, allowUndefinedFacts, false, compiledOperators, true, { templateMinRules: 1, leavesPerFunction: 2 });
    expect(templated.ok).toBe(ref.ok);
    expect(split.ok).toBe(ref.ok);
    expect(splitTraced.ok).toBe(ref.ok);
    expect(traced.ok).toBe(ref.ok);
    expect(fast.ok).toBe(ref.ok);
    expect(closures.ok).toBe(ref.ok);
    if (!ref.ok || !traced.ok || !fast.ok || !closures.ok || !split.ok || !splitTraced.ok || !templated.ok) {
      counts.failedAlike++;
      return;
    }
    counts.compared++;
    // Same events fired (json-rules-engine orders equal priorities by promise completion).
    expect(byRule(traced.result.events)).toEqual(byRule(ref.result.events));
    expect(fast.result.events).toEqual(traced.result.events);
    expect(closures.result.events).toEqual(traced.result.events);
    expect(split.result.events).toEqual(traced.result.events);
    expect(splitTraced.result.events).toEqual(traced.result.events);
    expect(templated.result.events).toEqual(traced.result.events);
    expect(splitTraced.result.trace).toEqual(ref.result.trace);
    // Across priorities the order is the library's: highest first.
    expect(traced.result.events.map((e) => e.priority)).toEqual(ref.result.events.map((e) => e.priority));
    // Every rule, every leaf: fact value read, expected value, outcome.
    expect(traced.result.trace).toEqual(ref.result.trace);
  });
}

describe("compiled evaluator vs json-rules-engine (differential)", () => {
  it("fires the same events with the same per-condition outcomes, and fails in the same cases", async () => {
    const counts = { compared: 0, failedAlike: 0 };
    await fc.assert(sameAsReference(undefined, counts), { numRuns });
    // The generator must exercise both sides: real comparisons and shared failures.
    expect(counts.compared).toBeGreaterThan(numRuns / 3);
    expect(counts.failedAlike).toBeGreaterThan(0);
  });

  it("detects a changed operator meaning (lessThan mutated to <=)", async () => {
    const mutated = createOperatorRegistry({
      operators: [...CUSTOM_OPERATORS, { name: "lessThan", evaluate: (a, b) => (a as number) <= (b as number), factValueValidator: (a) => !Number.isNaN(Number.parseFloat(a as string)) }],
    });
    const run = await fc.check(sameAsReference(mutated), { numRuns });
    expect(run.failed).toBe(true);
  });

  it("orders events of equal priority by file position", () => {
    fc.assert(
      fc.property(arbRuleSet, arbFacts, (ruleSet, facts) => {
        let result: EvaluationResult;
        try {
          result = compileRuleSet(ruleSet, { allowUndefinedFacts: true, operators }).run(facts);
        } catch {
          return;
        }
        const position = (name: string) => ruleSet.rules.findIndex((r) => r.name === name);
        for (let i = 1; i < result.events.length; i++) {
          const [prev, next] = [result.events[i - 1]!, result.events[i]!];
          expect(prev.priority > next.priority || (prev.priority === next.priority && position(prev.rule) < position(next.rule))).toBe(true);
        }
      }),
    );
  });
});
