import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createDecider, loadPolicy } from "../../src/index.js";
import { compilePolicy } from "../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../src/policy/defaultPolicy.js";
import { arbCase, isoAt } from "../arbitraries/case.js";

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

// Issue 12 §12: with the extension on, every window runs on over rest days; it only ever
// gives the consumer more. Four calendars: the bundled CN one (2025–2026 notices), the first
// format's example, one with a long holiday every month, and one with every weekday a rest day
// except Wednesday (so most windows end on one).
const STATUS_RANK = { denied: 0, undetermined: 1, allowed: 2 } as const;
const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;
const CLOCK = () => new Date("2030-01-01T00:00:00+08:00");
const withoutExtension = createDecider({ clock: CLOCK, trace: false });
const longHolidays = Array.from({ length: 60 }, (_, m) => Array.from({ length: 9 }, (_, d) => new Date(Date.UTC(2026, m, 10 + d)).toISOString().slice(0, 10))).flat();
const yearsOf = (dates: string[]) => [...new Set(dates.map((d) => Number(d.slice(0, 4))))].map((year) => ({ year, notice: "test", holidays: dates.filter((d) => d.startsWith(`${year}-`)), makeUpWorkdays: [] }));
const day9to6 = ["09:00-18:00"];
const calendars: unknown[] = [
  JSON.parse(readFileSync("rules/calendars/cn-mainland.json", "utf8")),
  JSON.parse(readFileSync("fixtures/policies/rest-day-extension/calendar-2026-national-day.json", "utf8")),
  { id: "long", version: "1", source: "test", week: { mon: day9to6, tue: day9to6, wed: day9to6, thu: day9to6, fri: day9to6, sat: [], sun: [] }, makeUpDayHours: day9to6, years: yearsOf(longHolidays) },
  { id: "wednesdays", version: "1", source: "test", restDays: Array.from({ length: 1500 }, (_, d) => new Date(Date.UTC(2025, 11, 1 + d))).filter((d) => d.getUTCDay() !== 3).map((d) => d.toISOString().slice(0, 10)), workdays: [] },
];
const withExtension = calendars.map((document) =>
  createDecider({ clock: CLOCK, trace: false, policy: compilePolicy({ ...defaultPolicyInput(), calendar: { document }, extendPeriodsOverRestDays: true }) }),
);

describe("properties: the rest-day extension of every window (民法典 art. 203 ¶1, issue 12 §12)", () => {
  it("turning it on never makes a verdict less favourable and never moves a deadline earlier", () => {
    fc.assert(
      fc.property(arbCase, fc.nat({ max: calendars.length - 1 }), (c, k) => {
        const before = withoutExtension.decide(c).lines;
        const after = withExtension[k]!.decide(c).lines;
        for (let i = 0; i < before.length; i++) {
          for (const r of REMEDIES) {
            const a = before[i]!.eligibility[r];
            const b = after[i]!.eligibility[r];
            expect(STATUS_RANK[b.status], `${before[i]!.line} ${r}`).toBeGreaterThanOrEqual(STATUS_RANK[a.status]);
            if (a.status === "allowed" && a.deadline === undefined) expect(b.deadline).toBeUndefined();
            if (a.status === "allowed" && a.deadline !== undefined && b.deadline !== undefined) expect(Date.parse(b.deadline)).toBeGreaterThanOrEqual(Date.parse(a.deadline));
          }
        }
      }),
    );
  });

  it("runs the quality exchange window (15 days) and the warranty on over rest days too, not only the no-reason window", () => {
    // Delivered Sunday 2026-09-20 (a 调休 workday); day 15 is Monday 10-05, inside National Day
    // (10-01 to 10-07): the exchange window runs to Thursday 10-08 24:00.
    const c = {
      caseId: "x", reportedAt: "2026-10-08T20:00:00+08:00",
      order: { orderId: "o", currency: "CNY", placedAt: "2026-09-18T10:00:00+08:00", deliveredAt: "2026-09-20T10:00:00+08:00", paidAmount: 399900, items: [{ sku: "p", category: "mobile_phone", unitPrice: 399900, quantity: 1 }] },
      request: { type: "exchange", reason: "quality_fault", goodsCondition: "used" }, customer: { id: "c", tier: "normal" },
    };
    expect(withoutExtension.decide(c).lines[0]!.eligibility.exchange.status).not.toBe("allowed");
    const exchange = withExtension[0]!.decide(c).lines[0]!.eligibility.exchange;
    expect(exchange.status).toBe("allowed");
    expect(exchange.deadline).toBe("2026-10-09T00:00:00+08:00");
  });
});
