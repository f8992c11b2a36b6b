import fc from "fast-check";
import { finalizeIssues } from "../../src/_lib/issueMessages.js";
import { describe, expect, it } from "vitest";
import { SEVERITY } from "../../src/_lib/issues.js";
import { parseSourceDocument } from "../../src/_lib/sourcePositions.js";
import { checkPolicy } from "../../src/policy/checkPolicy.js";
import { safeCompilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import type { PolicyInput } from "../../src/policy/policy.js";
import { lintLoneFile } from "../../src/tools/lint/lint.js";
import { loneFilePolicyInput } from "../../src/tools/lint/loneFile.js";

// Merchant rule sets, mostly sound, with the mistakes authors make mixed in: values of the
// wrong type or outside a fact's values, facts unknown or of a later stage, events of
// another stage, windows below the floor, names, ids and layer names used twice.
const citation = { "zh-CN": "x", en: "x" };
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>): fc.Arbitrary<T> => fc.oneof({ weight: 15, arbitrary: good }, { weight: 1, arbitrary: bad as fc.Arbitrary<T> });
const arbLeaf = mostly(
  fc.constantFrom(
    { fact: "daysSinceDelivery", operator: "lessThanInclusive", value: 30 },
    { fact: "daysSinceDelivery", operator: "greaterThan", value: 7 },
    { fact: "customerTier", operator: "equal", value: "vip" },
    { fact: "reason", operator: "in", value: ["quality_fault", "wrong_item"] },
    { fact: "goodsCondition", operator: "equal", value: "used" },
    { fact: "goodsCondition", operator: "notEqual", value: "used" },
    { fact: "category", operator: "equal", value: "fresh_food" },
  ),
  fc.constantFrom(
    { fact: "daysSinceDelivery", operator: "lessThanInclusive", value: "30" },
    { fact: "customerTier", operator: "equal", value: "VIP" },
    { fact: "customerTier", operator: "in", value: ["vip", "Gold"] },
    { fact: "category", operator: "in", value: "fresh_food,custom_made" },
    { fact: "returnAllowed", operator: "equal", value: true },
    { fact: "daysSinceDelivry", operator: "lessThan", value: 7 },
    { fact: "daysSinceDelivery", operator: "lessThan", value: 3 },
  ),
);
const EVENTS = {
  sla: [{ type: "sla.followUp", params: { kind: "k", afterMinutes: 5, message: citation } }],
  eligibility: [
    { type: "remedy.allowed", params: { remedy: "exchange", window: { days: 30 }, citation } },
    { type: "review.required", params: { code: "c", message: citation } },
  ],
  compensation: [{ type: "compensation.item", params: { option: "o", optionLabel: citation, kind: "coupon", fixed: 100, label: citation } }],
};
const arbWrongEvent = fc.constantFrom(
  { type: "remedy.allowed", params: { remedy: "return", window: { days: 5 }, citation } },
  { type: "remedy.granted", params: {} },
  { type: "compensation.item", params: { option: "o" } },
);
const arbRuleSet = fc.constantFrom("sla", "eligibility", "compensation").chain((kind) =>
  fc.record({
    id: mostly(fc.constant("shop"), fc.constantFrom("platform-sla", "cn-quality")),
    version: fc.constant("1"),
    kind: fc.constant(kind),
    effective: fc.constant({ from: "2026-01-01" }),
    rules: fc
      .array(
        fc.record({
          name: mostly(fc.constant(""), fc.constant("same")),
          priority: fc.constantFrom(1, 2),
          conditions: fc.array(arbLeaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
          event: mostly(fc.constantFrom(...EVENTS[kind]), arbWrongEvent),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((rules) => rules.map((r, i) => ({ ...r, name: r.name || `rule_${i}` }))),
  }),
);
const arbPolicy: fc.Arbitrary<PolicyInput> = fc
  .array(fc.record({ name: mostly(fc.constant(""), fc.constant("platform")), statutory: mostly(fc.constant(false), fc.constant(true)), ruleSets: fc.array(arbRuleSet, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 })
  .map((layers) => {
    const base = defaultPolicyInput();
    const extra = layers.map((l, i) => ({ ...l, name: l.name || `merchant${i}`, ruleSets: l.ruleSets.map((r, j) => ({ document: { ...r, id: r.id === "shop" ? `shop-${i}-${j}` : r.id } })) }));
    return { ...base, layers: [...base.layers, ...extra] };
  });

const errors = <I extends { code: keyof typeof SEVERITY }>(issues: readonly I[]) => issues.filter((i) => SEVERITY[i.code] === "error");

describe("properties", () => {
  it("compiling refuses exactly when checkPolicy finds an error, with exactly those errors", () => {
    fc.assert(
      fc.property(arbPolicy, (input) => {
        const found = checkPolicy(input).issues;
        const result = safeCompilePolicy(input);
        expect(result.success).toBe(errors(found).length === 0);
        // The issues as data are checkPolicy's; the result carries them with their messages.
        if (result.success) expect(result.warnings).toEqual(finalizeIssues(found));
        else expect(result.error.issues).toEqual(finalizeIssues(errors(found)));
      }),
      { numRuns: 100 },
    );
  });

  it("lint of a rule file prints exactly what the bundled policy with that file would be refused with", () => {
    fc.assert(
      fc.property(arbRuleSet, (ruleSet) => {
        const doc = parseSourceDocument(JSON.stringify(ruleSet, null, 2), "merchant.json");
        const result = safeCompilePolicy(loneFilePolicyInput(doc)!);
        expect(result.success ? [] : result.error.issues).toEqual(finalizeIssues(errors(lintLoneFile(doc))));
      }),
      { numRuns: 100 },
    );
  });
});
