import { describe, expect, it } from "vitest";
import { CaseValidationError, createDecider } from "../../src/index.js";

// The SLA clock's history in a case: pauses in order, apart, from the report on, and (when
// deciding) not after the decision instant; targets not met before the report or after now.
const decider = createDecider({ clock: () => new Date("2026-03-10T10:00:00+08:00"), lang: "en" });
type Case = Record<string, any>;
const base = (sla: Case): Case => ({
  caseId: "c",
  reportedAt: "2026-03-06T16:00:00+08:00",
  order: { orderId: "o", currency: "CNY", placedAt: "2026-03-01T10:00:00+08:00", deliveredAt: "2026-03-03T10:00:00+08:00", paidAmount: 5000, items: [{ sku: "TEE", category: "apparel", unitPrice: 5000, quantity: 1 }] },
  request: { type: "exchange", reason: "quality_fault", goodsCondition: "used" },
  customer: { id: "u", tier: "normal" },
  sla,
});
const pause = (from: string, to: string) => ({ from: `2026-03-${from}+08:00`, to: `2026-03-${to}+08:00` });

function issuesOf(sla: Case): { path: string; message: string }[] {
  const result = decider.safeDecide(base(sla));
  if (result.success) return [];
  expect(result.error).toBeInstanceOf(CaseValidationError);
  return (result.error as CaseValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("case.sla", () => {
  it("accepts pauses in order, apart, within the report and the decision instant, and targets met in between", () => {
    expect(issuesOf({ pauses: [pause("06T17:30:00", "09T10:00:00"), pause("09T11:00:00", "10T10:00:00")], firstResponseAt: "2026-03-06T16:20:00+08:00" })).toEqual([]);
  });

  it("refuses a pause that ends before it starts", () => {
    expect(issuesOf({ pauses: [pause("07T10:00:00", "07T09:00:00")] })).toEqual([{ path: "sla.pauses.0.to", message: "a pause ends after it starts" }]);
  });

  it("refuses pauses out of order or overlapping, and one before the report", () => {
    expect(issuesOf({ pauses: [pause("07T10:00:00", "07T12:00:00"), pause("07T11:00:00", "07T13:00:00")] }).map((i) => i.path)).toEqual(["sla.pauses.1.from"]);
    expect(issuesOf({ pauses: [pause("08T10:00:00", "08T12:00:00"), pause("07T10:00:00", "07T11:00:00")] }).map((i) => i.path)).toEqual(["sla.pauses.1.from"]);
    expect(issuesOf({ pauses: [pause("06T15:00:00", "06T17:00:00")] })).toEqual([{ path: "sla.pauses.0.from", message: "a pause starts before reportedAt" }]);
  });

  it("refuses a pause ending after the decision instant, and a target met after it or before the report", () => {
    expect(issuesOf({ pauses: [pause("09T10:00:00", "10T10:00:01")] }).map((i) => i.path)).toEqual(["sla.pauses.0.to"]);
    expect(issuesOf({ solutionAt: "2026-03-10T11:00:00+08:00" }).map((i) => i.path)).toEqual(["sla.solutionAt"]);
    expect(issuesOf({ firstResponseAt: "2026-03-06T15:59:00+08:00" }).map((i) => i.path)).toEqual(["sla.firstResponseAt"]);
  });

  it("moves a calendar-time due time by the pause (the bundled policy counts every minute)", () => {
    // Tier 2: 8 h from Friday 16:00 is 00:00; paused 17:00–19:00, so 02:00.
    const d = decider.decide(base({ pauses: [pause("06T17:00:00", "06T19:00:00")], firstResponseAt: "2026-03-06T16:30:00+08:00" }));
    expect(d.sla.solutionDue).toBe("2026-03-07T02:00:00+08:00");
    expect(d.sla.status.solution).toEqual({ clock: "calendar", status: "breached", minutesLeft: -(3 * 24 * 60 + 8 * 60) });
    // The first response is due with the solution (a solution is a response): 16:30 → 02:00 is 9.5 h, less the 2 h pause.
    expect(d.sla.firstResponseDue).toBe("2026-03-07T02:00:00+08:00");
    expect(d.sla.status.firstResponse).toEqual({ clock: "calendar", status: "met", minutesLeft: 450 });
    expect(d.calendar).toBeUndefined();
  });
});
