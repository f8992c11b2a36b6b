import { z } from "zod";
import { IDENTIFIER } from "../_lib/namePatterns.js";
import { parseInstant } from "../time/index.js";
import type { InconsistentCaseParams } from "../_lib/issues.js";
import { timeOrderIssues, type ConsistencyIssue } from "./timeOrder.js";

/**
 * The input contract (DESIGN.md "The case"): strict everywhere (an unknown key is an
 * error with its path), money in integer fen, timestamps ISO-8601 with an explicit offset.
 */

/** Limits that keep one case small enough to decide in microseconds. */
export const CASE_LIMITS = { items: 200, parcels: 200, requestLines: 200, string: 200 } as const;

const text = z.string().min(1).max(CASE_LIMITS.string);

/**
 * The largest amount a case may carry: ¥1,000,000,000. A percentage is applied as basis
 * points (× 10⁴), and 10¹¹ × 10⁴ stays below 2⁵³, so every money operation is exact.
 */
export const MAX_FEN = 100_000_000_000;

/** Integer fen (CNY minor unit), never a float. */
// Integer fen up to ¥1,000,000,000; zod's own messages say so in either language.
export const Fen = z.number().int().nonnegative().max(MAX_FEN);

/** ISO-8601 date-time with an explicit offset (`Z` or `+08:00`): never the machine's zone. */
// Its message (an ISO-8601 date-time with an explicit offset) is the issue catalogue's, in both languages.
export const Timestamp = z.iso.datetime({ offset: true });

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

// --- Attributes (issue 13): what a policy declares about lines, orders and customers ---
/**
 * Attributes a policy declares (brand, membershipLevel, shippingInsurance, …): a name and a
 * scalar. This schema cannot know the policy, so it checks only the form; whether a name is
 * declared and its value of the declared type is checked when deciding, with the policy.
 */
export const Attributes = z
  .record(z.string().regex(IDENTIFIER).max(64), z.union([text, z.number().finite(), z.boolean()]))
  .meta({ id: "Attributes", description: "Attributes the policy declares (policy.json `attributes`): name → string, number or boolean." });
// --- end of attributes ---
/** One repair of the line's goods (its history): when they were handed in and came back. */
export const Repair = z.strictObject({
  handedInAt: Timestamp,
  /** When the repaired goods came back; still in repair when not given. */
  returnedAt: Timestamp.optional(),
  /** The repair was of the fault the request is about (部分商品三包 art. 11: "同一性能故障"). */
  sameFault: z.boolean().optional(),
  /** The repair waited for parts the producer did not supply (部分商品三包 art. 12). */
  partsUnavailable: z.boolean().optional(),
});

/** What happened to the line's goods after delivery: exchanges and repairs (at most 20 each). */
export const ItemHistory = z.strictObject({
  /** Completed exchanges: the 三包 period restarts at the last (实施条例 art. 18 ¶1; 部分商品三包 art. 14). */
  exchanges: z.array(z.strictObject({ completedAt: Timestamp })).max(20).optional(),
  /** Repairs: their time is not counted in the 三包 period (实施条例 art. 18 ¶1). */
  repairs: z.array(Repair).max(20).optional(),
});

/** An order line (子订单): one product, its units, what was paid for it. */
export const Item = z.strictObject({
  /** The platform's 子订单 id; the sku when not given. Request lines and parcels name a line by it. */
  lineId: text.optional(),
  sku: text,
  /** A free string; the bundled 三包 table knows e.g. mobile_phone, laptop, earphones. */
  category: text,
  /** Fen per unit before order-level discounts (the weight an order-level discount is allocated by). */
  unitPrice: Fen,
  quantity: z.number().int().min(1).max(1_000_000),
  /**
   * Fen actually paid for the whole line after every discount (优惠分摊). When no line gives
   * it, the order's paid amount less shipping is allocated over the lines (see docs/contract.md).
   */
  paidAmount: Fen.optional(),
  /** A promised 三包 period (months): it can only lengthen the category table's statutory one. */
  warrantyMonths: z.number().int().nonnegative().max(1200).optional(),
  /**
   * 价保: the unit's price now (fen), when the customer asks for price protection; at most
   * `unitPrice` (a price that went up is owed nothing). A price-protection promise refunds the
   * difference for the requested units.
   */
  priceNow: Fen.optional(),
  flags: ItemFlags.optional(),
  /** The line's attributes, as the policy declares them under `attributes.line`. */
  attributes: Attributes.optional(),
  /** Goods the merchant installs: when installation was completed (the 三包 period runs from it, 实施条例 art. 18 ¶1). */
  installedAt: Timestamp.optional(),
  history: ItemHistory.optional(),
});

/** Units of one line in a parcel; all of the line's units when `quantity` is not given. */
export const ParcelLine = z.strictObject({
  line: text,
  quantity: z.number().int().min(1).max(1_000_000).optional(),
});

/** A shipment (包裹): which lines and units it carries, when it left and when it was signed for. */
export const Parcel = z.strictObject({
  parcelId: text,
  shippedAt: Timestamp.optional(),
  /** 签收: a line's windows run from the day after its own parcel was signed for. */
  deliveredAt: Timestamp.optional(),
  lines: z.array(ParcelLine).min(1).max(CASE_LIMITS.items),
});

export const RequestType = z.enum(["return", "exchange", "repair", "refund_only", "reship", "complaint", "inquiry", "logistics"]);
export const RequestReason = z.enum([
  "no_reason", "quality_fault", "not_as_described", "wrong_item", "missing_item",
  "damaged_in_transit", "lost_in_transit", "logistics_delay", "price_drop", "service", "other",
]);
/**
 * The condition of the goods. `seal_broken`: a one-time seal of the goods' own packaging was
 * broken (a cosmetics or food seal, a phone box's seal sticker); whether that still leaves the
 * goods intact depends on their category (暂行办法 art. 9: for food, cosmetics, medical devices
 * and contraceptives it does not; opening a phone box to inspect does).
 */
export const GoodsCondition = z.enum(["unopened", "opened_for_inspection", "seal_broken", "used", "damaged_by_customer"]);
/** The request types that ask for a remedy on goods; the others (complaint, inquiry, logistics) ask for none. */
export const RemedyWanted = z.enum(["return", "exchange", "repair", "refund_only", "reship"]);

/** What the customer asks for one order line: how many units, which remedy, their condition. */
export const RequestLine = z.strictObject({
  /** The order line's lineId (or sku). */
  line: text,
  /** Units asked about; all of the line's units when not given. */
  quantity: z.number().int().min(1).max(1_000_000).optional(),
  /** The parcel the units came in, needed only when the line's units came in parcels signed at different times. */
  parcel: text.optional(),
  /** The remedy wanted for this line; request.type when not given. */
  remedy: RemedyWanted.optional(),
  /** The condition of these units; request.goodsCondition when not given. */
  goodsCondition: GoodsCondition.optional(),
  /** When the merchant received these units back (a return); request.returnReceivedAt when not given. */
  returnReceivedAt: Timestamp.optional(),
  /** The part that failed (a part the category table names, e.g. battery, main_parts; or main_unit); request.failedPart when not given. */
  failedPart: text.optional(),
});

export const Order = z.strictObject({
  orderId: text,
  currency: z.literal("CNY"),
  placedAt: Timestamp,
  paidAt: Timestamp.optional(),
  shippedAt: Timestamp.optional(),
  /** 签收: when the customer signed for the goods (an order in one parcel; otherwise give `parcels`). */
  deliveredAt: Timestamp.optional(),
  promisedDeliveryBy: Timestamp.optional(),
  /** Fen actually paid for the order: the lines after every discount, plus shipping. */
  paidAmount: Fen,
  shippingFee: Fen.optional(),
  /** The order lines (子订单). */
  items: z.array(Item).min(1).max(CASE_LIMITS.items),
  /** Shipments, when the order went out in more than one; replaces order.shippedAt/deliveredAt. */
  parcels: z.array(Parcel).min(1).max(CASE_LIMITS.parcels).optional(),
  /** The order's attributes, as the policy declares them under `attributes.order`. */
  attributes: Attributes.optional(),
});

export const Request = z.strictObject({
  type: RequestType,
  reason: RequestReason,
  /** The lines and units the request is about; every unit of every line when not given. */
  lines: z.array(RequestLine).min(1).max(CASE_LIMITS.requestLines).optional(),
  goodsCondition: GoodsCondition.optional(),
  /**
   * When the merchant received the returned goods: the refund is due within 7 days of it (消保法
   * art. 25 ¶3). The one time of a case that comes after `reportedAt`.
   */
  returnReceivedAt: Timestamp.optional(),
  safetyHazard: z.boolean().optional(),
  /** The customer needs the goods urgently (a delay then gets an expedited reship, seed 002 §5.3.3). */
  urgentNeed: z.boolean().optional(),
  keepsGoods: z.boolean().optional(),
  /**
   * The part that failed: a part the category table gives its own 三包 period (battery,
   * charger, main_parts …), or "main_unit" / "other" for the unit itself or a part that
   * follows the whole unit's period.
   * Needed only when the parts' periods would decide differently.
   */
  failedPart: text.optional(),
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
  /** The customer's attributes, as the policy declares them under `attributes.customer`. */
  attributes: Attributes.optional(),
});

/** An interval in which the SLA clock stood still (waiting for the customer): `[from, to)`. */
export const SlaPause = z.strictObject({
  from: Timestamp,
  to: Timestamp,
  reason: text.optional(),
});

/**
 * What the service has done so far: when the clock stood still, and when targets were met.
 * Pauses are in order, apart, after the report, and (checked when deciding) not after the
 * decision instant; one still going on ends at the decision instant.
 */
export const CaseSla = z.strictObject({
  pauses: z.array(SlaPause).max(CASE_LIMITS.requestLines).optional(),
  /** When the customer first got an answer. */
  firstResponseAt: Timestamp.optional(),
  /** When the customer got a solution (direction, handling path or answer, by tier). */
  solutionAt: Timestamp.optional(),
});

export const CaseShape = z.strictObject({
  caseId: text,
  /** When the customer asked: windows are judged at this instant, not at decision time. */
  reportedAt: Timestamp,
  order: Order,
  request: Request,
  customer: Customer,
  /** The SLA clock's history: pauses and targets met (optional). */
  sla: CaseSla.optional(),
});

export const CaseSchema = CaseShape
  .superRefine((c, ctx) => {
    for (const found of caseConsistencyIssues(c)) ctx.addIssue({ code: "custom", message: found.params.rule, path: found.path, params: { code: "inconsistent_case", ...found.params } });
  });

/** Units of a line a parcel carries (all of the line's units when the parcel does not say). */
export function unitsIn(parcel: { readonly lines: readonly { readonly line: string; readonly quantity?: number | undefined }[] }, line: string, lineQuantity: number): number {
  let units = 0;
  for (const pl of parcel.lines) if (pl.line === line) units += pl.quantity ?? lineQuantity;
  return units;
}

/** The id request lines and parcels use for an order line: its lineId, else its sku. */
export function lineIdOf(item: { readonly lineId?: string | undefined; readonly sku: string }): string {
  return item.lineId ?? item.sku;
}

/**
 * What the shape alone cannot say: line ids are unique and every reference to a line or a
 * parcel exists, no more units are shipped or requested than were ordered, the line totals
 * agree with the order's paid amount, and the times come in the order life gives them
 * (timeOrder.ts: placed, shipped, signed for, then reported). Run by the
 * schema's refinement and by the fast path that skips zod for valid cases (parseCase.ts),
 * so both judge alike.
 */
export function caseConsistencyIssues(c: z.output<typeof CaseShape>): readonly ConsistencyIssue[] {
  // Runs for every valid case: no allocation unless there is an issue, and linear scans
  // for the usual handful of lines (a Map beyond that).
  let issues: ConsistencyIssue[] | undefined;
  const { order, request } = c;
  const items = order.items;
  const index = items.length > 16 ? new Map<string, number>() : undefined;
  let listTotal = 0;
  let paidLines = 0;
  let paidTotal = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const id = lineIdOf(item);
    if (lineAt(items, index, id, i) >= 0) issues = withIssue(issues, ["order", "items", i, item.lineId === undefined ? "sku" : "lineId"], { rule: "duplicate_line", line: id });
    else index?.set(id, i);
    listTotal += item.unitPrice * item.quantity;
    if (item.priceNow !== undefined && item.priceNow > item.unitPrice) issues = withIssue(issues, ["order", "items", i, "priceNow"], { rule: "price_now_above_unit_price", priceNow: item.priceNow, unitPrice: item.unitPrice });
    if (item.paidAmount !== undefined) {
      paidLines++;
      paidTotal += item.paidAmount;
    }
  }
  if (listTotal > MAX_FEN) issues = withIssue(issues, ["order", "items"], { rule: "items_total_too_large", max: MAX_FEN });
  const shipping = order.shippingFee ?? 0;
  if (paidLines === items.length && paidTotal + shipping !== order.paidAmount) {
    issues = withIssue(issues, ["order", "paidAmount"], { rule: "paid_mismatch", lines: paidTotal, shipping, paid: order.paidAmount, exceeds: false });
  } else if (paidLines < items.length && paidTotal + shipping > order.paidAmount) {
    issues = withIssue(issues, ["order", "paidAmount"], { rule: "paid_mismatch", lines: paidTotal, shipping, paid: order.paidAmount, exceeds: true });
  }

  issues = timeOrderIssues(c, issues);
  const parcels = order.parcels;
  if (parcels !== undefined) {
    if (order.deliveredAt !== undefined) issues = withIssue(issues, ["order", "deliveredAt"], { rule: "parcels_give_times", field: "deliveredAt" });
    if (order.shippedAt !== undefined) issues = withIssue(issues, ["order", "shippedAt"], { rule: "parcels_give_times", field: "shippedAt" });
    const shipped = new Array<number>(items.length).fill(0);
    for (let p = 0; p < parcels.length; p++) {
      const parcel = parcels[p]!;
      for (let q = 0; q < p; q++) if (parcels[q]!.parcelId === parcel.parcelId) issues = withIssue(issues, ["order", "parcels", p, "parcelId"], { rule: "duplicate_parcel", parcel: parcel.parcelId });
      for (let k = 0; k < parcel.lines.length; k++) {
        const pl = parcel.lines[k]!;
        const at = lineAt(items, index, pl.line, items.length);
        if (at < 0) issues = withIssue(issues, ["order", "parcels", p, "lines", k, "line"], { rule: "unknown_line", line: pl.line });
        else shipped[at]! += pl.quantity ?? items[at]!.quantity;
      }
    }
    for (let i = 0; i < items.length; i++) {
      if (shipped[i]! > items[i]!.quantity) issues = withIssue(issues, ["order", "parcels"], { rule: "over_shipped", line: lineIdOf(items[i]!), units: shipped[i]!, quantity: items[i]!.quantity });
    }
  }

  const lines = request.lines;
  if (lines !== undefined) {
    for (let r = 0; r < lines.length; r++) {
      const rl = lines[r]!;
      const at = lineAt(items, index, rl.line, items.length);
      if (at < 0) {
        issues = withIssue(issues, ["request", "lines", r, "line"], { rule: "unknown_line", line: rl.line });
        continue;
      }
      for (let q = 0; q < r; q++) if (lines[q]!.line === rl.line) issues = withIssue(issues, ["request", "lines", r, "line"], { rule: "line_requested_twice", line: rl.line });
      if (rl.quantity !== undefined && rl.quantity > items[at]!.quantity) {
        issues = withIssue(issues, ["request", "lines", r, "quantity"], { rule: "over_requested", line: rl.line, units: rl.quantity, quantity: items[at]!.quantity });
      }
      if (rl.parcel !== undefined) {
        const parcel = parcels?.find((p) => p.parcelId === rl.parcel);
        const carried = parcel === undefined ? 0 : unitsIn(parcel, rl.line, items[at]!.quantity);
        if (carried === 0) issues = withIssue(issues, ["request", "lines", r, "parcel"], { rule: "parcel_lacks_line", line: rl.line, parcel: rl.parcel });
        else if ((rl.quantity ?? items[at]!.quantity) > carried) {
          issues = withIssue(issues, ["request", "lines", r, "quantity"], { rule: "over_requested", line: rl.line, units: rl.quantity ?? items[at]!.quantity, quantity: carried, parcel: rl.parcel });
        }
      }
    }
  }
  if (c.sla !== undefined) issues = slaIssues(c.sla, parseInstant(c.reportedAt), issues);
  return issues ?? NO_ISSUES;
}

/** Pauses in order and apart, from `reportedAt` on; targets not met before the report. */
function slaIssues(sla: z.output<typeof CaseSla>, reportedAt: number, issues: ConsistencyIssue[] | undefined): ConsistencyIssue[] | undefined {
  let previousEnd = reportedAt;
  sla.pauses?.forEach((p, i) => {
    const from = parseInstant(p.from);
    const to = parseInstant(p.to);
    if (to <= from) issues = withIssue(issues, ["sla", "pauses", i, "to"], { rule: "pause_ends_before_start" });
    if (from < previousEnd) issues = withIssue(issues, ["sla", "pauses", i, "from"], i === 0 ? { rule: "pause_before_report" } : { rule: "pauses_overlap" });
    previousEnd = Math.max(previousEnd, to);
  });
  for (const key of ["firstResponseAt", "solutionAt"] as const) {
    const at = sla[key];
    if (at !== undefined && parseInstant(at) < reportedAt) issues = withIssue(issues, ["sla", key], { rule: "met_before_report", field: key });
  }
  return issues;
}

// Plain functions rather than closures: the checks run for every valid case.
function withIssue(issues: ConsistencyIssue[] | undefined, path: (string | number)[], params: InconsistentCaseParams): ConsistencyIssue[] {
  (issues ??= []).push({ path, params });
  return issues;
}

/** The index of the line with this id among the first `before` lines (or any, with an index). */
function lineAt(items: readonly { readonly lineId?: string | undefined; readonly sku: string }[], index: Map<string, number> | undefined, id: string, before: number): number {
  if (index) return index.get(id) ?? -1;
  for (let j = 0; j < before; j++) if (lineIdOf(items[j]!) === id) return j;
  return -1;
}

export type { ConsistencyIssue };

const NO_ISSUES: readonly ConsistencyIssue[] = Object.freeze([]);

/** A case as parsed (`z.output`); what `decide` accepts is the same JSON shape. */
export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type OrderItem = z.output<typeof Item>;
export type OrderParcel = z.output<typeof Parcel>;
export type RequestLineT = z.output<typeof RequestLine>;
export type CaseSlaT = z.output<typeof CaseSla>;
export type GoodsConditionT = z.output<typeof GoodsCondition>;
