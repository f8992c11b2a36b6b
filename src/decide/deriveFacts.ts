import { daysSinceDelivery, monthWindowDeadline, parseInstant, restDayExtension, type Zone } from "../time/index.js";
import type { Case, OrderItem } from "../case/caseSchema.js";
import type { FactName } from "../policy/format/factCatalog.js";
import type { SanbaoTable } from "../policy/format/sanbaoTable.js";

/**
 * The facts object. Eligibility's facts are declared up front as null and filled in place
 * once eligibility has decided (one object, one shape: no copy of thirty keys per stage);
 * policy loading rejects an earlier stage reading them.
 */
export type CaseFacts = { readonly [K in Exclude<FactName, EligibilityFactName>]: unknown } & { [K in EligibilityFactName]: boolean | null };
export type EligibilityFactName =
  | "returnAllowed" | "exchangeAllowed" | "repairAllowed" | "refundOnlyAllowed" | "reshipAllowed" | "manualReviewRequired";

/** Dates and the items a request is about, read once from the parsed case. */
export interface CaseContext {
  readonly reportedAt: Date;
  readonly deliveredAt: Date | undefined;
  readonly requestedItems: readonly OrderItem[];
  /** The end of the 三包 period (first instant after it), when known. */
  readonly warrantyDeadline: Date | undefined;
  /** Extra days an N-day window runs on over rest days (0 without a rest-day calendar). */
  readonly restDayExtension: (days: number) => number;
}

/** What a policy adds to fact derivation: its 三包 table and, optionally, its rest days. */
export interface FactData {
  readonly sanbao: SanbaoTable;
  readonly isRestDay?: ((zoneDay: number) => boolean) | undefined;
}

const EXCLUSION_FLAGS = ["customMade", "perishable", "digitalDownload", "sealedMediaOpened", "periodical"] as const;
const DAY_MS = 86_400_000;

/**
 * The facts the rules read, from a parsed case (a pure function: the zone comes in, the
 * clock is not needed because windows are judged at `reportedAt`).
 */
export function deriveFacts(c: Case, z: Zone, data: FactData): { facts: CaseFacts; context: CaseContext } {
  const { sanbao, isRestDay } = data;
  const reportedAt = new Date(parseInstant(c.reportedAt));
  const deliveredAt = c.order.deliveredAt === undefined ? undefined : new Date(parseInstant(c.order.deliveredAt));
  const requested = c.request.skus ? new Set(c.request.skus) : undefined;
  const requestedItems = requested ? c.order.items.filter((i) => requested.has(i.sku)) : c.order.items;
  const primary = requestedItems[0]!; // the schema requires ≥ 1 item and known skus

  const category = Object.hasOwn(sanbao, primary.category) ? sanbao[primary.category] : undefined;
  const warrantyMonths = primary.warrantyMonths ?? category?.warrantyMonths ?? null;
  const warrantyDeadline =
    deliveredAt !== undefined && warrantyMonths !== null ? monthWindowDeadline(deliveredAt, warrantyMonths, z) : undefined;

  const exclusions: (typeof EXCLUSION_FLAGS)[number][] = [];
  for (const flag of EXCLUSION_FLAGS) {
    for (const item of requestedItems) {
      if (item.flags?.[flag] === true) {
        exclusions.push(flag);
        break;
      }
    }
  }
  const condition = c.request.goodsCondition ?? null;
  const promised = c.order.promisedDeliveryBy === undefined ? undefined : parseInstant(c.order.promisedDeliveryBy);
  const evidence = c.request.evidence;

  const abuseSignals = abuseSignalsOf(c, reportedAt);
  const extension = (days: number) => (isRestDay && deliveredAt ? restDayExtension(deliveredAt, days, z, isRestDay) : 0);
  const facts: CaseFacts = {
    requestType: c.request.type,
    reason: c.request.reason,
    shipped: c.order.shippedAt !== undefined || deliveredAt !== undefined,
    delivered: deliveredAt !== undefined,
    daysSinceDelivery: deliveredAt === undefined ? null : daysSinceDelivery(deliveredAt, reportedAt, z),
    noReasonWindowDays: 7 + extension(7),
    pastPromisedDelivery: promised !== undefined && (deliveredAt?.getTime() ?? reportedAt.getTime()) > promised,
    goodsCondition: condition,
    // Opening to inspect keeps the goods intact (实施条例 art. 19 ¶3); use or damage does not.
    goodsIntact: condition === null ? null : condition === "unopened" || condition === "opened_for_inspection",
    statutoryExclusion: exclusions.length > 0,
    statutoryExclusions: exclusions,
    waivedAtPurchase: requestedItems.some((i) => i.flags?.noReasonReturnWaivedAtPurchase === true),
    category: primary.category,
    inSanbaoCatalogue: category !== undefined,
    warrantyMonths,
    withinWarranty: warrantyDeadline === undefined ? null : reportedAt.getTime() < warrantyDeadline.getTime(),
    priorRepairs: c.request.priorRepairs ?? 0,
    safetyHazard: c.request.safetyHazard === true,
    keepsGoods: c.request.keepsGoods === true,
    evidenceProvided: evidence?.photos === true || evidence?.video === true || evidence?.inspectionReport === true,
    batchComplaintCount: c.request.batchComplaintCount ?? 0,
    customerTier: c.customer.tier,
    orderValue: c.order.paidAmount,
    requestedAmount: requestedItems.reduce((s, i) => s + i.unitPrice * i.quantity, 0),
    shippingFee: c.order.shippingFee ?? 0,
    abuseSignalCount: abuseSignals.length,
    abuseSignals,
    returnAllowed: null,
    exchangeAllowed: null,
    repairAllowed: null,
    refundOnlyAllowed: null,
    reshipAllowed: null,
    manualReviewRequired: null,
  };
  return { facts, context: { reportedAt, deliveredAt, requestedItems, warrantyDeadline, restDayExtension: extension } };
}

// Signals from seed 002 §5.3.4 (professional bad reviewers). They may route goodwill to
// review; no statutory verdict reads them.
function abuseSignalsOf(c: Case, reportedAt: Date): string[] {
  const signals: string[] = [];
  const cu = c.customer;
  if (cu.accountCreatedAt !== undefined && reportedAt.getTime() - parseInstant(cu.accountCreatedAt) < 30 * DAY_MS) signals.push("new_account");
  if (cu.offPlatformContact === true) signals.push("off_platform_contact");
  if ((cu.negativeReviewCount ?? 0) >= 3) signals.push("negative_reviews");
  if ((cu.orderCount ?? 0) >= 4 && (cu.returnCount ?? 0) * 2 > (cu.orderCount ?? 0)) signals.push("high_return_rate");
  return signals;
}
