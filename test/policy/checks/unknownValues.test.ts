import fc from "fast-check";
import { messageOf } from "../../../src/_lib/issueMessages.js";
import { describe, expect, it } from "vitest";
import { safeParseRuleSet } from "../../../src/engine/parseRuleSet.js";
import type { RuleSet } from "../../../src/engine/ruleSetSchema.js";
import { checkUnknownValues } from "../../../src/policy/checks/unknownValues.js";
import { FACTS } from "../../../src/policy/format/factCatalog.js";
import { FACT_VALUES } from "../../../src/policy/format/factValues.js";

const withLeaf = (leaf: Record<string, unknown>): RuleSet => {
  const parsed = safeParseRuleSet({
    id: "t", version: "1", kind: "compensation", effective: { from: "2026-01-01" },
    rules: [{ name: "r", conditions: { all: [leaf] }, event: { type: "review.required", params: { code: "c", message: { "zh-CN": "x", en: "x" } } } }],
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const at = ["rules", 0, "conditions", "all", 0, "value"];

describe("unknown_value: a string fact compared with a value it never takes", () => {
  it('flags customerTier equal "VIP" at the value, suggesting "vip"', () => {
    const found = checkUnknownValues(withLeaf({ fact: "customerTier", operator: "equal", value: "VIP" }));
    expect(found).toEqual([{ code: "unknown_value", path: at, params: { fact: "customerTier", value: "VIP", values: ["normal", "vip"], suggestion: "vip" } }]);
    expect(messageOf(found[0]!, "en")).toBe('"customerTier" is never "VIP": its values are "normal", "vip"; did you mean "vip"?');
    expect(messageOf(found[0]!, "zh-CN")).toBe('"customerTier" 不会是 "VIP"：可能的值为 "normal", "vip"；是否想写 "vip"？');
  });

  it("flags notEqual too: it would always hold", () => {
    expect(checkUnknownValues(withLeaf({ fact: "reason", operator: "notEqual", value: "quality" }))).toEqual([
      expect.objectContaining({ code: "unknown_value", path: at }),
    ]);
  });

  it("flags each list entry of in/notIn that can never match, at its index", () => {
    expect(checkUnknownValues(withLeaf({ fact: "requestType", operator: "notIn", value: ["return", "refund", "exchange", "swap"] }))).toEqual([
      expect.objectContaining({ path: [...at, 1] }),
      expect.objectContaining({ path: [...at, 3] }),
    ]);
  });

  it("leaves facts without declared values, decorated operators and fact references alone", () => {
    expect(checkUnknownValues(withLeaf({ fact: "category", operator: "equal", value: "VIP" }))).toEqual([]);
    expect(checkUnknownValues(withLeaf({ fact: "customerTier", operator: "not:equal", value: "VIP" }))).toEqual([]);
    expect(checkUnknownValues(withLeaf({ fact: "customerTier", operator: "equal", value: { fact: "reason" } }))).toEqual([]);
  });

  it("declares values only for string facts", () => {
    for (const fact of Object.keys(FACT_VALUES)) expect(FACTS[fact as keyof typeof FACTS].type).toMatch(/^string(\|null)?$/);
  });

  describe("properties", () => {
    const arbDeclared = fc.constantFrom(...Object.entries(FACT_VALUES).map(([fact, values]) => ({ fact, values: values! })));

    it("accepts every declared value, with equal and inside in", () => {
      fc.assert(
        fc.property(arbDeclared.chain(({ fact, values }) => fc.tuple(fc.constant(fact), fc.subarray([...values], { minLength: 1 }))), ([fact, some]) => {
          expect(checkUnknownValues(withLeaf({ fact, operator: "equal", value: some[0] }))).toEqual([]);
          expect(checkUnknownValues(withLeaf({ fact, operator: "in", value: some }))).toEqual([]);
        }),
      );
    });

    it("flags any string that is not a declared value", () => {
      fc.assert(
        fc.property(arbDeclared, fc.string({ minLength: 1 }), ({ fact, values }, s) => {
          fc.pre(!values.includes(s));
          expect(checkUnknownValues(withLeaf({ fact, operator: "equal", value: s })).map((i) => i.code)).toEqual(["unknown_value"]);
        }),
      );
    });
  });
});
