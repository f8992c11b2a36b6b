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
// Catalogue rows, rows in no catalogue (with and without a one-time seal) and names the table does not know.
const arbCategory = fc.constantFrom("apparel", "mobile_phone", "laptop", "earphones", "tv", "small_appliance", "shoes", "books", "cosmetics", "food", "underwear");
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

/**
 * A valid case, consistent in time as the contract requires (src/case/timeOrder.ts): placed,
 * paid, shipped, signed for, then reported — never reported before a signing (that case
 * contradicts itself and is refused; `arbContradictoryCase` makes such cases).
 */
export const arbCase: fc.Arbitrary<Record<string, any>> = fc
  .record({
    placedMs: fc.integer({ min: 0, max: 300 * DAY }),
    shipDelay: fc.integer({ min: 0, max: 3 * DAY }),
    deliverDelay: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: undefined }),
    shipped: fc.boolean(),
    reportDelay: fc.integer({ min: 0, max: 900 * DAY }), // from the last signing; past the 2-year outer limit too
    offsets: fc.tuple(arbOffset, arbOffset, arbOffset),
    items: arbItems,
    paidDiscount: fc.integer({ min: 0, max: 5000 }),
    shippingFee: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    promisedDelay: fc.option(fc.integer({ min: 0, max: 6 * DAY }), { nil: undefined }),
    type: fc.constantFrom("return", "exchange", "repair", "refund_only", "reship", "complaint", "inquiry", "logistics"),
    reason: fc.constantFrom("no_reason", "quality_fault", "not_as_described", "wrong_item", "missing_item", "damaged_in_transit", "lost_in_transit", "logistics_delay", "price_drop", "service", "other"),
    goodsCondition: fc.option(fc.constantFrom("unopened", "opened_for_inspection", "seal_broken", "used", "damaged_by_customer"), { nil: undefined }),
    safetyHazard: fc.boolean(),
    urgentNeed: fc.boolean(),
    keepsGoods: fc.boolean(),
    priorRepairs: fc.integer({ min: 0, max: 3 }),
    batchComplaintCount: fc.integer({ min: 0, max: 8 }),
    someLines: fc.boolean(),
    requestLines: fc.array(
      fc.record(
        {
          pick: fc.boolean(),
          someUnits: fc.integer({ min: 1, max: 3 }),
          goodsCondition: fc.constantFrom("unopened", "opened_for_inspection", "seal_broken", "used", "damaged_by_customer"),
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
    const shipping = g.shippingFee ?? 0;
    // Lines that carry their paid amount take the discount off the first line.
    const firstDiscount = Math.min(g.paidDiscount, g.items[0]!.unitPrice * g.items[0]!.quantity);
    const items = g.linePaid ? g.items.map((item, i) => ({ ...item, paidAmount: item.unitPrice * item.quantity - (i === 0 ? firstDiscount : 0) })) : g.items;
    const paidAmount = g.linePaid ? itemsTotal - firstDiscount + shipping : Math.max(shipping, itemsTotal + shipping - g.paidDiscount);
    // Two parcels: the first line in one, the rest in another signed later (or not at all).
    const twoParcels = g.parcels && g.shipped && g.items.length > 1;
    const secondDelivered = delivered !== undefined && g.secondParcelDelay !== undefined ? delivered + g.secondParcelDelay : undefined;
    // Reported after everything the case says happened (the last signing, else the shipment).
    const reportedMs = Math.max(delivered ?? shippedAt, twoParcels ? (secondDelivered ?? 0) : 0) + g.reportDelay;
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
        urgentNeed: g.urgentNeed,
        keepsGoods: g.keepsGoods,
        priorRepairs: g.priorRepairs,
        batchComplaintCount: g.batchComplaintCount,
      },
      customer: { ...customer, ...(accountAgeDays !== undefined ? { accountCreatedAt: isoAt(placed - accountAgeDays * DAY, 480) } : {}) },
    };
  });

/** A case that contradicts itself, and where the refusal must point (its path, joined by dots). */
export interface ContradictoryCase {
  readonly kind: string;
  readonly case: Record<string, any>;
  readonly path: string;
}

/** Each way a generated case can be made to contradict itself, of those its shape allows. */
function contradictionsOf(c: Record<string, any>, byMs: number): ContradictoryCase[] {
  const out: ContradictoryCase[] = [];
  const edit = (kind: string, path: string, change: (copy: Record<string, any>) => void) => {
    const copy = structuredClone(c);
    change(copy);
    out.push({ kind, case: copy, path });
  };
  const order = c.order;
  const shipments: { at: Record<string, any>; path: string; get: (copy: Record<string, any>) => Record<string, any> }[] =
    order.parcels === undefined
      ? [{ at: order, path: "order", get: (copy) => copy.order }]
      : order.parcels.map((p: Record<string, any>, i: number) => ({ at: p, path: `order.parcels.${i}`, get: (copy: Record<string, any>) => copy.order.parcels[i] }));
  for (const s of shipments) {
    if (s.at.deliveredAt !== undefined) {
      edit("signed after it was reported", "reportedAt", (copy) => {
        copy.reportedAt = isoAt(Date.parse(s.at.deliveredAt) - byMs, 480);
      });
      if (s.at.shippedAt !== undefined) {
        edit("signed before it was shipped", `${s.path}.deliveredAt`, (copy) => {
          s.get(copy).deliveredAt = isoAt(Date.parse(s.at.shippedAt) - byMs, 0);
        });
      }
    } else if (s.at.shippedAt !== undefined) {
      edit("shipped after it was reported", "reportedAt", (copy) => {
        s.get(copy).shippedAt = isoAt(Date.parse(c.reportedAt) + byMs, -420);
      });
    }
  }
  edit("reported before the order was placed", "reportedAt", (copy) => {
    copy.reportedAt = isoAt(Date.parse(order.placedAt) - byMs, 330);
  });
  edit("line totals that disagree with the paid amount", "order.paidAmount", (copy) => {
    if (copy.order.items.every((i: Record<string, any>) => i.paidAmount !== undefined)) copy.order.paidAmount += 1;
    else copy.order.items[0].paidAmount = copy.order.paidAmount + 1;
  });
  return out;
}

export const arbContradictoryCase: fc.Arbitrary<ContradictoryCase> = fc
  .tuple(arbCase, fc.integer({ min: 1, max: 60 * 86_400 }))
  .chain(([c, seconds]) => fc.constantFrom(...contradictionsOf(c, seconds * 1000)));
