import { describe, expect, it } from "vitest";
import { checkAttributes } from "../../../src/policy/checks/attributes.js";
import type { RuleSet } from "../../../src/engine/ruleSetSchema.js";

const declared = { line: { brand: { type: "enum" as const, values: ["acme", "globex"] } }, order: { shippingInsurance: { type: "boolean" as const } }, customer: { spend: { type: "number" as const } } };
const ruleSet = (leaf: Record<string, unknown>): RuleSet =>
  ({ id: "t", version: "1", kind: "eligibility", effective: { from: "2026-01-01" }, rules: [{ name: "r", conditions: { all: [leaf] }, event: { type: "x" } }] }) as unknown as RuleSet;
const at = ["rules", 0, "conditions", "all", 0];

describe("lint of the attribute facts against the policy's declarations", () => {
  it("accepts a declared attribute compared as its type says", () => {
    expect(checkAttributes(ruleSet({ fact: "lineAttributes", path: "$.brand", operator: "in", value: ["acme", "globex"] }), declared)).toEqual([]);
    expect(checkAttributes(ruleSet({ fact: "customerAttributes", path: "$.spend", operator: "greaterThan", value: 100 }), declared)).toEqual([]);
  });

  it("refuses an undeclared name, with a suggestion, at the path", () => {
    expect(checkAttributes(ruleSet({ fact: "lineAttributes", path: "$.brnad", operator: "equal", value: "acme" }), declared)).toEqual([
      { code: "unknown_attribute", path: [...at, "path"], params: { fact: "lineAttributes", attribute: "brnad", declared: ["brand"], suggestion: "brand" } },
    ]);
  });

  it("refuses an attribute fact read without a path (the whole object never equals a literal)", () => {
    expect(checkAttributes(ruleSet({ fact: "orderAttributes", operator: "equal", value: true }), declared).map((i) => [i.code, i.path])).toEqual([["unknown_attribute", [...at, "fact"]]]);
  });

  it("refuses a value outside an enum (unknown_value) and a type that can never match (type_mismatch)", () => {
    expect(checkAttributes(ruleSet({ fact: "lineAttributes", path: "$.brand", operator: "equal", value: "ACME" }), declared)).toEqual([
      { code: "unknown_value", path: [...at, "value"], params: { fact: "lineAttributes.brand", value: "ACME", values: ["acme", "globex"], suggestion: "acme" } },
    ]);
    expect(checkAttributes(ruleSet({ fact: "orderAttributes", path: "$.shippingInsurance", operator: "equal", value: "yes" }), declared).map((i) => [i.code, i.params])).toEqual([
      ["type_mismatch", expect.objectContaining({ problem: "never_equal", fact: "orderAttributes.shippingInsurance", factType: "boolean|null" })],
    ]);
    expect(checkAttributes(ruleSet({ fact: "customerAttributes", path: "$.spend", operator: "lessThan", value: "30" }), declared).map((i) => i.code)).toEqual(["type_mismatch"]);
  });
});
