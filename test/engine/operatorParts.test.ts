import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { compileRuleSet, createOperatorRegistry, runReference } from "../../src/index.js";
import { BUILTIN_OPERATORS, defaultOperatorRegistry, libraryNumberValidator, operatorParts, type ResolvedOperator } from "../../src/engine/operators.js";
import { BUILTIN_BODIES } from "../../src/engine/compile/generatedSource.js";

const numRuns = Math.max(10_000, Number(process.env.FC_NUM_RUNS ?? 0));

// The generated evaluator spells out Operator#evaluate at each leaf and, for the library's
// numberValidator, answers numbers with `a === a`. These tests pin both to the library.
describe("operator parts used by the generated evaluator", () => {
  it("json-rules-engine's numberValidator is `a === a` on every number (NaN, ±Infinity, -0, subnormals included)", () => {
    const validate = libraryNumberValidator();
    for (const x of [Number.NaN, Infinity, -Infinity, -0, 0, Number.MIN_VALUE, Number.MAX_VALUE, 1e21, -1e-7]) expect(validate(x)).toBe(x === x);
    fc.assert(fc.property(fc.double(), (x) => validate(x) === (x === x)), { numRuns });
  });

  it("classifies the library's operators: numeric ones carry its numberValidator, the others do not", () => {
    const registry = defaultOperatorRegistry();
    for (const name of ["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]) {
      expect(operatorParts(registry.get(name)!)).toEqual({ validatesNumbers: true, validatesNothing: false, builtin: name });
    }
    for (const name of ["equal", "notEqual", "in", "notIn"]) {
      expect(operatorParts(registry.get(name)!)).toEqual({ validatesNumbers: false, validatesNothing: true, builtin: name });
    }
    for (const name of ["contains", "doesNotContain"]) {
      expect(operatorParts(registry.get(name)!)).toEqual({ validatesNumbers: false, validatesNothing: false, builtin: name });
    }
    // Decorated operators have callbacks of their own: called, never spelled.
    for (const name of ["someFact:equal", "not:lessThan", "swap:in"]) expect(operatorParts(registry.get(name)!)?.builtin).toBeUndefined();
    // Not a json-rules-engine Operator, or one with its own evaluate: called as it is.
    expect(operatorParts({ name: "x", evaluate: () => true } as ResolvedOperator)).toBeUndefined();
    const patched = (new Engine() as unknown as { operators: { get(n: string): ResolvedOperator } }).operators.get("equal");
    // json-rules-engine's Engines share their built-in Operator objects: patched, then restored.
    Object.defineProperty(patched, "evaluate", { value: () => true, configurable: true });
    try {
      expect(operatorParts(patched)).toBeUndefined();
    } finally {
      delete (patched as { evaluate?: unknown }).evaluate;
    }
  });

  it("spells each built-in callback as the library computes it, and its validator where it is the default", () => {
    const registry = defaultOperatorRegistry();
    const value = fc.oneof(fc.constantFrom(Number.NaN, -0, 0, "", "a", null, true, false), fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 2 }), fc.double());
    const operand = fc.oneof(value, fc.array(value, { maxLength: 4 }));
    for (const name of BUILTIN_OPERATORS) {
      const op = registry.get(name)! as unknown as { cb(a: unknown, b: unknown): unknown; factValueValidator(a: unknown): unknown };
      const spelled = new Function("a", "b", `return ${BUILTIN_BODIES[name]("a", "b")};`) as (a: unknown, b: unknown) => unknown;
      fc.assert(
        fc.property(operand, operand, (a, b) => {
          if (operatorParts(op as never)!.validatesNothing) expect(op.factValueValidator(a)).toBe(true);
          let expected: unknown;
          try {
            expected = op.cb(a, b);
          } catch {
            return; // `in` over a non-array: never spelled (leafMayThrow)
          }
          expect(spelled(a, b)).toBe(expected);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it("knows a callback by its source: one replaced before compiling is called, a replaced validator is called before the spelled body", async () => {
    const op = defaultOperatorRegistry().get("equal")! as unknown as { cb: unknown; factValueValidator: unknown };
    expect(operatorParts(op as never)).toEqual({ validatesNumbers: false, validatesNothing: true, builtin: "equal" });
    const ruleSet = {
      id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: [{ name: "r", conditions: { all: [{ fact: "x", operator: "equal", value: "1" }] }, event: { type: "review.required", params: { code: "x", message: { "zh-CN": "x", en: "x" } } } }],
    };
    const fires = (facts: Record<string, unknown>) => compileRuleSet(ruleSet, { trace: false }).run(facts).events.length;
    // json-rules-engine's Engines share their built-in Operator objects: patched, then restored.
    const { cb, factValueValidator } = op;
    try {
      op.cb = (a: unknown, b: unknown) => a == b; // eslint-disable-line eqeqeq
      expect(operatorParts(op as never)).toEqual({ validatesNumbers: false, validatesNothing: true });
      expect(fires({ x: 1 })).toBe(1);
      expect((await runReference(ruleSet, { x: 1 })).events.length).toBe(1);
      op.cb = cb;
      op.factValueValidator = (a: unknown) => typeof a === "number";
      expect(operatorParts(op as never)).toEqual({ validatesNumbers: false, validatesNothing: false, builtin: "equal" });
      expect(fires({ x: "1" })).toBe(0);
      expect((await runReference(ruleSet, { x: "1" })).events.length).toBe(0);
    } finally {
      op.cb = cb;
      op.factValueValidator = factValueValidator;
    }
    expect(fires({ x: 1 })).toBe(0);
  });

  it("calls a custom operator's callback and validator with the operator as `this`, as Operator#evaluate does", async () => {
    const seen: unknown[] = [];
    const operators = createOperatorRegistry({
      operators: [
        {
          name: "namedEqual",
          evaluate(this: unknown, a, b) {
            seen.push((this as { name?: string }).name);
            return a === b;
          },
          factValueValidator(this: unknown, a) {
            seen.push((this as { name?: string }).name);
            return typeof a === "string";
          },
        },
      ],
    });
    const ruleSet = {
      id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: [{ name: "r", conditions: { all: [{ fact: "reason", operator: "namedEqual", value: "no_reason" }] }, event: { type: "review.required", params: { code: "x", message: { "zh-CN": "x", en: "x" } } } }],
    };
    for (const reason of ["no_reason", "other", 7]) {
      const compiled = compileRuleSet(ruleSet, { operators, trace: false }).run({ reason });
      const reference = await runReference(ruleSet, { reason }, { operators });
      expect(compiled.events.map((e) => e.rule)).toEqual(reference.events.map((e) => e.rule));
      expect(compiled.events.length).toBe(reason === "no_reason" ? 1 : 0);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(["namedEqual"]));
  });
});
