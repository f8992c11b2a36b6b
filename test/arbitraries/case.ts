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
    reportDelay: fc.integer({ min: -2 * DAY, max: 900 * DAY }), // past the 2-year outer limit too
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
    someLines: fc.boolean(),
    requestLines: fc.array(
      fc.record(
        {
          pick: fc.boolean(),
          someUnits: fc.integer({ min: 1, max: 3 }),
          goodsCondition: fc.constantFrom("unopened", "opened_for_inspection", "used", "damaged_by_customer"),
          remedy: fc.constantFrom("return", "exchange", "repair", "refund_only", "reship"),
        },
        { requiredKeys: ["pick"] },
      ),
      { minLength: 3, maxLength: 3 },
    ),
    linePaid: fc.boolean(),
    parcels: fc.boolean(),
    secondParcelDelay: fc.option(fc.integer({ min: 0, max: 12 * DAY }), { nil: undefined }),
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
    const shipping = g.shippingFee ?? 0;
    // Lines that carry their paid amount take the discount off the first line.
    const firstDiscount = Math.min(g.paidDiscount, g.items[0]!.unitPrice * g.items[0]!.quantity);
    const items = g.linePaid ? g.items.map((item, i) => ({ ...item, paidAmount: item.unitPrice * item.quantity - (i === 0 ? firstDiscount : 0) })) : g.items;
    const paidAmount = g.linePaid ? itemsTotal - firstDiscount + shipping : Math.max(shipping, itemsTotal + shipping - g.paidDiscount);
    // Two parcels: the first line in one, the rest in another signed later (or not at all).
    const twoParcels = g.parcels && g.shipped && g.items.length > 1;
    const secondDelivered = delivered !== undefined && g.secondParcelDelay !== undefined ? delivered + g.secondParcelDelay : undefined;
    const requestLines = g.items
      .map((item, i) => ({ item, r: g.requestLines[i]! }))
      .filter(({ r }, i) => i === 0 || r.pick)
      .map(({ item, r }) => ({
        line: item.sku,
        ...(r.someUnits !== undefined && r.someUnits < item.quantity ? { quantity: r.someUnits } : {}),
        ...(r.goodsCondition !== undefined ? { goodsCondition: r.goodsCondition } : {}),
        ...(r.remedy !== undefined ? { remedy: r.remedy } : {}),
      }));
    return {
      caseId: "prop",
      reportedAt: isoAt(Math.max(reportedMs, placed), o1),
      order: {
        orderId: "O",
        currency: "CNY",
        placedAt: isoAt(placed, o2),
        paidAt: isoAt(placed + 60_000, o2),
        ...(g.shipped && !twoParcels ? { shippedAt: isoAt(shippedAt, o3) } : {}),
        ...(delivered !== undefined && !twoParcels ? { deliveredAt: isoAt(delivered, o3) } : {}),
        ...(g.promisedDelay !== undefined ? { promisedDeliveryBy: isoAt(placed + g.promisedDelay, o1) } : {}),
        paidAmount,
        ...(g.shippingFee !== undefined ? { shippingFee: g.shippingFee } : {}),
        items,
        ...(twoParcels
          ? {
              parcels: [
                { parcelId: "P1", shippedAt: isoAt(shippedAt, o3), ...(delivered !== undefined ? { deliveredAt: isoAt(delivered, o3) } : {}), lines: [{ line: g.items[0]!.sku }] },
                {
                  parcelId: "P2",
                  shippedAt: isoAt(shippedAt, o3),
                  ...(secondDelivered !== undefined ? { deliveredAt: isoAt(secondDelivered, o2) } : {}),
                  lines: g.items.slice(1).map((i) => ({ line: i.sku })),
                },
              ],
            }
          : {}),
      },
      request: {
        type: g.type,
        reason: g.reason,
        ...(g.someLines ? { lines: requestLines } : {}),
        ...(g.goodsCondition ? { goodsCondition: g.goodsCondition } : {}),
        safetyHazard: g.safetyHazard,
        keepsGoods: g.keepsGoods,
        priorRepairs: g.priorRepairs,
        batchComplaintCount: g.batchComplaintCount,
      },
      customer: { ...customer, ...(accountAgeDays !== undefined ? { accountCreatedAt: isoAt(placed - accountAgeDays * DAY, 480) } : {}) },
    };
  });
