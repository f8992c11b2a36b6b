import { describe, expect, it, vi } from "vitest";
import { compileRuleSet } from "../../src/index.js";

// Every rule set in this file gets a generated source with its closing brace dropped, as
// an emitter bug would produce: compileRuleSet must say the closures run and why.
vi.mock("../../src/engine/compile/generatedSource.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/compile/generatedSource.js")>();
  return {
    ...original,
    emitEvaluatorSource: (...args: Parameters<typeof original.emitEvaluatorSource>) => {
      const emitted = original.emitEvaluatorSource(...args);
      return { ...emitted, source: emitted.source.replace(/\n};$/, "\n") };
    },
  };
});

const ruleSet = {
  id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
  rules: [{ name: "early", conditions: { any: [{ fact: "days", operator: "lessThanInclusive", value: 7 }] }, event: { type: "early" } }],
};

describe("a syntactically invalid generated source", () => {
  it("is reported as the fallback reason, never taken silently", () => {
    const compiled = compileRuleSet(ruleSet);
    expect(compiled.evaluator).toBe("closures");
    expect(compiled.fallbackReason).toMatch(/^the generated source did not load: SyntaxError: /);
    expect(compiled.source).not.toMatch(/\n};$/);
    // The closures still decide correctly.
    expect(compiled.run({ days: 3 }, { trace: false }).events.map((e) => e.rule)).toEqual(["early"]);
  });
});
