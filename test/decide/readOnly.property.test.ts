import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecider } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";

// Decisions are read-only (typed readonly). What one decision shares with another or with the
// policy (texts, citations, bases, reasons, verdicts no rule spoke about, the policy reference)
// is frozen, so no caller can change another decision through it; what is built for one
// decision alone is not frozen (freezing every object costs a quarter of the throughput).
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === "object" && !into.has(value)) {
    into.add(value);
    for (const v of Object.values(value)) objectsOf(v, into);
  }
  return into;
}

describe("properties: decisions share only frozen objects", () => {
  for (const trace of [false, true]) {
    it(`an object reachable from two decisions is frozen (trace ${trace ? "on" : "off"})`, () => {
      const decider = createDecider({ clock: () => new Date("2027-06-01T00:00:00+08:00"), trace });
      fc.assert(
        fc.property(arbCase, arbCase, (a, b) => {
          const first = objectsOf(decider.decide(a));
          const shared = [...objectsOf(decider.decide(b))].filter((o) => first.has(o));
          expect(shared.filter((o) => !Object.isFrozen(o))).toEqual([]);
        }),
        { numRuns: 100 },
      );
    });
  }

  it("shares something (the property is not vacuous) and can fail on a shared mutable object", () => {
    const decider = createDecider({ clock: () => new Date("2027-06-01T00:00:00+08:00") });
    const c = { caseId: "r", reportedAt: "2026-03-04T10:00:00+08:00", order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] }, request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal" } };
    const first = objectsOf(decider.decide(c));
    const second = decider.decide(c);
    expect([...objectsOf(second)].filter((o) => first.has(o)).length).toBeGreaterThan(0);
    const sharedMutable = { x: 1 };
    const withMutable = objectsOf({ ...second, extra: sharedMutable });
    expect([...withMutable].filter((o) => objectsOf({ extra: sharedMutable }).has(o) && !Object.isFrozen(o))).toEqual([sharedMutable]);
  });
});
