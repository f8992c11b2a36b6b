import fc from "fast-check";

/** Valid cases built from the domain, so most generated cases reach the rules. */

const DAY = 86_400_000;
const BASE = Date.parse("2026-01-01T00:00:00+08:00");

/** An instant with an explicit offset, in one of several spellings of the same moment. */
export const isoAt = (ms: number, offsetMinutes: number): string => {
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${shifted}Z`;
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};
const arbOffset = fc.constantFrom(480, 0, -420, 330, 540);

export const arbFen = fc.integer({ min: 0, max: 5_000_000 });
const arbCategory = fc.constantFrom("apparel", "mobile_phone", "laptop", "earphones", "tv", "small_appliance", "shoes", "books");
const arbFlags = fc.record(
  {
    customMade: fc.boolean(),
    perishable: fc.boolean(),
    digitalDownload: fc.boolean(),
    sealedMediaOpened: fc.boolean(),
    periodical: fc.boolean(),
    noReasonReturnWaivedAtPurchase: fc.boolean(),
  },
  { requiredKeys: [] },
);

const arbItems = fc
  .array(
    fc.record(
      {
        category: arbCategory,
        unitPrice: arbFen,
        quantity: fc.integer({ min: 1, max: 3 }),
        warrantyMonths: fc.integer({ min: 0, max: 36 }),
        flags: arbFlags,
      },
      { requiredKeys: ["category", "unitPrice", "quantity"] },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((items) => items.map((item, i) => ({ sku: `SKU-${i + 1}`, ...item })));

export const arbCustomer = fc.record(
  {
    id: fc.constant("C-1"),
    tier: fc.constantFrom("normal", "vip"),
    annualSpend: arbFen,
    accountAgeDays: fc.integer({ min: 0, max: 2000 }),
    orderCount: fc.integer({ min: 0, max: 50 }),
    returnCount: fc.integer({ min: 0, max: 50 }),
    negativeReviewCount: fc.integer({ min: 0, max: 10 }),
    offPlatformContact: fc.boolean(),
  },
  { requiredKeys: ["id", "tier"] },
);

export interface CaseShape {
  /** Milliseconds from delivery to the report (may be negative: reported before signing). */
  readonly reportDelayMs: number;
  readonly case: Record<string, any>;
}

/** A valid case; `reportDelayMs` lets properties move `reportedAt` without rebuilding. */
export const arbCase: fc.Arbitrary<Record<string, any>> = fc
  .record({
    placedMs: fc.integer({ min: 0, max: 300 * DAY }),
    shipDelay: fc.integer({ min: 0, max: 3 * DAY }),
    deliverDelay: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: undefined }),
    shipped: fc.boolean(),
    reportDelay: fc.integer({ min: -2 * DAY, max: 500 * DAY }),
    offsets: fc.tuple(arbOffset, arbOffset, arbOffset),
    items: arbItems,
    paidDiscount: fc.integer({ min: 0, max: 5000 }),
    shippingFee: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    promisedDelay: fc.option(fc.integer({ min: 0, max: 6 * DAY }), { nil: undefined }),
    type: fc.constantFrom("return", "exchange", "repair", "refund_only", "reship", "complaint", "inquiry", "logistics"),
    reason: fc.constantFrom("no_reason", "quality_fault", "not_as_described", "wrong_item", "missing_item", "damaged_in_transit", "lost_in_transit", "logistics_delay", "price_drop", "service", "other"),
    goodsCondition: fc.option(fc.constantFrom("unopened", "opened_for_inspection", "used", "damaged_by_customer"), { nil: undefined }),
    safetyHazard: fc.boolean(),
    keepsGoods: fc.boolean(),
    priorRepairs: fc.integer({ min: 0, max: 3 }),
    batchComplaintCount: fc.integer({ min: 0, max: 8 }),
    someSkus: fc.boolean(),
    customer: arbCustomer,
  })
  .map((g) => {
    const placed = BASE + g.placedMs;
    const shippedAt = placed + g.shipDelay;
    const delivered = g.shipped && g.deliverDelay !== undefined ? shippedAt + g.deliverDelay : undefined;
    const itemsTotal = g.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0);
    const [o1, o2, o3] = g.offsets;
    const { accountAgeDays, ...customer } = g.customer;
    const reportedMs = (delivered ?? shippedAt) + g.reportDelay;
    return {
      caseId: "prop",
      reportedAt: isoAt(Math.max(reportedMs, placed), o1),
      order: {
        orderId: "O",
        currency: "CNY",
        placedAt: isoAt(placed, o2),
        paidAt: isoAt(placed + 60_000, o2),
        ...(g.shipped ? { shippedAt: isoAt(shippedAt, o3) } : {}),
        ...(delivered !== undefined ? { deliveredAt: isoAt(delivered, o3) } : {}),
        ...(g.promisedDelay !== undefined ? { promisedDeliveryBy: isoAt(placed + g.promisedDelay, o1) } : {}),
        paidAmount: Math.max(0, itemsTotal + (g.shippingFee ?? 0) - g.paidDiscount),
        ...(g.shippingFee !== undefined ? { shippingFee: g.shippingFee } : {}),
        items: g.items,
      },
      request: {
        type: g.type,
        reason: g.reason,
        ...(g.someSkus ? { skus: [g.items[0]!.sku] } : {}),
        ...(g.goodsCondition ? { goodsCondition: g.goodsCondition } : {}),
        safetyHazard: g.safetyHazard,
        keepsGoods: g.keepsGoods,
        priorRepairs: g.priorRepairs,
        batchComplaintCount: g.batchComplaintCount,
      },
      customer: { ...customer, ...(accountAgeDays !== undefined ? { accountCreatedAt: isoAt(placed - accountAgeDays * DAY, 480) } : {}) },
    };
  });
