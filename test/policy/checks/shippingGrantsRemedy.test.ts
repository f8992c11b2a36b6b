import { describe, expect, it } from "vitest";
import { messageOf } from "../../../src/_lib/issueMessages.js";
import { SEVERITY } from "../../../src/_lib/issues.js";
import { safeParseRuleSet } from "../../../src/engine/parseRuleSet.js";
import type { RuleSet } from "../../../src/engine/ruleSetSchema.js";
import { checkShippingGrantsRemedy } from "../../../src/policy/checks/shippingGrantsRemedy.js";
import { checkPolicy } from "../../../src/policy/checkPolicy.js";
import { safeCompilePolicy } from "../../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../../src/policy/defaultPolicy.js";

// Issue 13: the VIP rule meant as free return shipping granted every VIP 30-day returns.
const citation = { "zh-CN": "x", en: "x" };
const ruleSet = (conditions: unknown, params: Record<string, unknown>): RuleSet => {
  const parsed = safeParseRuleSet({
    id: "vip", version: "1", kind: "eligibility", effective: { from: "2026-01-01" },
    rules: [{ name: "vip_free_shipping", conditions, event: { type: "remedy.allowed", params: { citation, ...params } } }],
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const vipOnly = { all: [{ fact: "customerTier", operator: "equal", value: "vip" }] };
const vipRule = ruleSet(vipOnly, { remedy: "return", window: { days: 30 }, returnShippingPaidBy: "merchant" });

describe("shipping_terms_grant_remedy", () => {
  it("warns on a return that pays shipping and reads nothing about the goods, at returnShippingPaidBy", () => {
    const found = checkShippingGrantsRemedy(vipRule);
    expect(found).toEqual([{ code: "shipping_terms_grant_remedy", path: ["rules", 0, "event", "params", "returnShippingPaidBy"], params: { rule: "vip_free_shipping", remedy: "return" } }]);
    expect(messageOf(found[0]!, "en")).toMatch(/grants a return to every case it matches; .*promise\.freeReturnShipping/);
    expect(messageOf(found[0]!, "zh-CN")).toMatch(/都会被允许退货.*promise\.freeReturnShipping/);
  });

  it("is silent when the rule reads the goods or the time (a 30-day return promise), or the customer pays, or it is a repair", () => {
    const thirtyDays = { all: [{ fact: "daysSinceDelivery", operator: "lessThanInclusive", value: 30 }] };
    expect(checkShippingGrantsRemedy(ruleSet(thirtyDays, { remedy: "return", window: { days: 30 }, returnShippingPaidBy: "merchant" }))).toEqual([]);
    expect(checkShippingGrantsRemedy(ruleSet(vipOnly, { remedy: "return", window: { days: 30 }, returnShippingPaidBy: "customer" }))).toEqual([]);
    expect(checkShippingGrantsRemedy(ruleSet(vipOnly, { remedy: "repair", returnShippingPaidBy: "merchant" }))).toEqual([]);
  });

  it("lint and load agree: the same check warns, and the policy still loads (a warning decides as written)", () => {
    const base = defaultPolicyInput();
    const input = { ...base, layers: [...base.layers, { name: "merchant", ruleSets: [{ document: JSON.parse(JSON.stringify(vipRule)) }] }] };
    expect(checkPolicy(input).issues.map((i) => [i.code, SEVERITY[i.code]])).toEqual([["shipping_terms_grant_remedy", "warning"]]);
    const loaded = safeCompilePolicy(input);
    expect(loaded.success).toBe(true);
    expect(loaded.success && loaded.warnings.map((w) => w.code)).toEqual(["shipping_terms_grant_remedy"]);
  });

  it("leaves the statutory layer alone (the law's returns are not promises)", () => {
    expect(checkPolicy(defaultPolicyInput()).issues).toEqual([]);
  });
});
