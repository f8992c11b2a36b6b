import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseValidationError, createDecider, type Decision } from "../../src/index.js";
import { arbCase, arbCustomer, isoAt } from "../arbitraries/case.js";

const NOW = new Date("2027-06-01T00:00:00+08:00");
const decider = createDecider({ clock: () => NOW });
const REMEDIES = ["return", "exchange", "repair", "refundOnly", "reship"] as const;

function amounts(d: Decision): number[] {
  return d.compensation.options.flatMap((o) => [
    o.total.amount,
    o.cash.amount,
    ...o.items.flatMap((i) => [i.amount.amount, ...(i.allocation ?? []).map((a) => a.amount.amount)]),
  ]);
}

describe("properties: money", () => {
  it("every amount is a non-negative integer fen, and no option pays out more cash than was paid", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const d = decider.decide(c);
        for (const a of amounts(d)) expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
        for (const o of d.compensation.options) {
          expect(o.cash.amount).toBeLessThanOrEqual(c.order.paidAmount);
          // Totals are exact sums of their items (no float drift).
          expect(o.total.amount).toBe(o.items.reduce((s, i) => s + i.amount.amount, 0));
        }
      }),
    );
  });

  it("allocations to items sum exactly to the whole", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        for (const o of decider.decide(c).compensation.options) {
          for (const i of o.items) {
            if (i.allocation) expect(i.allocation.reduce((s, a) => s + a.amount.amount, 0)).toBe(i.amount.amount);
          }
        }
      }),
    );
  });
});

describe("properties: time", () => {
  it("moving reportedAt later never turns a denied window remedy into an allowed one", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 1, max: 400 * 86_400_000 }), (c, laterBy) => {
        const earlier = decider.decide(c);
        const later = decider.decide({ ...c, reportedAt: isoAt(Date.parse(c.reportedAt) + laterBy, 480) });
        earlier.lines.forEach((line, i) => {
          for (const r of REMEDIES) if (line.eligibility[r].status === "denied") expect(later.lines[i]!.eligibility[r].status).not.toBe("allowed");
        });
      }),
    );
  });

  // The oracle counts Shanghai calendar dates with Intl (not date-fns): delivery date D,
  // the window ends at (D + 8 days) 00:00 +08:00 (Shanghai keeps +08:00 all year).
  it("day 7 ends at 24:00 in the policy's zone, counted from the day after delivery", () => {
    const shanghaiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }), // a report before the signing is refused (inconsistent_case)
        fc.constantFrom(480, 0, -300),
        (deliveredMs, delay, offset) => {
          deliveredMs -= deliveredMs % 1000; // the case format carries whole seconds
          const c = {
            caseId: "t",
            reportedAt: isoAt(deliveredMs + delay, offset),
            order: { orderId: "o", currency: "CNY", placedAt: isoAt(deliveredMs - 86_400_000, 0), deliveredAt: isoAt(deliveredMs, offset), paidAmount: 100, items: [{ sku: "a", category: "apparel", unitPrice: 100, quantity: 1 }] },
            request: { type: "return", reason: "no_reason", goodsCondition: "unopened" },
            customer: { id: "c", tier: "normal" },
          };
          const reportedMs = Date.parse(c.reportedAt);
          const deliveryDate = shanghaiDate.format(new Date(deliveredMs)); // YYYY-MM-DD
          const deadline = Date.parse(`${deliveryDate}T00:00:00+08:00`) + 8 * 86_400_000;
          const verdict = decider.decide(c).lines[0]!.eligibility.return;
          expect(verdict.status).toBe(reportedMs < deadline ? "allowed" : "denied");
          if (verdict.status === "allowed") expect(Date.parse(verdict.deadline!)).toBe(deadline);
        },
      ),
    );
  });
});

describe("properties: law is a floor", () => {
  it("customer tier and abuse signals never change a statutory verdict", () => {
    fc.assert(
      fc.property(arbCase, arbCustomer, (c, otherCustomer) => {
        const { accountAgeDays, ...customer } = otherCustomer;
        const other = { ...c, customer: { ...customer, ...(accountAgeDays !== undefined ? { accountCreatedAt: "2026-12-01T00:00:00+08:00" } : {}) } };
        const da = decider.decide(c);
        const db = decider.decide(other);
        expect(db.lines.map((l) => l.eligibility)).toEqual(da.lines.map((l) => l.eligibility));
        const a = da.eligibility;
        const b = db.eligibility;
        for (const r of REMEDIES) expect(b[r]).toEqual(a[r]);
        // Routing may differ only by compensation-stage reasons (goodwill held for review).
        const statutoryReasons = (d: typeof a) => d.manualReview.reasons.filter((x) => x.stage === "eligibility");
        expect(statutoryReasons(b)).toEqual(statutoryReasons(a));
      }),
    );
  });
});

describe("properties: determinism", () => {
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reverseKeys)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
        : v;

  it("same case, policy and clock give byte-identical JSON, whatever the key order and host zone", () => {
    const zoneBefore = process.env.TZ;
    try {
      fc.assert(
        fc.property(arbCase, fc.constantFrom("UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"), (c, hostZone) => {
          const first = JSON.stringify(decider.decide(c));
          process.env.TZ = hostZone; // Node applies a changed TZ to later Date operations
          const second = JSON.stringify(decider.decide(reverseKeys(c)));
          process.env.TZ = zoneBefore;
          expect(second).toBe(first);
        }),
      );
    } finally {
      process.env.TZ = zoneBefore;
    }
  });
});

describe("properties: robustness", () => {
  it("any JSON value as a case gives a typed error with paths, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decider.safeDecide(value);
        if (result.success) return; // a random value is virtually never a valid case
        expect(result.error).toBeInstanceOf(CaseValidationError);
        const issues = (result.error as CaseValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) expect(Array.isArray(i.path) && typeof i.message === "string").toBe(true);
      }),
    );
  });

  it("a valid case with one field replaced by any JSON value is decided or rejected at that path", () => {
    const paths = [["reportedAt"], ["order", "paidAmount"], ["order", "items"], ["order", "deliveredAt"], ["request", "type"], ["request", "lines"], ["order", "parcels"], ["customer"], ["order", "items", 0, "unitPrice"], ["request", "goodsCondition"]];
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...paths), fc.jsonValue(), (c, path, value) => {
        const broken = structuredClone(c);
        let target: any = broken;
        for (const k of path.slice(0, -1)) target = target[k];
        target[path.at(-1)!] = value;
        const result = decider.safeDecide(broken);
        if (!result.success) {
          const issues = (result.error as CaseValidationError).issues;
          // Each problem is at the replaced field, inside it, or a cross-field check above it.
          expect(issues.some((i) => path.every((k, n) => i.path[n] === k) || i.path.length < path.length)).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });
});
