import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { compileRuleSet, createOperatorRegistry, runReference } from "../../src/index.js";

// A custom operator's callback may return any value; json-rules-engine 7.3.1 keeps it as
// the leaf's result. Mirrors json-rules-engine's test/engine-operator.test.js ("Engine:
// operator › evaluation › emits when the condition is met": one custom operator alone
// under the top-level `any`), with the callback returning a regex match or a count
// instead of a boolean.
const startsWithLetter = (word: unknown, letter: unknown) => (typeof word === "string" ? word.match(new RegExp(`^${String(letter)}`, "i")) : null);
const countOf = (list: unknown, item: unknown) => (Array.isArray(list) ? list.filter((x) => x === item).length : 0);
const operators = createOperatorRegistry({
  operators: [
    { name: "startsWithLetter", evaluate: startsWithLetter },
    { name: "countOf", evaluate: countOf },
  ],
});

const leaf = { fact: "word", operator: "startsWithLetter", value: "a" };
const count = { fact: "tags", operator: "countOf", value: "x" };
const ruleSet = (conditions: unknown) => ({
  id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
  rules: [{ name: "r", conditions, event: { type: "operatorTrigger" } }],
});

/** Whether json-rules-engine's own Engine fires the rule: the oracle. */
async function libraryFires(conditions: unknown, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator("startsWithLetter", startsWithLetter as never);
  engine.addOperator("countOf", countOf as never);
  engine.addRule({ name: "r", conditions: structuredClone(conditions) as never, event: { type: "operatorTrigger" } });
  return (await engine.run(facts)).events.length === 1;
}

/** Whether each of our paths fires it: generated code, closures without and with a trace, the reference. */
async function ourFires(conditions: unknown, facts: Record<string, unknown>): Promise<boolean[]> {
  const options = { operators, allowUndefinedFacts: true };
  const generated = compileRuleSet(ruleSet(conditions), options);
  expect(generated.evaluator).toBe("generated");
  const closures = compileRuleSet(ruleSet(conditions), { ...options, codegen: false });
  const traced = generated.run(facts, { trace: true });
  expect(traced.trace[0]!.fired).toBe(traced.events.length === 1);
  return [
    generated.run(facts, { trace: false }).events.length === 1,
    closures.run(facts, { trace: false }).events.length === 1,
    traced.events.length === 1,
    (await runReference(ruleSet(conditions), facts, options)).events.length === 1,
  ];
}

describe("a custom operator returning a non-boolean (issue 10 (a))", () => {
  it.each(([
    ["alone under the top-level any, matching", { any: [leaf] }, { word: "Aardvark" }, true],
    ["alone under the top-level all, matching", { all: [leaf] }, { word: "antelope" }, true],
    ["alone under the top-level any, not matching (null)", { any: [leaf] }, { word: "coffee" }, false],
    ["a count of 2 alone under the top-level all", { all: [count] }, { tags: ["x", "y", "x"] }, true],
    ["a count of 0 alone under the top-level any", { any: [count] }, { tags: ["y"] }, false],
    // Only the top level passes the raw outcome; every nested node requires `=== true`.
    ["matching, one level deeper", { all: [{ any: [leaf] }] }, { word: "Aardvark" }, false],
    ["matching, beside another true condition", { all: [leaf, { fact: "word", operator: "notEqual", value: "" }] }, { word: "Aardvark" }, false],
    ["matching, under the top-level not", { not: leaf }, { word: "Aardvark" }, false],
    ["not matching, under the top-level not", { not: leaf }, { word: "coffee" }, true],
  ] as [string, unknown, Record<string, unknown>, boolean][]).map(([name, conditions, facts, fires]) => ({ name, conditions, facts, fires: fires as boolean })))("$name: fires = $fires, as in json-rules-engine", async ({ conditions, facts, fires }) => {
    expect(await libraryFires(conditions, facts)).toBe(fires);
    expect(await ourFires(conditions, facts)).toEqual([fires, fires, fires, fires]);
  });

  it("keeps the raw outcome in the leaf's trace, and the rule's result as a boolean", () => {
    const result = compileRuleSet(ruleSet({ any: [count] }), { operators }).run({ tags: ["x", "x"] }, { trace: true });
    expect(result.trace[0]!.conditions).toMatchObject({ any: [{ result: 2 }], result: true });
  });
});
