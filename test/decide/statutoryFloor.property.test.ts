import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecider, type Decision } from "../../src/index.js";
import { arbCase } from "../arbitraries/case.js";
import { loadPolicy } from "../../src/policy/loadPolicy.js";

// Issue 12 §1 and §5 as properties: the statutory 三包 period is a floor that a promise can only
// lengthen, and a window that has closed allows nothing.
const decider = createDecider({ clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false });
const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;
const STATUTORY_MONTHS: Record<string, number> = { mobile_phone: 12, laptop: 12, tv: 12 }; // the bundled table's rows the arbitraries use

/** Allowed verdicts whose deadline is not after the request. */
export function closedButAllowed(reportedAt: string, d: Decision): string[] {
  const at = Date.parse(reportedAt);
  return d.lines.flatMap((l) =>
    REMEDIES.filter((r) => l.eligibility[r].status === "allowed" && l.eligibility[r].deadline !== undefined && Date.parse(l.eligibility[r].deadline!) <= at).map((r) => `${l.line} ${r}`),
  );
}

describe("properties: the statutory floor", () => {
  it("an allowed verdict's deadline is always after reportedAt", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        expect(closedButAllowed(c.reportedAt, decider.decide(c))).toEqual([]);
      }),
    );
  });

  it("a promised warranty no longer than the statutory period changes no verdict (it can only lengthen it)", () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), (c, pick) => {
        const withoutPromise = structuredClone(c);
        const shorter = structuredClone(c);
        let changed = false;
        withoutPromise.order.items.forEach((item: Record<string, unknown>, i: number) => {
          const statutory = STATUTORY_MONTHS[item.category as string];
          delete item.warrantyMonths;
          if (statutory === undefined) return;
          shorter.order.items[i].warrantyMonths = pick % (statutory + 1); // 0 ("no warranty") … the statutory period
          changed = true;
        });
        for (const [i, item] of shorter.order.items.entries()) if (STATUTORY_MONTHS[item.category] === undefined) delete shorter.order.items[i].warrantyMonths;
        fc.pre(changed);
        expect(decider.decide(shorter).lines.map((l) => l.eligibility)).toEqual(decider.decide(withoutPromise).lines.map((l) => l.eligibility));
      }),
    );
  });

  it("no attribute value makes a verdict less favourable than the statutory one", () => {
    // A policy declaring line, order and customer attributes, whose merchant layer reads them.
    const attributed = createDecider({ policy: loadPolicy("fixtures/policies/merchant-attributes"), clock: () => new Date("2030-01-01T00:00:00+08:00"), trace: false });
    const arbAttributes = fc.record({
      line: fc.array(fc.option(fc.record({ brand: fc.constantFrom("acme", "globex") }, { requiredKeys: [] }), { nil: undefined }), { maxLength: 8 }),
      order: fc.option(fc.record({ shippingInsurance: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
      customer: fc.option(fc.record({ membershipLevel: fc.constantFrom("silver", "gold", "platinum") }, { requiredKeys: [] }), { nil: undefined }),
    });
    const rank = { allowed: 2, undetermined: 1, denied: 0 } as const;
    fc.assert(
      fc.property(arbCase, arbAttributes, (c, a) => {
        const withAttributes = structuredClone(c);
        withAttributes.order.items.forEach((item: Record<string, unknown>, i: number) => {
          if (a.line[i] !== undefined) item.attributes = a.line[i];
        });
        if (a.order !== undefined) withAttributes.order.attributes = a.order;
        if (a.customer !== undefined) withAttributes.customer.attributes = a.customer;
        const statutory = decider.decide(c).lines;
        const got = attributed.decide(withAttributes).lines;
        for (const [k, line] of statutory.entries()) {
          for (const r of REMEDIES) expect(rank[got[k]!.eligibility[r].status], `${line.line} ${r}`).toBeGreaterThanOrEqual(rank[line.eligibility[r].status]);
        }
      }),
    );
  });

  it("the closed-window check can fail", () => {
    const d = decider.decide({
      caseId: "w", reportedAt: "2026-03-04T10:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-02-27T10:00:00+08:00", deliveredAt: "2026-03-01T23:50:00+08:00", paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
      request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal" },
    });
    expect(closedButAllowed("2026-03-04T10:00:00+08:00", d)).toEqual([]);
    expect(closedButAllowed("2026-03-09T00:00:00+08:00", d)).toEqual(["a return"]); // its deadline, read as if the request came then
  });
});
