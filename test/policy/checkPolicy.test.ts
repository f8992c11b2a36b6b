import { describe, expect, it } from "vitest";
import { SEVERITY } from "../../src/_lib/issues.js";
import { checkPolicy } from "../../src/policy/checkPolicy.js";
import { compilePolicy, safeCompilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import { safeLoadPolicy } from "../../src/policy/loadPolicy.js";
import type { PolicyInput } from "../../src/policy/policy.js";

const refusedWith = (dir: string) => {
  const result = safeLoadPolicy(`test/policy/broken/${dir}`, { lang: "en" });
  if (result.success) throw new Error(`${dir} was expected to be refused`);
  return result.error.issues;
};

/** The bundled policy with one more layer holding one rule set. */
const withMerchant = (document: unknown, name = "merchant"): PolicyInput => {
  const base = defaultPolicyInput();
  return { ...base, layers: [...base.layers, { name, ruleSets: [{ document }] }] };
};

const ruleSet = (condition: unknown, event: unknown = { type: "remedy.allowed", params: { remedy: "exchange", citation: { "zh-CN": "x", en: "x" } } }) => ({
  id: "shop",
  version: "1",
  kind: "eligibility",
  effective: { from: "2026-01-01" },
  rules: [{ name: "r", conditions: { all: [condition] }, event }],
});

describe("checkPolicy", () => {
  it("finds nothing at all in the bundled policy, and hands over what it checked", () => {
    const check = checkPolicy(defaultPolicyInput());
    expect(check.issues).toEqual([]);
    expect(check.valid?.layers.map((l) => l.name)).toEqual(["statutory-cn", "platform"]);
  });

  it("withholds the checked policy when an issue's code is an error", () => {
    const check = checkPolicy(withMerchant(ruleSet({ fact: "customerTier", operator: "equal", value: "VIP" })));
    expect(check.issues).toEqual([expect.objectContaining({ code: "unknown_value" })]);
    expect(SEVERITY.unknown_value).toBe("error");
    expect(check.valid).toBeUndefined();
  });
});

describe("loading refuses what lint calls an error (issue 13)", () => {
  it("refuses a layer name used twice, at the manifest's layer", () => {
    expect(refusedWith("duplicate-layer")).toEqual([
      expect.objectContaining({ code: "duplicate_layer", path: ["layers", 0, "name"], file: "test/policy/broken/duplicate-layer/policy.json", line: 5, column: 16 }),
    ]);
  });

  it("refuses a rule-set id used twice, at the second file's id", () => {
    expect(refusedWith("duplicate-rule-set")).toEqual([
      expect.objectContaining({ code: "duplicate_rule_set", path: ["id"], file: "test/policy/broken/duplicate-rule-set/more-returns.json", line: 2, column: 3 }),
    ]);
  });

  it('refuses lessThanInclusive "30" (json-rules-engine would compare strings)', () => {
    expect(refusedWith("string-as-number")).toEqual([
      expect.objectContaining({ code: "type_mismatch", path: ["rules", 0, "conditions", "all", 0, "value"], line: 9, column: 95 }),
    ]);
  });

  it('refuses a string as the value of "in" ("food" would match "fresh_food,custom_made")', () => {
    expect(refusedWith("string-as-in-list")).toEqual([
      expect.objectContaining({ code: "type_mismatch", path: ["rules", 0, "conditions", "all", 0, "value"], message: expect.stringContaining("substrings") }),
    ]);
  });

  it('refuses customerTier "VIP" (the tiers are normal and vip), suggesting "vip"', () => {
    expect(refusedWith("vip-tier")).toEqual([
      expect.objectContaining({ code: "unknown_value", line: 9, column: 78, message: expect.stringContaining('did you mean "vip"?') }),
    ]);
  });

  it("refuses keys written twice, in the manifest and in a rule file", () => {
    expect(refusedWith("duplicate-key")).toEqual([
      expect.objectContaining({ code: "duplicate_key", path: ["version"], file: "test/policy/broken/duplicate-key/policy.json", line: 4, column: 3 }),
      expect.objectContaining({ code: "duplicate_key", path: ["rules", 0, "conditions", "all", 0, "value"], file: "test/policy/broken/duplicate-key/returns.json", line: 9, column: 108 }),
    ]);
  });

  it("refuses a rule that can never fire", () => {
    const dead = ruleSet({ all: [{ fact: "daysSinceDelivery", operator: "lessThan", value: 3 }, { fact: "daysSinceDelivery", operator: "greaterThan", value: 9 }] });
    const result = safeCompilePolicy(withMerchant(dead));
    expect(!result.success && result.error.issues.map((i) => i.code)).toEqual(["dead_rule"]);
  });

  it("names a file the manifest lists but that is missing, at the manifest's entry", () => {
    expect(refusedWith("missing-file")).toEqual([
      expect.objectContaining({ code: "io_error", path: ["layers", 0, "files", 0], file: "test/policy/broken/missing-file/policy.json", line: 5, column: 46, message: expect.stringContaining("nowhere.json") }),
    ]);
  });
});

describe("warnings do not refuse", () => {
  it("compiles a policy whose only issue is a warning and returns the warning with it", () => {
    const nullable = ruleSet({ fact: "goodsCondition", operator: "notEqual", value: "used" });
    const result = safeCompilePolicy(withMerchant(nullable));
    expect(result.success).toBe(true);
    expect(result.success && result.warnings).toEqual([
      expect.objectContaining({ code: "negative_operator_on_nullable_fact", severity: "warning", path: ["rules", 0, "conditions", "all", 0, "operator"] }),
    ]);
    expect(() => compilePolicy(withMerchant(nullable))).not.toThrow();
  });
});
