import { describe, expect, it } from "vitest";
import { createDecider, loadPolicy } from "../../src/index.js";

// The example business-hours policy (CN calendar, office hours 09:00–12:00 and 13:30–18:00)
// decided in a zone with DST: working hours are wall-clock hours of the policy's zone.
const policy = loadPolicy("fixtures/policies/business-hours");
const quality = (reportedAt: string) => ({
  caseId: "dst",
  reportedAt,
  order: { orderId: "o", currency: "CNY", placedAt: "2026-02-20T10:00:00-05:00", deliveredAt: "2026-03-01T10:00:00-05:00", paidAmount: 5000, items: [{ sku: "s", category: "apparel", unitPrice: 5000, quantity: 1 }] },
  request: { type: "exchange", reason: "quality_fault", goodsCondition: "used" },
  customer: { id: "c", tier: "normal" },
});

describe("SLA on the business clock across a DST change", () => {
  it("counts New York's office hours on the wall clock over the 2026-03-08 change", () => {
    const decider = createDecider({ policy, timeZone: "America/New_York", clock: () => new Date("2026-03-06T17:00:00-05:00") });
    const sla = decider.decide(quality("2026-03-06T17:00:00-05:00")).sla;
    // 8 business hours: Friday 17:00–18:00, Monday 09:00–12:00 and 13:30–17:30 (now at -04:00).
    expect(sla.solutionDue).toBe("2026-03-09T17:30:00-04:00");
    // 1 business hour: Friday 17:00–18:00.
    expect(sla.firstResponseDue).toBe("2026-03-06T18:00:00-05:00");
    expect(sla.status.solution).toEqual({ clock: "business", status: "on_track", minutesLeft: 480 });
  });

  it("is an hour later in elapsed time than the same wall-clock count without the change would say", () => {
    const decider = createDecider({ policy, timeZone: "America/New_York", clock: () => new Date("2026-03-06T17:00:00-05:00") });
    const due = Date.parse(decider.decide(quality("2026-03-06T17:00:00-05:00")).sla.solutionDue);
    // Friday 17:00 EST to Monday 17:30 EDT is 71.5 elapsed hours, not 72.5.
    expect((due - Date.parse("2026-03-06T17:00:00-05:00")) / 3_600_000).toBe(71.5);
  });
});
