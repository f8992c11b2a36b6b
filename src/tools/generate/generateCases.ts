import type { CaseInput } from "../../case/caseSchema.js";

/**
 * Realistic synthetic cases for benchmarks and batch tests: a fixed seed gives the same
 * cases on every machine. The mix follows the seeds' question types (returns and quality
 * problems most common, then logistics, wrong and missing items, inquiries, complaints).
 */
export interface GenerateOptions {
  /** Every case has exactly this many order lines (default: 1–3 by the usual mix). */
  readonly lines?: number;
}

/**
 * Multi-line orders sometimes go out in two parcels signed days apart, carry per-line paid
 * amounts (优惠分摊 known to the platform), and have requests about some lines or some units.
 */
export function* generateCases(count: number, seed = 1, options: GenerateOptions = {}): Generator<CaseInput> {
  const rand = mulberry32(seed);
  const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [v, w] of weighted) if ((r -= w) < 0) return v;
    return weighted[weighted.length - 1]![0];
  };
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const BASE = Date.parse("2026-01-01T00:00:00+08:00");
  const H = 3_600_000;
  for (let n = 0; n < count; n++) {
    const category = pick([["apparel", 30], ["shoes", 8], ["mobile_phone", 12], ["laptop", 6], ["earphones", 10], ["tv", 3], ["small_appliance", 8], ["large_appliance", 3], ["books", 5], ["fresh_food", 6], ["cosmetics", 9]] as const);
    const itemCount = options.lines ?? pick([[1, 70], [2, 20], [3, 10]] as const);
    const items = Array.from({ length: itemCount }, (_, i) => ({
      sku: `SKU-${n}-${i}`,
      category: i === 0 ? category : pick([["apparel", 1], ["books", 1], ["cosmetics", 1]] as const),
      unitPrice: category === "laptop" || category === "tv" ? int(200_000, 1_200_000) : category === "mobile_phone" ? int(99_900, 899_900) : int(990, 59_900),
      quantity: pick([[1, 85], [2, 12], [3, 3]] as const),
      ...(rand() < 0.05 ? { warrantyMonths: pick([[24, 1], [36, 1]] as const) } : {}),
      ...(category === "fresh_food" ? { flags: { perishable: true } } : rand() < 0.03 ? { flags: { customMade: true } } : rand() < 0.02 ? { flags: { noReasonReturnWaivedAtPurchase: true } } : {}),
    }));
    const itemsTotal = items.reduce((s, i) => s + i.unitPrice * i.quantity, 0);
    const linePaid = itemCount > 1 && rand() < 0.3; // the platform knows each line's paid amount
    const shippingFee = rand() < 0.3 ? int(500, 2000) : 0;
    const placed = BASE + int(0, 300 * 24) * H;
    const shipped = rand() < 0.96;
    const delivered = shipped && rand() < 0.92;
    const shippedAt = placed + int(2, 48) * H;
    const deliveredAt = shippedAt + int(12, 96) * H;
    // Two parcels: the first half of the lines signed first, the rest days later.
    const split = itemCount > 1 && shipped && rand() < 0.3 ? Math.ceil(itemCount / 2) : 0;
    const secondDeliveredAt = deliveredAt + int(24, 10 * 24) * H;
    const reason = pick([["no_reason", 30], ["quality_fault", 25], ["not_as_described", 6], ["wrong_item", 5], ["missing_item", 4], ["damaged_in_transit", 4], ["lost_in_transit", 3], ["logistics_delay", 8], ["price_drop", 3], ["service", 4], ["other", 8]] as const);
    const type =
      reason === "no_reason" ? "return"
      : reason === "quality_fault" ? pick([["return", 4], ["exchange", 3], ["repair", 2], ["complaint", 1]] as const)
      : reason === "logistics_delay" || reason === "lost_in_transit" ? pick([["logistics", 3], ["reship", 1], ["refund_only", 1]] as const)
      : reason === "missing_item" ? "reship"
      : reason === "service" ? "complaint"
      : reason === "other" ? pick([["inquiry", 3], ["refund_only", 1]] as const)
      : pick([["return", 2], ["exchange", 2]] as const);
    // Reported after the last signing: a case signed for after it was reported contradicts itself.
    const reported = (delivered ? (split > 0 ? secondDeliveredAt : deliveredAt) : shippedAt) + pick([[int(0, 7 * 24), 60], [int(7 * 24, 30 * 24), 30], [int(30 * 24, 500 * 24), 10]] as const) * H;
    // An order-level discount, taken off the first line when lines carry their paid amount.
    const discount = rand() < 0.2 ? Math.min(items[0]!.unitPrice * items[0]!.quantity, int(500, 5000)) : 0;
    // Some lines, sometimes some of their units, sometimes their own condition.
    const requestLines = (lines: readonly { sku: string; quantity: number }[]) =>
      lines
        .filter((_, i) => i === 0 || rand() < 0.5)
        .map((l) => ({
          line: l.sku,
          ...(l.quantity > 1 && rand() < 0.5 ? { quantity: int(1, l.quantity - 1) } : {}),
          ...(rand() < 0.2 ? { goodsCondition: pick([["unopened", 1], ["used", 1]] as const) } : {}),
        }));
    const iso = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 19) + "+08:00";
    const abusive = rand() < 0.03;
    yield {
      caseId: `gen-${seed}-${n}`,
      reportedAt: iso(reported),
      order: {
        orderId: `O-${seed}-${n}`,
        currency: "CNY",
        placedAt: iso(placed),
        paidAt: iso(placed + 60_000),
        ...(shipped && split === 0 ? { shippedAt: iso(shippedAt) } : {}),
        ...(delivered && split === 0 ? { deliveredAt: iso(deliveredAt) } : {}),
        ...(rand() < 0.5 ? { promisedDeliveryBy: iso(placed + int(48, 96) * H) } : {}),
        paidAmount: itemsTotal + shippingFee - discount,
        ...(shippingFee > 0 ? { shippingFee } : {}),
        items: linePaid ? items.map((item, i) => ({ ...item, paidAmount: item.unitPrice * item.quantity - (i === 0 ? discount : 0) })) : items,
        ...(split > 0
          ? {
              parcels: [
                { parcelId: "P1", shippedAt: iso(shippedAt), ...(delivered ? { deliveredAt: iso(deliveredAt) } : {}), lines: items.slice(0, split).map((i) => ({ line: i.sku })) },
                { parcelId: "P2", shippedAt: iso(shippedAt), ...(delivered ? { deliveredAt: iso(secondDeliveredAt) } : {}), lines: items.slice(split).map((i) => ({ line: i.sku })) },
              ],
            }
          : {}),
      },
      request: {
        type,
        reason,
        ...(rand() < 0.3 ? { lines: requestLines(items) } : {}),
        ...(rand() < 0.9 ? { goodsCondition: pick([["unopened", 35], ["opened_for_inspection", 35], ["used", 25], ["damaged_by_customer", 5]] as const) } : {}),
        ...(rand() < 0.01 ? { safetyHazard: true } : {}),
        ...(rand() < 0.1 ? { keepsGoods: true } : {}),
        ...(reason === "quality_fault" && rand() < 0.1 ? { priorRepairs: int(1, 3) } : {}),
        ...(rand() < 0.4 ? { evidence: { photos: true, ...(rand() < 0.3 ? { video: true } : {}) } } : {}),
        ...(rand() < 0.02 ? { batchComplaintCount: int(1, 12) } : {}),
      },
      customer: {
        id: `C-${int(1, 50_000)}`,
        tier: rand() < 0.1 ? "vip" : "normal",
        accountCreatedAt: iso(abusive ? reported - int(1, 20) * 24 * H : placed - int(30, 2000) * 24 * H),
        orderCount: int(1, 80),
        returnCount: abusive ? int(5, 20) : int(0, 5),
        ...(abusive ? { negativeReviewCount: int(3, 10), offPlatformContact: true } : {}),
      },
    };
  }
}

/** mulberry32: a tiny, well-known seeded PRNG (deterministic across platforms). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
