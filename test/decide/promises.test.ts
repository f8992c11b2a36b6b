import { describe, expect, it } from "vitest";
import { createDecider } from "../../src/decide/createDecider.js";
import { compilePolicy, safeCompilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import type { PolicyInput } from "../../src/policy/policy.js";

// Issue 13: promises as remedies of their own — each says what it promises and nothing more.

const citation = { "zh-CN": "商家承诺", en: "Merchant promise" };
const always = { all: [{ fact: "lineUnits", operator: "greaterThanInclusive", value: 1 }] };
const rule = (name: string, type: string, params: Record<string, unknown>, conditions: unknown = always) => ({ name, conditions, event: { type, params: { citation, ...params } } });
const withLayer = (kind: string, rules: unknown[], extra: { kind: string; rules: unknown[] }[] = []): PolicyInput => {
  const base = defaultPolicyInput();
  const ruleSets = [{ kind, rules }, ...extra].map((rs, i) => ({ document: { id: `m${i}`, version: "1", effective: { from: "2026-01-01" }, ...rs } }));
  return { ...base, layers: [...base.layers, { name: "merchant", ruleSets }] };
};
const deciderWith = (input: PolicyInput) => createDecider({ policy: compilePolicy(input), clock: () => new Date("2026-03-21T10:00:00+08:00"), trace: false });
// A shirt signed for 1 March 23:50; a no-reason return on day 3 (open, the customer pays return
// shipping by law) and a quality return on day 3 (the merchant pays).
const shirt = (reason: string, condition = "unopened") => ({
  caseId: "c", reportedAt: "2026-03-04T10:00:00+08:00",
  order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 19900, items: [{ sku: "a", category: "apparel", unitPrice: 19900, quantity: 1 }] },
  request: { type: "return", reason, goodsCondition: condition },
  customer: { id: "c", tier: "normal" },
});

describe("return-shipping promises", () => {
  it("a free-shipping promise named for exchanges leaves the return's payer as the law says", () => {
    const d = deciderWith(withLayer("eligibility", [rule("x", "promise.freeReturnShipping", { remedies: ["exchange"] })])).decide(shirt("no_reason")).lines[0]!.eligibility;
    expect(d.return.returnShippingPaidBy).toBe("customer"); // 消保法 art. 25: no-reason return shipping is the customer's
    expect(d.return.basis.some((b) => b.promise !== undefined)).toBe(false);
  });

  it("of two insurance promises the larger cap holds, and both are in the basis", () => {
    const d = deciderWith(withLayer("eligibility", [rule("small", "promise.returnShippingInsurance", { upTo: 800 }), rule("large", "promise.returnShippingInsurance", { upTo: 1500 })]))
      .decide(shirt("no_reason")).lines[0]!.eligibility.return;
    expect(d).toMatchObject({ status: "allowed", returnShippingPaidBy: "insurance", returnShippingUpTo: { amount: 1500, currency: "CNY" } });
    expect(d.basis.filter((b) => b.promise === "return_shipping_insurance").map((b) => b.rule)).toEqual(["small", "large"]);
  });

  it("insurance does not replace a merchant who already pays (a quality return), and is not shown as a basis", () => {
    const d = deciderWith(withLayer("eligibility", [rule("ins", "promise.returnShippingInsurance", { upTo: 1200 })])).decide(shirt("quality_fault", "used")).lines[0]!.eligibility.return;
    expect(d.status).toBe("allowed");
    expect(d.returnShippingPaidBy).toBe("merchant");
    expect(d.returnShippingUpTo).toBeUndefined();
    expect(d.basis.some((b) => b.promise !== undefined)).toBe(false);
  });

  it("a promise on a remedy nothing allows changes nothing (the frozen verdict comes back as it is)", () => {
    const statutory = createDecider({ clock: () => new Date("2026-03-21T10:00:00+08:00"), trace: false }).decide(shirt("no_reason")).lines[0]!.eligibility.exchange;
    const promised = deciderWith(withLayer("eligibility", [rule("x", "promise.freeReturnShipping", {})])).decide(shirt("no_reason")).lines[0]!.eligibility.exchange;
    expect(promised).toEqual(statutory);
    expect(promised.status).toBe("denied");
  });
});

describe("promise params", () => {
  const refused = (type: string, params: Record<string, unknown>) => {
    const r = safeCompilePolicy(withLayer("eligibility", [rule("x", type, params)]));
    return r.success ? [] : r.error.issues.map((i) => [i.code, i.path.slice(-1)[0]]);
  };
  it("a shipping promise names only remedies whose goods travel back; insurance needs a positive cap; lifetime repair takes nothing but its citation", () => {
    expect(refused("promise.freeReturnShipping", { remedies: ["repair"] })).toEqual([["invalid_event_params", 0]]);
    expect(refused("promise.returnShippingInsurance", { upTo: 0 })).toEqual([["invalid_event_params", "upTo"]]);
    expect(refused("promise.returnShippingInsurance", {})).toEqual([["invalid_event_params", "upTo"]]);
    expect(refused("promise.lifetimeRepair", { window: { days: 30 } })).toEqual([["invalid_event_params", "params"]]);
    expect(refused("promise.lifetimeRepair", {})).toEqual([]);
  });
});

describe("lifetime repair", () => {
  it("is the latest basis: the statutory repair's deadline gives way to none, the statutory basis stays", () => {
    const phone = { ...shirt("quality_fault", "used"), order: { ...shirt("").order, paidAmount: 399900, items: [{ sku: "p", category: "mobile_phone", unitPrice: 399900, quantity: 1 }] }, request: { type: "repair", reason: "quality_fault", goodsCondition: "used", failedPart: "main_unit" } };
    const statutory = createDecider({ clock: () => new Date("2026-03-21T10:00:00+08:00"), trace: false }).decide(phone).lines[0]!.eligibility.repair;
    const d = deciderWith(withLayer("eligibility", [rule("life", "promise.lifetimeRepair", {})])).decide(phone).lines[0]!.eligibility.repair;
    expect(statutory.deadline).toBe("2027-03-02T00:00:00+08:00"); // one year from the day after signing
    expect(d.deadline).toBeUndefined();
    expect(d.basis).toEqual([...statutory.basis, { layer: "merchant", ruleSet: "m0", rule: "life", citation, promise: "lifetime_repair" }]);
  });
});

describe("price protection", () => {
  // Three units at ¥100 (one order line), ordered 27 February, price now ¥85.
  const order = (priceNow: number | undefined, reportedAt = "2026-03-20T10:00:00+08:00") => ({
    caseId: "p", reportedAt,
    order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", paidAmount: 30000, items: [{ sku: "a", category: "apparel", unitPrice: 10000, quantity: 3, ...(priceNow === undefined ? {} : { priceNow }) }] },
    request: { type: "inquiry", reason: "price_drop", lines: [{ line: "a", quantity: 2 }] },
    customer: { id: "c", tier: "normal" },
  });
  const pp = (params: Record<string, unknown> = {}) =>
    rule("pp", "compensation.priceProtection", { option: "pp", optionLabel: citation, label: citation, withinDays: 30, ...params }, { all: [{ fact: "reason", operator: "equal", value: "price_drop" }] });

  it("is not limited by a merchant's compensation.cap (the promise binds; only the paid amount limits cash)", () => {
    const cap = { name: "cap", conditions: { all: [{ fact: "orderValue", operator: "greaterThanInclusive", value: 0 }] }, event: { type: "compensation.cap", params: { options: "every", max: 100 } } };
    const c = deciderWith(withLayer("compensation", [pp(), cap])).decide(order(8500)).compensation;
    expect(c.options.map((o) => [o.id, o.items.map((i) => `${i.kind}:${i.amount.amount}`)])).toEqual([["pp", ["price_difference:3000"]]]); // (10000 − 8500) × 2
    expect(c.capsApplied).toEqual([]);
  });

  it("offers nothing without priceNow, or when the price has not fallen", () => {
    expect(deciderWith(withLayer("compensation", [pp()])).decide(order(undefined)).compensation.options).toEqual([]);
    expect(deciderWith(withLayer("compensation", [pp()])).decide(order(10000)).compensation.options).toEqual([]);
  });

  it("added to every option, it joins the options other rules make", () => {
    const coupon = { name: "coupon", conditions: { all: [{ fact: "reason", operator: "equal", value: "price_drop" }] }, event: { type: "compensation.item", params: { option: "goodwill", optionLabel: citation, label: citation, kind: "coupon", fixed: 500 } } };
    const c = deciderWith(withLayer("compensation", [coupon, pp({ addTo: "every" })])).decide(order(8500)).compensation;
    expect(c.options.map((o) => [o.id, o.items.map((i) => `${i.kind}:${i.amount.amount}`), o.cash.amount])).toEqual([["goodwill", ["coupon:500", "price_difference:3000"], 3000]]);
  });

  it("is a compensation event: an eligibility rule set using it is refused, and a compensation.item cannot be of kind price_difference", () => {
    expect(safeCompilePolicy(withLayer("eligibility", [pp()])).success).toBe(false);
    const item = { name: "i", conditions: always, event: { type: "compensation.item", params: { option: "o", optionLabel: citation, label: citation, kind: "price_difference", fixed: 1 } } };
    expect(safeCompilePolicy(withLayer("compensation", [item])).success).toBe(false);
  });
});
