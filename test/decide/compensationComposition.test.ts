import { describe, expect, it } from "vitest";
import { createDecider } from "../../src/decide/createDecider.js";
import { compilePolicy, safeCompilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import type { PolicyInput } from "../../src/policy/policy.js";

// Issue 13: a layer adds an item to every option or to named ones, or offers a new
// alternative; caps per option never touch the refund the law owes.

const label = { "zh-CN": "x", en: "x" };
const item = (name: string, params: Record<string, unknown>, conditions: unknown = { all: [{ fact: "customerTier", operator: "equal", value: "vip" }] }) => ({
  name,
  conditions,
  event: { type: "compensation.item", params: { optionLabel: label, label, kind: "coupon", fixed: 2000, ...params } },
});
const cap = (name: string, params: Record<string, unknown>) => ({
  name,
  conditions: { all: [{ fact: "customerTier", operator: "equal", value: "vip" }] },
  event: { type: "compensation.cap", params },
});
const withMerchant = (rules: unknown[]): PolicyInput => {
  const base = defaultPolicyInput();
  const document = { id: "merchant", version: "1", kind: "compensation", effective: { from: "2026-01-01" }, rules };
  return { ...base, layers: [...base.layers, { name: "merchant", ruleSets: [{ document }] }] };
};
// A quality return of a ¥199.00 shirt on day 3: the bundled plan offers return (refund 19900 +
// coupon 1990), exchange (coupon 1990) and keep_goods (partial refund 5970).
const shirt = {
  caseId: "c", reportedAt: "2026-03-04T10:00:00+08:00",
  order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 19900, items: [{ sku: "a", category: "apparel", unitPrice: 19900, quantity: 1 }] },
  request: { type: "return", reason: "quality_fault", goodsCondition: "used" },
  customer: { id: "c", tier: "vip", orderCount: 10, returnCount: 1 },
};
const plan = (rules: unknown[]) => {
  const decision = createDecider({ policy: compilePolicy(withMerchant(rules)), clock: () => new Date("2026-03-04T10:00:00+08:00") }).decide(shirt);
  return decision.compensation;
};
const shape = (c: ReturnType<typeof plan>) => c.options.map((o) => [o.id, o.items.map((i) => `${i.kind}:${i.amount.amount}`)]);

describe("compensation composition", () => {
  it("without addTo, a merchant's item is one more alternative (the old behaviour)", () => {
    expect(shape(plan([item("vip", { option: "vip" })]))).toEqual([
      ["return", ["refund:19900", "coupon:1990"]],
      ["exchange", ["coupon:1990"]],
      ["keep_goods", ["partial_refund:5970"]],
      ["vip", ["coupon:2000"]],
    ]);
  });

  it("addTo a list adds to the named options that are offered, and to nothing else", () => {
    expect(shape(plan([item("vip", { option: "vip", addTo: ["exchange", "reship"] })]))).toEqual([
      ["return", ["refund:19900", "coupon:1990"]],
      ["exchange", ["coupon:1990", "coupon:2000"]],
      ["keep_goods", ["partial_refund:5970"]],
    ]);
  });

  it("a cap limits the kinds it names in each option, first items first, and leaves other options alone", () => {
    const c = plan([item("vip", { option: "vip", addTo: "every" }), cap("cap", { options: ["return"], max: 2500, kinds: ["coupon"] })]);
    expect(shape(c)).toEqual([
      ["return", ["refund:19900", "coupon:1990", "coupon:510"]],
      ["exchange", ["coupon:1990", "coupon:2000"]],
      ["keep_goods", ["partial_refund:5970", "coupon:2000"]],
    ]);
    expect(c.options[0]!.total.amount).toBe(19900 + 1990 + 510);
  });

  it("a cap without kinds limits every goodwill kind but never the refund: the law owes the price (消保法 arts. 24, 25 ¶3)", () => {
    const c = plan([cap("cap", { options: "every", max: 0 })]);
    expect(shape(c)).toEqual([
      ["return", ["refund:19900", "coupon:0"]],
      ["exchange", ["coupon:0"]],
      ["keep_goods", ["partial_refund:0"]],
    ]);
    expect(c.options[0]!.cash.amount).toBe(19900);
  });

  it("refuses a cap on refunds at load", () => {
    const result = safeCompilePolicy(withMerchant([cap("cap", { options: "every", max: 0, kinds: ["refund"] })]), { lang: "en" });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path.slice(-2).join(".")])).toEqual([["invalid_event_params", "kinds.0"]]);
  });
});
