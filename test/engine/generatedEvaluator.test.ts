import { describe, expect, it } from "vitest";
import { compileRuleSet, createOperatorRegistry } from "../../src/index.js";
import { emitEvaluatorSource, GENERATED_PARAMETERS } from "../../src/engine/compile/generatedSource.js";
import { loadGeneratedEvaluator } from "../../src/engine/compile/loadGenerated.js";
import { defaultOperatorRegistry } from "../../src/engine/operators.js";
import { safeParseRuleSet } from "../../src/engine/parseRuleSet.js";

const ruleSet = {
  id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
  rules: [
    { name: "late", priority: 2, conditions: { all: [{ fact: "days", operator: "greaterThan", value: 7 }, { fact: "order", path: "$.lines.length", operator: "greaterThan", value: 0 }] }, event: { type: "late" } },
    { name: "early", conditions: { any: [{ fact: "days", operator: "lessThanInclusive", value: 7 }] }, event: { type: "early" } },
  ],
};

function parsed() {
  const result = safeParseRuleSet(ruleSet);
  if (!result.success) throw new Error("fixture rule set is invalid");
  return result.data;
}

describe("which evaluator runs the trace-free path", () => {
  it("is the generated code by default, and its source is kept for inspection", () => {
    const compiled = compileRuleSet(ruleSet);
    expect(compiled.evaluator).toBe("generated");
    expect(compiled.fallbackReason).toBeUndefined();
    // One named property load per fact, required facts checked first.
    expect(compiled.source).toContain('if ((f.days === undefined && !hasOwn(f, "days")) || (f.order === undefined && !hasOwn(f, "order"))) return null;');
    expect(compiled.source).toContain("rp(f.order, ps[0])");
    // The source is what runs: loading it again gives the same events.
    const run = new Function(...GENERATED_PARAMETERS, compiled.source!);
    expect(typeof run).toBe("function");
    expect(compiled.run({ days: 9, order: { lines: [1] } }, { trace: false }).events.map((e) => e.rule)).toEqual(["late"]);
  });

  it("is the closures with `codegen: false`, which says so", () => {
    const compiled = compileRuleSet(ruleSet, { codegen: false });
    expect(compiled.evaluator).toBe("closures");
    expect(compiled.fallbackReason).toBe("codegen: false");
    expect(compiled.source).toBeUndefined();
    expect(compiled.run({ days: 3, order: { lines: [] } }, { trace: false }).events.map((e) => e.rule)).toEqual(["early"]);
  });
});

describe("a generated source that does not compile", () => {
  // Drops the function's closing brace: the kind of slip an emitter change can make.
  const corrupt = (source: string) => source.replace(/\n};$/, "\n");

  it("is detected when loading it, with the SyntaxError as the reason", () => {
    const emitted = emitEvaluatorSource(parsed(), parsed().rules, defaultOperatorRegistry(), { requiredFacts: ["days", "order"] });
    expect("run" in loadGeneratedEvaluator(emitted, [])).toBe(true);
    const broken = { ...emitted, source: corrupt(emitted.source) };
    expect(broken.source).not.toBe(emitted.source);
    expect(loadGeneratedEvaluator(broken, [])).toEqual({ reason: expect.stringMatching(/^SyntaxError: /) });
  });
});

describe("when the generated code and the closures disagree", () => {
  it("fails the run loudly instead of answering from the closures", () => {
    // An operator that throws on its first call only: the generated code (called first)
    // stops, the closures (called next to find the precise error) do not.
    let calls = 0;
    const operators = createOperatorRegistry({
      operators: [{ name: "flaky", evaluate: () => { if (calls++ === 0) throw new Error("first call"); return true; } }],
    });
    const flaky = { ...ruleSet, rules: [{ name: "r", conditions: { all: [{ fact: "days", operator: "flaky", value: 1 }] }, event: { type: "x" } }] };
    const compiled = compileRuleSet(flaky, { operators, trace: false });
    expect(compiled.evaluator).toBe("generated");
    expect(() => compiled.run({ days: 1 })).toThrow(/generated evaluator of rule set "t" stopped where the traced closures did not/);
    expect(calls).toBe(2);
  });

  it("still raises the closures' precise error where both stop", () => {
    const compiled = compileRuleSet(ruleSet, { trace: false });
    expect(() => compiled.run({ days: 1 })).toThrow(expect.objectContaining({ name: "RuleEvaluationError", code: "undefined_fact", fact: "order" }));
  });
});

describe("large rule sets", () => {
  const shaped = (n: number) => ({
    ...ruleSet,
    rules: Array.from({ length: n }, (_, i) => ({ name: `r${i}`, conditions: { all: [{ fact: "days", operator: "greaterThan", value: i }, { fact: "kind", operator: "equal", value: `k${i % 3}` }] }, event: { type: "e" } })),
  });

  it("are split into bounded functions, and rules of one shape share a loop over a table of literals", () => {
    const split = compileRuleSet(shaped(10), { leavesPerFunction: 4, templateMinRules: Infinity, indexMinRules: Infinity });
    expect(split.source!.match(/\nfunction c\d+\(f, fired\)/g)?.length).toBe(5);
    const templated = compileRuleSet(shaped(10), { indexMinRules: Infinity });
    expect(templated.source!.match(/\nfunction s\d+\(f, t, fired\)/g)?.length).toBe(1);
    const facts = { days: 4, kind: "k1", order: {} };
    const expected = compileRuleSet(shaped(10), { codegen: false }).run(facts, { trace: false }).events;
    expect(expected.map((e) => e.rule)).toEqual(["r1"]);
    expect(split.run(facts, { trace: false }).events).toEqual(expected);
    expect(templated.run(facts, { trace: false }).events).toEqual(expected);
  });

  it("put a rule whose leaf may throw in no shape with rules whose leaf cannot, so the shared loop never skips the throw", () => {
    // `not:in` over an array cannot throw; over a number it calls 5.indexOf and does. Grouped by
    // literal-blind shape, the loop took the first rule's code (no throw possible) for all nine,
    // and short-circuited past r8's leaf where json-rules-engine throws.
    const rules = Array.from({ length: 9 }, (_, i) => ({
      name: `r${i}`,
      conditions: { all: [{ fact: "kind", operator: "equal", value: `never${i}` }, { fact: "reason", operator: "not:in", value: i === 8 ? 5 : ["a"] }] },
      event: { type: "e" },
    }));
    const mixed = { ...ruleSet, rules };
    const facts = { kind: "k", reason: "b" };
    const templated = compileRuleSet(mixed, { templateMinRules: 2, indexMinRules: Infinity });
    expect(templated.source).toMatch(/\nfunction s\d+\(f, t, fired\)/);
    expect(() => templated.run(facts, { trace: false })).toThrow(expect.objectContaining({ name: "RuleEvaluationError", code: "operator_error" }));
    expect(() => compileRuleSet(mixed, { codegen: false }).run(facts, { trace: false })).toThrow(expect.objectContaining({ code: "operator_error" }));
  });
});
