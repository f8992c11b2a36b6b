import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet, createOperatorRegistry, runReference } from "../../src/index.js";
import { defaultOperatorRegistry } from "../../src/engine/operators.js";
import { arbFactValue, arbScalar, CUSTOM_OPERATORS, FACT_NAMES } from "../arbitraries/ruleSet.js";
import { asJson, attempt, expectAgreement, TOTAL_OPERATORS } from "./differentialRuns.js";

/**
 * The equality index against json-rules-engine: rule sets where many rules are keyed by
 * `a equal <key>` (the shape of a rule per leaf category), mixed with rules that are not
 * keyed (no key, or a leaf that may throw), on facts whose `a` hits a key, misses every
 * key, or is a value of another type (`-0` against key `0`, `"1"` against `1`).
 *
 * Proof that the index ran, not only that answers agree: every keyed rule starts with a
 * marker leaf reading its own property of fact `m` through a getter. The plain evaluator
 * reads every keyed rule's marker; the indexed one must read only those of the rules whose
 * key is `a`'s value.
 */
const operators = createOperatorRegistry({ operators: CUSTOM_OPERATORS });

const KEYS = ["k1", "k2", "k3", "", 0, 1, true, false, null] as const;
const OTHER_FACTS = FACT_NAMES.filter((f) => f !== "a");

// Leaves that cannot throw (built-in total operators over literals): a rule made of them is keyed.
const arbTotalLeaf = fc.record(
  {
    fact: fc.constantFrom(...OTHER_FACTS),
    operator: fc.constantFrom(...TOTAL_OPERATORS),
    value: arbScalar,
    path: fc.constantFrom("$.x", "$[0]", "$.length"),
  },
  { requiredKeys: ["fact", "operator", "value"] },
);
// Leaves that may throw or are custom: a rule with one is never keyed.
const arbOtherLeaf = fc.record({
  fact: fc.constantFrom(...FACT_NAMES),
  operator: fc.constantFrom("matches", "countOf", "echo", "in"),
  value: fc.oneof(arbScalar, fc.array(arbScalar, { maxLength: 3 })),
});

const arbRule = fc.oneof(
  { weight: 6, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), rest: fc.array(arbTotalLeaf, { maxLength: 2 }), keyFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...KEYS), rest: fc.array(arbOtherLeaf, { minLength: 1, maxLength: 2 }), keyFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ rest: fc.array(arbTotalLeaf, { minLength: 1, maxLength: 2 }), any: fc.boolean() }) },
);

const arbKeyedRuleSet = fc.array(fc.record({ rule: arbRule, priority: fc.integer({ min: 1, max: 2 }) }), { minLength: 2, maxLength: 14 }).map((rules) => ({
  id: "keyed",
  version: "1",
  kind: "eligibility" as const,
  effective: { from: "2026-01-01" },
  rules: rules.map(({ rule, priority }, i) => {
    const marker = { fact: "m", path: `$.r${i}`, operator: "notEqual", value: "never" };
    let conditions: unknown;
    if ("key" in rule) {
      const key = { fact: "a", operator: "equal", value: rule.key };
      conditions = { all: [marker, ...(rule.keyFirst ? [key, ...rule.rest] : [...rule.rest, key])] };
    } else conditions = rule.any ? { any: rule.rest } : { all: rule.rest };
    return { name: `r${i}`, priority, conditions, event: { type: "e", params: { i } } };
  }),
}));

/** Fact `m` with one getter per rule, recording which markers were read. */
function markers(count: number, read: Set<number>): Record<string, string> {
  const m: Record<string, string> = {};
  for (let i = 0; i < count; i++) Object.defineProperty(m, `r${i}`, { enumerable: true, get: () => (read.add(i), "m") });
  return m;
}

const arbA = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(-0, "1", "0", "k4", undefined) },
  { weight: 1, arbitrary: arbFactValue.map(asJson) },
);
const arbOthers = fc.tuple(...OTHER_FACTS.map(() => arbFactValue.map(asJson)));

const numRuns = Math.max(1000, Number(process.env.FC_NUM_RUNS ?? 0));

describe("the equality index vs json-rules-engine (differential)", () => {
  it("fires the same events as json-rules-engine and the unindexed code, and evaluates only the matching key's rules", async () => {
    const seen = { indexed: 0, skipped: 0, compared: 0 };
    await fc.assert(
      fc.asyncProperty(arbKeyedRuleSet, arbA, arbOthers, fc.boolean(), async (ruleSet, a, others, allowUndefinedFacts) => {
        const read = new Set<number>();
        const facts: Record<string, unknown> = { m: markers(ruleSet.rules.length, read) };
        if (a !== undefined) facts.a = a;
        OTHER_FACTS.forEach((name, i) => (facts[name] = others[i]));

        // Rules of one shape through their shared loop in half of the runs (templateMinRules 2).
        const indexed = compileRuleSet(ruleSet, { operators, allowUndefinedFacts, indexMinRules: 2, ...(ruleSet.rules.length % 2 === 0 ? { templateMinRules: 2 } : {}) });
        const plain = compileRuleSet(ruleSet, { operators, allowUndefinedFacts, indexMinRules: Infinity });
        expect(indexed.evaluator).toBe("generated");
        expect(plain.index).toBeUndefined();

        const ref = await attempt(() => runReference(ruleSet, facts, { operators, allowUndefinedFacts }));
        const viaPlain = await attempt(() => plain.run(facts, { trace: false }));
        read.clear();
        const viaIndex = await attempt(() => indexed.run(facts, { trace: false }));
        const markersRead = new Set(read);
        if (!expectAgreement(viaIndex, viaPlain, ref)) return;
        seen.compared++;

        if (indexed.index === undefined) return;
        seen.indexed++;
        expect(indexed.index.fact).toBe("a");
        // No keyed rule whose key is not `a` was evaluated.
        ruleSet.rules.forEach((rule, i) => {
          const key = (rule.conditions as { all?: { fact: string; operator: string; value: unknown }[] }).all?.find((c) => c.fact === "a" && c.operator === "equal");
          const isKeyedElsewhere = key !== undefined && key.value !== a;
          const mayThrow = (rule.conditions as { all?: { operator: string }[] }).all?.some((c) => !["equal", "notEqual", ...TOTAL_OPERATORS].includes(c.operator));
          if (isKeyedElsewhere && !mayThrow) {
            expect(markersRead.has(i), `rule r${i} (key ${JSON.stringify(key.value)}) ran for a = ${JSON.stringify(a)}`).toBe(false);
            seen.skipped++;
          }
        });
      }),
      { numRuns },
    );
    // The index was built and skipped rules in a good share of the runs, not vacuously.
    expect(seen.compared).toBeGreaterThan(numRuns / 2);
    expect(seen.indexed).toBeGreaterThan(numRuns / 3);
    expect(seen.skipped).toBeGreaterThan(numRuns);
  });

  it("the unindexed code reads every keyed rule's marker (so the proof above can fail)", () => {
    const read = new Set<number>();
    const ruleSet = {
      id: "k", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: ["x", "y", "z"].map((key, i) => ({
        name: `r${i}`,
        conditions: { all: [{ fact: "m", path: `$.r${i}`, operator: "notEqual", value: "never" }, { fact: "a", operator: "equal", value: key }] },
        event: { type: "e" },
      })),
    };
    const facts = { a: "y", m: markers(3, read) };
    compileRuleSet(ruleSet, { indexMinRules: Infinity }).run(facts, { trace: false });
    expect([...read].sort()).toEqual([0, 1, 2]);
    read.clear();
    const indexed = compileRuleSet(ruleSet, { indexMinRules: 2 });
    expect(indexed.index).toEqual({ fact: "a", rules: 3, keys: 3 });
    expect(indexed.run(facts, { trace: false }).events.map((e) => e.rule)).toEqual(["r1"]);
    expect([...read]).toEqual([1]);
  });

  it("is not built over a custom operator registered as `equal`", () => {
    const custom = createOperatorRegistry({ operators: [{ name: "equal", evaluate: (a, b) => a == b }] });
    const ruleSet = {
      id: "k", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
      rules: ["x", "y", "z"].map((key, i) => ({ name: `r${i}`, conditions: { all: [{ fact: "a", operator: "equal", value: key }] }, event: { type: "e" } })),
    };
    expect(compileRuleSet(ruleSet, { indexMinRules: 2 }).index).toBeDefined();
    expect(compileRuleSet(ruleSet, { indexMinRules: 2, operators: custom }).index).toBeUndefined();
  });
});

describe("json-rules-engine's `equal`, which the index relies on", () => {
  it("is `a === b` on every pair of JSON values, whatever the types", () => {
    const equal = defaultOperatorRegistry().get("equal")!;
    const arbAny = fc.oneof(arbFactValue, fc.constantFrom(-0, 0, Number.NaN, "0", "", null, false));
    fc.assert(fc.property(arbAny, arbAny, (a, b) => {
      expect(equal.evaluate(a, b)).toBe(a === b);
    }));
  });
});
