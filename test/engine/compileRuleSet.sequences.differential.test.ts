import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleSet, runReference } from "../../src/index.js";
import { arbFactValue, FACT_NAMES } from "../arbitraries/ruleSet.js";
import { asJson, attempt, expectAgreement, TOTAL_OPERATORS } from "./differentialRuns.js";

/**
 * A rule per leaf category: under each key (`a equal <key>`) the same few rule templates with
 * other literals. Keys whose buckets run the same shapes share one function (generatedSource
 * `sharedSequences`): spelled inline when each shape has one rule per bucket, else calling
 * the shapes' loops. Both against the unindexed, unshaped code and json-rules-engine.
 */
const KEYS = ["k1", "k2", "k3", "k4", 0, 1, true] as const;
const OTHER_FACTS = FACT_NAMES.filter((f) => f !== "a");

// A template: leaves (fact, operator, path) and the kind of literal each key's rule fills in
// (a shape keeps its literals' kinds), and whether each key has it twice (its shape's loop
// then has two rows in every bucket, and the shared function calls the loops).
const LITERALS = {
  number: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })),
  string: fc.constantFrom("", "x", "k1", "0", "1"),
  boolean: fc.boolean(),
  array: fc.array(fc.oneof(fc.constantFrom("", "x", "1"), fc.integer({ min: -2, max: 2 })), { maxLength: 3 }),
} as const;
type Kind = keyof typeof LITERALS;
// `in`/`notIn` over a literal array or string (so that they cannot throw, and the rule is keyed).
const arbLeaf = fc.oneof(
  fc.record({ operator: fc.constantFrom(...TOTAL_OPERATORS), kind: fc.constantFrom("number", "string", "boolean") as fc.Arbitrary<Kind> }),
  fc.record({ operator: fc.constantFrom("in", "notIn"), kind: fc.constantFrom("array", "string") as fc.Arbitrary<Kind> }),
);
const arbTemplate = fc.record({
  leaves: fc.array(
    fc.tuple(fc.record({ fact: fc.constantFrom(...OTHER_FACTS), path: fc.constantFrom(undefined, "$.x", "$[0]") }), arbLeaf).map(([where, how]) => ({ ...where, ...how })),
    { minLength: 1, maxLength: 3 },
  ),
  any: fc.boolean(),
  not: fc.boolean(),
  twice: fc.boolean(),
});

const arbCase = fc
  .record({
    templates: fc.array(arbTemplate, { minLength: 2, maxLength: 4 }),
    keys: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 2, maxLength: 5 }),
    seed: fc.array(fc.tuple(LITERALS.number, LITERALS.string, LITERALS.boolean, LITERALS.array), { minLength: 60, maxLength: 60 }),
    // One key without the templates' second rules: its bucket runs other shapes' rows.
    odd: fc.boolean(),
  })
  .map(({ templates, keys, seed, odd }) => {
    let n = 0;
    const rules: unknown[] = [];
    const literal = (kind: Kind) => seed[n % seed.length]![kind === "number" ? 0 : kind === "string" ? 1 : kind === "boolean" ? 2 : 3];
    keys.forEach((key, k) =>
      templates.forEach((t) => {
        const copies = t.twice && !(odd && k === 0) ? 2 : 1;
        for (let c = 0; c < copies; c++) {
          const leaves = t.leaves.map((l) => ({ fact: l.fact, operator: l.operator, value: literal(l.kind), ...(l.path === undefined ? {} : { path: l.path }) }));
          const group = t.any ? { any: leaves } : { all: leaves };
          rules.push({ name: `r${n++}`, conditions: { all: [{ fact: "a", operator: "equal", value: key }, t.not ? { not: group } : group] }, event: { type: "e", params: { n } } });
        }
      }),
    );
    return { id: "seq", version: "1", kind: "eligibility" as const, effective: { from: "2026-01-01" }, rules };
  });

const arbA = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom("k9", -0, "0", false) });
const arbOthers = fc.tuple(...OTHER_FACTS.map(() => arbFactValue.map(asJson)));

const numRuns = Math.max(400, Number(process.env.FC_NUM_RUNS ?? 0));

describe("keys that share a sequence of shapes (differential)", () => {
  it("fire what the unindexed code and json-rules-engine fire, spelled inline or calling the loops", async () => {
    const seen = { inline: 0, calls: 0, compared: 0 };
    await fc.assert(
      fc.asyncProperty(arbCase, arbA, arbOthers, fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }), async (ruleSet, a, others, leavesPerFunction) => {
        const facts: Record<string, unknown> = { a };
        OTHER_FACTS.forEach((name, i) => (facts[name] = others[i]));
        // A small leaf limit turns spelled tests into calls of the loops.
        const shared = compileRuleSet(ruleSet, { indexMinRules: 2, templateMinRules: 2, ...(leavesPerFunction === undefined ? {} : { leavesPerFunction }) });
        const plain = compileRuleSet(ruleSet, { indexMinRules: Infinity, templateMinRules: Infinity });
        expect(shared.index?.fact).toBe("a");
        const source = shared.source ?? "";
        if (/\nfunction q\d+\(f, t, fired\) \{\n(let [^\n]*\n)?if \(/.test(source)) seen.inline++;
        if (/\nfunction q\d+\(f, t, fired\) \{\ns\d+\(f, t\[0\], fired\);/.test(source)) seen.calls++;

        const ref = await attempt(() => runReference(ruleSet, facts));
        const viaPlain = await attempt(() => plain.run(facts, { trace: false }));
        const viaShared = await attempt(() => shared.run(facts, { trace: false }));
        if (expectAgreement(viaShared, viaPlain, ref)) seen.compared++;
      }),
      { numRuns },
    );
    // Both forms were generated, and most runs compared events (not vacuous).
    expect(seen.inline).toBeGreaterThan(numRuns / 20);
    expect(seen.calls).toBeGreaterThan(numRuns / 20);
    expect(seen.compared).toBeGreaterThan(numRuns / 2);
  });
});
