import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDecider, loadPolicy } from "../../src/index.js";
import { isoAt } from "../arbitraries/case.js";

const HOLIDAYS = new Set(["2026-10-01", "2026-10-02", "2026-10-03"]);
const decider = createDecider({ policy: loadPolicy("fixtures/policies/rest-day-extension"), clock: () => new Date("2026-12-01T00:00:00+08:00") });
const dateIn = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
const DAY = 86_400_000;

// The oracle walks Shanghai dates with Intl: day 7 and any rest days after it (weekends and
// the calendar's holidays) belong to the window; it ends at 00:00 of the first working day after.
function extendedDeadline(deliveredMs: number): number {
  const start = Date.parse(`${dateIn.format(new Date(deliveredMs))}T00:00:00+08:00`);
  let last = start + 7 * DAY;
  const isRest = (ms: number) => {
    const date = dateIn.format(new Date(ms));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    return HOLIDAYS.has(date) || weekday === 0 || weekday === 6;
  };
  while (isRest(last)) last += DAY;
  return last + DAY;
}

describe("properties: rest-day extension (policy option)", () => {
  it("a window whose day 7 is a rest day runs on to the end of the next working day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2026-09-01T00:00:00Z"), max: Date.parse("2026-10-31T00:00:00Z") }),
        fc.integer({ min: 0, max: 14 * DAY }),
        (deliveredMs, delay) => {
          deliveredMs -= deliveredMs % 1000;
          const c = {
            caseId: "r", reportedAt: isoAt(deliveredMs + delay, 480),
            order: { orderId: "o", currency: "CNY", placedAt: isoAt(deliveredMs - DAY, 480), deliveredAt: isoAt(deliveredMs, 480), paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
            request: { type: "return", reason: "no_reason", goodsCondition: "unopened" }, customer: { id: "c", tier: "normal" },
          };
          const deadline = extendedDeadline(deliveredMs);
          const verdict = decider.decide(c).lines[0]!.eligibility.return;
          expect(verdict.status).toBe(Date.parse(c.reportedAt) < deadline ? "allowed" : "denied");
          if (verdict.status === "allowed") expect(Date.parse(verdict.deadline!)).toBe(deadline);
        },
      ),
    );
  });
});
