import { describe, expect, it } from "vitest";
import { compilePolicy, createDecider, createOperatorRegistry } from "../../src/index.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";

// A custom operator registered once serves the compiled and the reference path alike.
describe("custom operators in a policy", () => {
  it("decide and decideWithReference both use the policy's operators", async () => {
    const operators = createOperatorRegistry({
      operators: [{ name: "divisibleBy", evaluate: (a, b) => typeof a === "number" && typeof b === "number" && a % b === 0 }],
    });
    const input = defaultPolicyInput();
    const policy = compilePolicy(
      {
        ...input,
        layers: [
          ...input.layers,
          {
            name: "merchant",
            ruleSets: [{ document: { id: "lucky", version: "1", kind: "compensation", effective: { from: "2026-01-01" }, rules: [{ name: "lucky_order", conditions: { all: [{ fact: "orderValue", operator: "divisibleBy", value: 888 }] }, event: { type: "compensation.item", params: { option: "lucky", optionLabel: { "zh-CN": "幸运", en: "Lucky" }, kind: "points", fixed: 888, label: { "zh-CN": "积分", en: "Points" } } } }] } }],
          },
        ],
      },
      { operators },
    );
    const decider = createDecider({ policy, clock: () => new Date("2026-03-04T10:00:00+08:00") });
    const c = {
      caseId: "lucky", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-03-01T10:00:00+08:00", paidAmount: 888 * 10, items: [{ sku: "a", category: "apparel", unitPrice: 8880, quantity: 1 }] },
      request: { type: "inquiry", reason: "other" }, customer: { id: "c", tier: "normal" },
    };
    const compiled = decider.decide(c);
    expect(compiled.compensation.options.map((o) => o.id)).toEqual(["lucky"]);
    expect(await decider.decideWithReference(c)).toEqual(compiled);
  });
});
