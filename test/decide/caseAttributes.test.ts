import { describe, expect, it } from "vitest";
import { compilePolicy, createDecider } from "../../src/index.js";
import { parseCase } from "../../src/case/parseCase.js";
import { deriveCaseFacts } from "../../src/decide/deriveFacts.js";
import { requestedLines } from "../../src/decide/requestedLines.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import { zone } from "../../src/time/index.js";

const policy = compilePolicy({
  ...defaultPolicyInput(),
  attributes: { line: { brand: { type: "enum", values: ["acme", "globex"] } }, order: { shippingInsurance: { type: "boolean" } }, customer: { membershipLevel: { type: "string" } } },
});
const decider = createDecider({ policy, clock: () => new Date("2026-03-10T00:00:00+08:00"), trace: false });
const base = (o: Record<string, unknown> = {}, item: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) => ({
  caseId: "a", reportedAt: "2026-03-04T10:00:00+08:00",
  order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1, ...item }], ...o },
  request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal", ...customer },
});

describe("a case's attributes against the policy's declarations (when deciding)", () => {
  it("decides a case whose attributes are declared and well typed", () => {
    expect(decider.safeDecide(base({ attributes: { shippingInsurance: true } }, { attributes: { brand: "acme" } }, { attributes: { membershipLevel: "gold" } })).success).toBe(true);
  });

  it("refuses an undeclared attribute as an invalid case, with its path and a suggestion", () => {
    const r = decider.safeDecide(base({}, { attributes: { brnad: "acme" } }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe("invalid_case");
    expect(r.error.issues).toEqual([expect.objectContaining({ code: "invalid_input", path: ["order", "items", 0, "attributes", "brnad"], params: { rule: "attribute_not_declared", name: "brnad", level: "line", declared: ["brand"], suggestion: "brand" } })]);
  });

  it("refuses an ill-typed value and an enum value not declared, every one at once", () => {
    const r = decider.safeDecide(base({ attributes: { shippingInsurance: "yes" } }, { attributes: { brand: "ACME" } }, { attributes: { membershipLevel: 3 } }));
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join("."), (i.params as { rule: string }).rule])).toEqual([
      ["order.items.0.attributes.brand", "attribute_type"],
      ["order.attributes.shippingInsurance", "attribute_type"],
      ["customer.attributes.membershipLevel", "attribute_type"],
    ]);
  });

  it("refuses any attribute when the policy declares none (the bundled policy)", () => {
    const plain = createDecider({ clock: () => new Date("2026-03-10T00:00:00+08:00"), trace: false });
    expect(plain.safeDecide(base({ attributes: { shippingInsurance: true } })).success).toBe(false);
  });

  it("reads daysLate as calendar days in the policy's zone, 0 when on time, null without a promise or before delivery", () => {
    const z = zone("Asia/Shanghai");
    const daysLate = (o: Record<string, unknown>) => {
      const c = parseCase(base(o));
      return deriveCaseFacts(c, requestedLines(c), new Date(Date.parse(c.reportedAt)), z, policy.attributes).daysLate;
    };
    // Promised by 2026-02-28 23:30 Shanghai (15:30Z), signed 03-01 23:50 Shanghai: one Shanghai day late (the same UTC day).
    expect(daysLate({ promisedDeliveryBy: "2026-02-28T15:30:00Z" })).toBe(1);
    expect(daysLate({ promisedDeliveryBy: "2026-03-01T10:00:00+08:00" })).toBe(0); // late by hours on the promised day
    expect(daysLate({ promisedDeliveryBy: "2026-03-05T10:00:00+08:00" })).toBe(0); // early
    expect(daysLate({})).toBeNull();
    expect(daysLate({ promisedDeliveryBy: "2026-02-28T10:00:00+08:00", deliveredAt: undefined })).toBeNull();
  });

  it("gives every declared attribute to the rules, null when the case does not give it", () => {
    const c = parseCase(base({ attributes: { shippingInsurance: false } }));
    const facts = deriveCaseFacts(c, requestedLines(c), new Date(Date.parse(c.reportedAt)), zone("Asia/Shanghai"), policy.attributes);
    expect(facts.orderAttributes).toEqual({ shippingInsurance: false });
    expect(facts.customerAttributes).toEqual({ membershipLevel: null });
  });
});
