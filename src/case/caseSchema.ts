import { z } from "zod";
import { parseInstant } from "../time/index.js";

/**
 * The input contract (DESIGN.md "The case"): strict everywhere (an unknown key is an
 * error with its path), money in integer fen, timestamps ISO-8601 with an explicit offset.
 */

/** Limits that keep one case small enough to decide in microseconds. */
export const CASE_LIMITS = { items: 200, skus: 200, string: 200 } as const;

const text = z.string().min(1).max(CASE_LIMITS.string);

/**
 * The largest amount a case may carry: ¥1,000,000,000. A percentage is applied as basis
 * points (× 10⁴), and 10¹¹ × 10⁴ stays below 2⁵³, so every money operation is exact.
 */
export const MAX_FEN = 100_000_000_000;

/** Integer fen (CNY minor unit), never a float. */
export const Fen = z.number().int("amounts are integer fen").nonnegative().max(MAX_FEN, `at most ${MAX_FEN} fen (¥1,000,000,000)`);

/** ISO-8601 date-time with an explicit offset (`Z` or `+08:00`): never the machine's zone. */
export const Timestamp = z.iso.datetime({ offset: true, message: "an ISO-8601 date-time with an explicit offset, e.g. 2026-03-01T23:50:00+08:00" });

const count = z.number().int().nonnegative().max(1_000_000);

export const ItemFlags = z.strictObject({
  /** 消费者定作: made to the customer's order. */
  customMade: z.boolean().optional(),
  /** 鲜活易腐: fresh, live, perishable. */
  perishable: z.boolean().optional(),
  /** Digital goods downloaded online. */
  digitalDownload: z.boolean().optional(),
  /** Audio-video or software media whose seal the customer opened. */
  sealedMediaOpened: z.boolean().optional(),
  /** Delivered newspapers and periodicals. */
  periodical: z.boolean().optional(),
  /** The customer confirmed at purchase that this item is not returnable without reason. */
  noReasonReturnWaivedAtPurchase: z.boolean().optional(),
});

export const Item = z.strictObject({
  sku: text,
  /** A free string; the bundled 三包 table knows e.g. mobile_phone, laptop, earphones. */
  category: text,
  /** Fen actually paid per unit. */
  unitPrice: Fen,
  quantity: z.number().int().min(1).max(1_000_000),
  /** Overrides the category table's 三包 period. */
  warrantyMonths: z.number().int().nonnegative().max(1200).optional(),
  flags: ItemFlags.optional(),
});

export const RequestType = z.enum(["return", "exchange", "repair", "refund_only", "reship", "complaint", "inquiry", "logistics"]);
export const RequestReason = z.enum([
  "no_reason", "quality_fault", "not_as_described", "wrong_item", "missing_item",
  "damaged_in_transit", "lost_in_transit", "logistics_delay", "price_drop", "service", "other",
]);
export const GoodsCondition = z.enum(["unopened", "opened_for_inspection", "used", "damaged_by_customer"]);

export const Order = z.strictObject({
  orderId: text,
  currency: z.literal("CNY"),
  placedAt: Timestamp,
  paidAt: Timestamp.optional(),
  shippedAt: Timestamp.optional(),
  /** 签收: when the customer signed for the goods. */
  deliveredAt: Timestamp.optional(),
  promisedDeliveryBy: Timestamp.optional(),
  /** Fen actually paid for the order. */
  paidAmount: Fen,
  shippingFee: Fen.optional(),
  items: z.array(Item).min(1).max(CASE_LIMITS.items),
});

export const Request = z.strictObject({
  type: RequestType,
  reason: RequestReason,
  /** The items the request is about; default all. */
  skus: z.array(text).min(1).max(CASE_LIMITS.skus).optional(),
  goodsCondition: GoodsCondition.optional(),
  safetyHazard: z.boolean().optional(),
  keepsGoods: z.boolean().optional(),
  /** Earlier repairs of the same fault. */
  priorRepairs: count.optional(),
  evidence: z.strictObject({ photos: z.boolean().optional(), video: z.boolean().optional(), inspectionReport: z.boolean().optional() }).optional(),
  batchComplaintCount: count.optional(),
});

export const Customer = z.strictObject({
  id: text,
  tier: z.enum(["normal", "vip"]),
  annualSpend: Fen.optional(),
  accountCreatedAt: Timestamp.optional(),
  orderCount: count.optional(),
  returnCount: count.optional(),
  negativeReviewCount: count.optional(),
  offPlatformContact: z.boolean().optional(),
});

const CaseShape = z.strictObject({
  caseId: text,
  /** When the customer asked: windows are judged at this instant, not at decision time. */
  reportedAt: Timestamp,
  order: Order,
  request: Request,
  customer: Customer,
});

export const CaseSchema = CaseShape
  .superRefine((c, ctx) => {
    for (const issue of caseConsistencyIssues(c)) ctx.addIssue({ code: "custom", ...issue });
  });

/**
 * What the shape alone cannot say: skus are unique and requested skus exist, the lines'
 * total stays exact, delivery is not before the order. Run by the schema's refinement and
 * by the fast path that skips zod for valid cases (parseCase.ts), so both judge alike.
 */
export function caseConsistencyIssues(c: z.output<typeof CaseShape>): readonly ConsistencyIssue[] {
  // Runs for every valid case: no allocation unless there is an issue, and linear scans
  // for the usual handful of items (a Set beyond that).
  let issues: ConsistencyIssue[] | undefined;
  const items = c.order.items;
  const seen = items.length > 16 ? new Set<string>() : undefined;
  const isSku = (sku: string, before: number) => {
    if (seen) return seen.has(sku);
    for (let j = 0; j < before; j++) if (items[j]!.sku === sku) return true;
    return false;
  };
  let lines = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (isSku(item.sku, i)) (issues ??= []).push({ path: ["order", "items", i, "sku"], message: `duplicate sku "${item.sku}"` });
    seen?.add(item.sku);
    lines += item.unitPrice * item.quantity;
  }
  const requested = c.request.skus;
  if (requested) {
    for (let i = 0; i < requested.length; i++) {
      const sku = requested[i]!;
      if (!isSku(sku, items.length)) (issues ??= []).push({ path: ["request", "skus", i], message: `sku "${sku}" is not an item of the order` });
    }
  }
  if (lines > MAX_FEN) (issues ??= []).push({ path: ["order", "items"], message: `the items total more than ${MAX_FEN} fen (¥1,000,000,000)` });
  if (c.order.deliveredAt && parseInstant(c.order.deliveredAt) < parseInstant(c.order.placedAt)) {
    (issues ??= []).push({ path: ["order", "deliveredAt"], message: "deliveredAt is before placedAt" });
  }
  return issues ?? NO_ISSUES;
}

export interface ConsistencyIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const NO_ISSUES: readonly ConsistencyIssue[] = Object.freeze([]);

/** A case as parsed (`z.output`); what `decide` accepts is the same JSON shape. */
export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type OrderItem = z.output<typeof Item>;
