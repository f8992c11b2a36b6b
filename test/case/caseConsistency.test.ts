import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CaseValidationError, createDecider } from "../../src/index.js";
import { arbCase, arbContradictoryCase } from "../arbitraries/case.js";

// Bad per-line input is refused with the path of the field to fix, through the fast path and
// zod alike (parseCase runs the same consistency checks on both).
const decider = createDecider({ clock: () => new Date("2026-03-10T10:00:00+08:00"), lang: "en" });
const base = (): Case => ({
  caseId: "c",
  reportedAt: "2026-03-10T10:00:00+08:00",
  order: {
    orderId: "o",
    currency: "CNY",
    placedAt: "2026-03-01T10:00:00+08:00",
    paidAmount: 30000,
    items: [
      { lineId: "L1", sku: "TEE", category: "apparel", unitPrice: 5000, quantity: 3 },
      { lineId: "L2", sku: "SHOE", category: "shoes", unitPrice: 15000, quantity: 1 },
    ],
    parcels: [
      { parcelId: "P1", shippedAt: "2026-03-02T10:00:00+08:00", deliveredAt: "2026-03-03T10:00:00+08:00", lines: [{ line: "L1" }] },
      { parcelId: "P2", shippedAt: "2026-03-02T10:00:00+08:00", deliveredAt: "2026-03-05T10:00:00+08:00", lines: [{ line: "L2" }] },
    ],
  },
  request: { type: "return", reason: "no_reason", goodsCondition: "unopened", lines: [{ line: "L1", quantity: 1 }] },
  customer: { id: "u", tier: "normal" },
});
type Case = Record<string, any>;

function issuesOf(edit: (c: Case) => void): { code: string; path: string; message: string }[] {
  const c = base();
  edit(c);
  return refusal(c);
}

function refusal(c: unknown): { code: string; path: string; message: string }[] {
  const result = decider.safeDecide(c);
  if (result.success) return [];
  return (result.error as CaseValidationError).issues.map((i) => ({ code: i.code, path: i.path.join("."), message: i.message }));
}

describe("per-line consistency of a case", () => {
  it("accepts the valid base case", () => {
    expect(issuesOf(() => {})).toEqual([]);
  });

  it.each([
    ["a request line naming no order line", (c: Case): void => { c.request.lines = [{ line: "L9" }]; }, "request.lines.0.line", /"L9" is not a line of the order/],
    ["more units than the line holds", (c: Case): void => { c.request.lines = [{ line: "L1", quantity: 4 }]; }, "request.lines.0.quantity", /4 units requested of line "L1", which has 3/],
    ["the same line requested twice", (c: Case): void => { c.request.lines = [{ line: "L1", quantity: 1 }, { line: "L1", quantity: 1 }]; }, "request.lines.1.line", /requested twice/],
    ["a request line naming a parcel that does not carry it", (c: Case): void => { c.request.lines = [{ line: "L1", parcel: "P2" }]; }, "request.lines.0.parcel", /no parcel "P2" carries line "L1"/],
    [
      "more units from a named parcel than it carries",
      (c: Case): void => {
        c.order.parcels[0].lines = [{ line: "L1", quantity: 1 }];
        c.order.parcels[1].lines.push({ line: "L1", quantity: 2 });
        c.request.lines = [{ line: "L1", quantity: 2, parcel: "P1" }];
      },
      "request.lines.0.quantity",
      /2 units requested of line "L1" from parcel "P1", which carries 1/,
    ],
    ["parcels carrying more units than ordered", (c: Case): void => { c.order.parcels[1].lines.push({ line: "L1", quantity: 1 }); }, "order.parcels", /carry 4 units of line "L1", which has 3/],
    ["a parcel naming no order line", (c: Case): void => { c.order.parcels[0]!.lines = [{ line: "X" }]; }, "order.parcels.0.lines.0.line", /"X" is not a line of the order/],
    ["two parcels with one id", (c: Case): void => { c.order.parcels[1]!.parcelId = "P1"; }, "order.parcels.1.parcelId", /duplicate parcel "P1"/],
    ["two lines with one id", (c: Case): void => { c.order.items[1]!.lineId = "L1"; }, "order.items.1.lineId", /duplicate order line "L1"/],
    [
      "line totals that disagree with the order's paid amount",
      (c: Case): void => { for (const i of c.order.items) i.paidAmount = 10000; },
      "order.paidAmount",
      /the lines' paidAmount \(20000 fen\) plus shippingFee \(0 fen\) is not the order's paidAmount \(30000 fen\)/,
    ],
    ["some line totals above the order's paid amount", (c: Case): void => { c.order.items[0].paidAmount = 30001; }, "order.paidAmount", /is more than the order's paidAmount/],
    ["a signing time on the order beside parcels", (c: Case): void => { c.order.deliveredAt = "2026-03-03T10:00:00+08:00"; }, "order.deliveredAt", /each parcel's deliveredAt/],
    ["the v1 request.skus (renamed request.lines)", (c: Case): void => { c.request.skus = ["TEE"]; }, "request", /skus/],
  ] as const)("refuses %s, at its path", (_, edit, path, message) => {
    const issues = issuesOf(edit as (c: Case) => void);
    expect(issues.some((i) => i.path === path && message.test(i.message)), JSON.stringify(issues)).toBe(true);
  });
});

// Issue 12 §15: a case whose times cannot all be true is refused, never decided (a signing
// after the report would count a window with negative days).
describe("a case that contradicts itself in time", () => {
  it.each([
    ["a parcel signed for after the report", (c: Case): void => { c.order.parcels[1].deliveredAt = "2026-03-10T10:00:01+08:00"; }, "reportedAt", /before order.parcels\[1\].deliveredAt/],
    ["the same instant in another offset is not after it", (c: Case): void => { c.order.parcels[1].deliveredAt = "2026-03-10T02:00:00Z"; }, undefined, undefined],
    ["a parcel shipped after the report", (c: Case): void => { delete c.order.parcels[1].deliveredAt; c.order.parcels[1].shippedAt = "2026-03-11T10:00:00+08:00"; }, "reportedAt", /before order.parcels\[1\].shippedAt/],
    ["a parcel signed for before it shipped", (c: Case): void => { c.order.parcels[0].deliveredAt = "2026-03-02T09:59:59+08:00"; }, "order.parcels.0.deliveredAt", /deliveredAt is before shippedAt/],
    ["a parcel shipped before the order was placed", (c: Case): void => { c.order.parcels[0].shippedAt = "2026-02-28T10:00:00+08:00"; }, "order.parcels.0.shippedAt", /shippedAt is before placedAt/],
    ["a report before the order was placed", (c: Case): void => { c.reportedAt = "2026-02-28T10:00:00+08:00"; }, "reportedAt", /before order\.placedAt/],
    ["returned goods received before the request", (c: Case): void => { c.request.lines[0].returnReceivedAt = "2026-03-10T09:59:59+08:00"; }, "request.lines.0.returnReceivedAt", /before reportedAt/],
    ["returned goods received after the request", (c: Case): void => { c.request.returnReceivedAt = "2026-03-12T10:00:00+08:00"; }, undefined, undefined],
    ["a repair that came back before it was handed in", (c: Case): void => { c.order.items[0].history = { repairs: [{ handedInAt: "2026-03-05T10:00:00+08:00", returnedAt: "2026-03-04T10:00:00+08:00" }] }; }, "order.items.0.history.repairs.0.returnedAt", /returnedAt is before handedInAt/],
    ["an installation after the request", (c: Case): void => { c.order.items[1].installedAt = "2026-03-11T10:00:00+08:00"; }, "order.items.1.installedAt", /after reportedAt/],
    ["an exchange before the order", (c: Case): void => { c.order.items[0].history = { exchanges: [{ completedAt: "2026-02-01T10:00:00+08:00" }] }; }, "order.items.0.history.exchanges.0.completedAt", /before placedAt/],
    ["payment before the order was placed", (c: Case): void => { c.order.paidAt = "2026-03-01T09:00:00+08:00"; }, "order.paidAt", /paidAt is before placedAt/],
    ["a promised delivery before the order was placed", (c: Case): void => { c.order.promisedDeliveryBy = "2026-02-01T09:00:00+08:00"; }, "order.promisedDeliveryBy", /before placedAt/],
    [
      "an order without parcels signed for after the report",
      (c: Case): void => { delete c.order.parcels; c.order.shippedAt = "2026-03-02T10:00:00+08:00"; c.order.deliveredAt = "2026-03-12T10:00:00+08:00"; c.request.lines = [{ line: "L1" }]; },
      "reportedAt",
      /before order.deliveredAt \(2026-03-12T10:00:00\+08:00\)/,
    ],
    ["a price now above the unit price paid (price protection refunds a fall)", (c: Case): void => { c.order.items[0].priceNow = 5001; }, "order.items.0.priceNow", /priceNow \(5001 fen\) is above the unitPrice paid \(5000 fen\)/],
    ["a price now equal to the unit price is fine", (c: Case): void => { c.order.items[0].priceNow = 5000; }, undefined, undefined],
    [
      "an order without parcels signed for before it shipped",
      (c: Case): void => { delete c.order.parcels; c.order.shippedAt = "2026-03-04T10:00:00+08:00"; c.order.deliveredAt = "2026-03-03T10:00:00+08:00"; c.request.lines = [{ line: "L1" }]; },
      "order.deliveredAt",
      /deliveredAt is before shippedAt/,
    ],
  ] as const)("%s", (_, edit, path, message) => {
    const issues = issuesOf(edit as (c: Case) => void);
    if (path === undefined) return expect(issues).toEqual([]);
    expect(issues.some((i) => i.code === "inconsistent_case" && i.path === path && message!.test(i.message)), JSON.stringify(issues)).toBe(true);
  });

  it("gives the contradiction its own code (inconsistent_case), not invalid_input", () => {
    expect(issuesOf((c) => { c.request.lines = [{ line: "L9" }]; })[0]!.code).toBe("inconsistent_case");
  });
});

describe("properties: consistency", () => {
  it("every generated case is consistent (the arbitraries build what the contract accepts)", () => {
    fc.assert(fc.property(arbCase, (c) => { expect(refusal(c)).toEqual([]); }));
  });

  it("a case made to contradict itself is refused at the contradiction's path, never decided", () => {
    fc.assert(
      fc.property(arbContradictoryCase, ({ kind, case: c, path }) => {
        const issues = refusal(c);
        expect(issues.some((i) => i.code === "inconsistent_case" && i.path === path), `${kind}: ${JSON.stringify(issues)}`).toBe(true);
      }),
    );
  });
});
