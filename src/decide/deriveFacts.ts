import type { Case } from "../case/caseSchema.js";
import type { FACTS, FactName } from "../policy/format/factCatalog.js";
import { categoryRow, type SanbaoCategory, type SanbaoTable } from "../policy/format/sanbaoTable.js";
import type { Policy } from "../policy/policy.js";
import { daysIntoPeriod, daysSinceDelivery, parseInstant, restDayExtendedDeadline, restDayExtension, zoneDay, type Zone } from "../time/index.js";
import { attributeFact } from "./caseAttributes.js";
import type { RequestedLine } from "./requestedLines.js";
import { installationOf, repairRecord, warrantyOf } from "./warranty.js";

type LevelOf<K extends FactName> = (typeof FACTS)[K]["stage"];
type NamesAt<L extends string> = { [K in FactName]: LevelOf<K> extends L ? K : never }[FactName];
export type CaseFactName = NamesAt<"case">;
export type LineFactName = NamesAt<"line">;
export type EligibilityFactName = NamesAt<"eligibility">;

/**
 * The facts of the case-level stages. Eligibility's roll-up facts are declared up front as
 * null and filled in, in a copy for compensation, once every line is decided (one shape);
 * policy loading rejects an earlier stage reading them.
 */
export type CaseFacts = { readonly [K in CaseFactName]: unknown } & { readonly [K in EligibilityFactName]: boolean | null };
/** The facts of one requested line: the case's facts and the line's own. */
export type LineFacts = { readonly [K in CaseFactName | LineFactName]: unknown };

/** A requested line's dates, read once: what its verdicts' deadlines are computed from. */
export interface LineContext {
  readonly line: RequestedLine;
  readonly reportedAt: Date;
  /** Day 0 of a window counted `from: "installation"`: the completed installation, else the signing. */
  readonly installedAt: Date | undefined;
  /** The end of the line's 三包 period (first instant after it), when known. */
  readonly warrantyDeadline: Date | undefined;
  /** Extra days an N-day window runs on over rest days (0 without a rest-day calendar). */
  readonly restDayExtension: (days: number) => number;
  /** Present when the policy runs every window on over rest days (民法典 art. 203 ¶1). */
  readonly isRestDay?: ((zoneDay: number) => boolean) | undefined;
}

/** What a policy adds to fact derivation: its 三包 table and, optionally, its rest days. */
export interface FactData {
  readonly sanbao: SanbaoTable;
  /** The attributes the policy declares, per level. */
  readonly attributes: Policy["attributes"];
  readonly isRestDay?: ((zoneDay: number) => boolean) | undefined;
}

const NO_EXTENSION = (): number => 0;
const EXCLUSION_FLAGS = ["customMade", "perishable", "digitalDownload", "sealedMediaOpened", "periodical"] as const;
const DAY_MS = 86_400_000;
/** Most lines carry no exclusion flag: one frozen empty list for all of them (facts are read, never written). */
const NO_EXCLUSIONS: readonly never[] = Object.freeze([]);

/**
 * The case-level facts, from a parsed case and its requested lines (a pure function: the
 * clock is not needed because windows are judged at `reportedAt`).
 */
export function deriveCaseFacts(c: Case, lines: readonly RequestedLine[], reportedAt: Date, z: Zone, attributes: Policy["attributes"]): CaseFacts {
  let requestedAmount = 0;
  let requestDelivered = true;
  let everyUnit = lines.length === c.order.items.length; // request lines name each order line once
  for (const line of lines) {
    requestedAmount += line.refund;
    if (line.deliveredAt === undefined) requestDelivered = false;
    if (line.units < line.item.quantity) everyUnit = false;
  }
  const { order, request } = c;
  const orderShipped =
    order.parcels === undefined
      ? order.shippedAt !== undefined || order.deliveredAt !== undefined
      : order.parcels.some((p) => p.shippedAt !== undefined || p.deliveredAt !== undefined);
  const promised = order.promisedDeliveryBy === undefined ? undefined : parseInstant(order.promisedDeliveryBy);
  // Days late: the promised date to the last requested line's signing date, in the policy's zone.
  let lastDelivered = -Infinity;
  for (const line of lines) lastDelivered = line.deliveredAt === undefined ? NaN : Math.max(lastDelivered, line.deliveredAt.getTime());
  const daysLate = promised === undefined || !Number.isFinite(lastDelivered) ? null : Math.max(0, zoneDay(lastDelivered, z) - zoneDay(promised, z));
  const evidence = request.evidence;
  const abuseSignals = abuseSignalsOf(c, reportedAt);
  return {
    requestType: request.type,
    reason: request.reason,
    pastPromisedDelivery: promised !== undefined && lines.some((l) => (l.deliveredAt?.getTime() ?? reportedAt.getTime()) > promised),
    priorRepairs: request.priorRepairs ?? 0,
    safetyHazard: request.safetyHazard === true,
    urgentNeed: request.urgentNeed === true,
    keepsGoods: request.keepsGoods === true,
    evidenceProvided: evidence?.photos === true || evidence?.video === true || evidence?.inspectionReport === true,
    batchComplaintCount: request.batchComplaintCount ?? 0,
    customerTier: c.customer.tier,
    orderValue: order.paidAmount,
    requestedAmount,
    requestDelivered,
    wholeOrderRequested: everyUnit,
    orderShipped,
    shippingFee: order.shippingFee ?? 0,
    abuseSignalCount: abuseSignals.length,
    abuseSignals,
    daysLate,
    orderAttributes: attributeFact(order.attributes, attributes.order),
    customerAttributes: attributeFact(c.customer.attributes, attributes.customer),
    returnAllowed: null,
    exchangeAllowed: null,
    repairAllowed: null,
    refundOnlyAllowed: null,
    reshipAllowed: null,
    manualReviewRequired: null,
  };
}

/**
 * The facts of one requested line: the case's facts (copied, so every line's object has one
 * shape) and the line's category, 三包 row, parcel, condition, units and price.
 */
export function deriveLineFacts(caseFacts: CaseFacts, line: RequestedLine, reportedAt: Date, z: Zone, data: FactData): { facts: LineFacts; context: LineContext } {
  const { sanbao, isRestDay, attributes } = data;
  const item = line.item;
  const deliveredAt = line.deliveredAt;
  const category = categoryRow(sanbao, item.category);
  const inCatalogue = category !== undefined && category.statutory;
  const installedAt = deliveredAt === undefined ? undefined : installationOf(item, deliveredAt);
  const repairs = repairRecord(item, reportedAt, z);
  const warranty = warrantyOf(inCatalogue ? category : undefined, item, line.failedPart, deliveredAt, reportedAt, z);
  // With the rest-day extension on, every period runs on over rest days (民法典 art. 203 ¶1),
  // and the 三包 period is read as that reading gives it.
  const warrantyDeadline = warranty.deadline !== undefined && isRestDay ? restDayExtendedDeadline(warranty.deadline, z, isRestDay) : warranty.deadline;
  const withinWarranty = warranty.within === false && warrantyDeadline !== undefined && warrantyDeadline !== warranty.deadline ? reportedAt < warrantyDeadline : warranty.within;
  const flags = item.flags;
  let exclusions: readonly (typeof EXCLUSION_FLAGS)[number][] = NO_EXCLUSIONS;
  if (flags !== undefined) for (const flag of EXCLUSION_FLAGS) if (flags[flag] === true) exclusions = [...exclusions, flag];
  const condition = line.goodsCondition;
  const extension = isRestDay && deliveredAt ? (days: number) => restDayExtension(deliveredAt, days, z, isRestDay) : NO_EXTENSION;
  const facts: LineFacts = {
    requestType: caseFacts.requestType,
    reason: caseFacts.reason,
    pastPromisedDelivery: caseFacts.pastPromisedDelivery,
    priorRepairs: caseFacts.priorRepairs,
    safetyHazard: caseFacts.safetyHazard,
    urgentNeed: caseFacts.urgentNeed,
    keepsGoods: caseFacts.keepsGoods,
    evidenceProvided: caseFacts.evidenceProvided,
    batchComplaintCount: caseFacts.batchComplaintCount,
    customerTier: caseFacts.customerTier,
    orderValue: caseFacts.orderValue,
    requestedAmount: caseFacts.requestedAmount,
    requestDelivered: caseFacts.requestDelivered,
    wholeOrderRequested: caseFacts.wholeOrderRequested,
    orderShipped: caseFacts.orderShipped,
    shippingFee: caseFacts.shippingFee,
    abuseSignalCount: caseFacts.abuseSignalCount,
    abuseSignals: caseFacts.abuseSignals,
    daysLate: caseFacts.daysLate,
    orderAttributes: caseFacts.orderAttributes,
    customerAttributes: caseFacts.customerAttributes,
    lineAttributes: attributeFact(item.attributes, attributes.line),
    shipped: line.shipped,
    delivered: deliveredAt !== undefined,
    // With the rest-day extension on, read as art. 203 reads a period: rest days that end one
    // do not count, so `daysSinceDelivery <= N` holds through an N-day window run on over them.
    daysSinceDelivery: deliveredAt === undefined ? null : isRestDay ? daysIntoPeriod(deliveredAt, reportedAt, z, isRestDay) : daysSinceDelivery(deliveredAt, reportedAt, z),
    daysSinceInstallation: installedAt === undefined ? null : isRestDay ? daysIntoPeriod(installedAt, reportedAt, z, isRestDay) : daysSinceDelivery(installedAt, reportedAt, z),
    noReasonWindowDays: extension === NO_EXTENSION ? 7 : 7 + extension(7),
    goodsCondition: condition,
    goodsIntact: goodsIntact(condition, category),
    damagedByCustomer: condition === "damaged_by_customer",
    statutoryExclusion: exclusions.length > 0,
    statutoryExclusions: exclusions,
    waivedAtPurchase: flags?.noReasonReturnWaivedAtPurchase === true,
    category: category?.key ?? item.category,
    categoryKnown: category !== undefined,
    inSanbaoCatalogue: inCatalogue,
    failedPart: line.failedPart ?? null,
    sameFaultRepairs: Math.max(caseFacts.priorRepairs as number, repairs.sameFault),
    longestRepairDays: repairs.longestDays,
    partsWaitDays: repairs.partsWaitDays,
    warrantyMonths: warranty.months,
    withinWarranty,
    failedPartNeeded: warranty.partNeeded,
    remedyWanted: line.remedyWanted,
    lineUnits: item.quantity,
    requestedUnits: line.units,
    linePaidAmount: line.linePaid,
    requestedLineAmount: line.refund,
  };
  return { facts, context: isRestDay ? { line, reportedAt, installedAt, warrantyDeadline, restDayExtension: extension, isRestDay } : { line, reportedAt, installedAt, warrantyDeadline, restDayExtension: extension } };
}

/**
 * 商品完好 for a no-reason return (消保法 art. 25 ¶3). Opening to inspect keeps the goods intact
 * (实施条例 art. 19 ¶3); use or damage does not. A broken one-time seal depends on the goods
 * (暂行办法 art. 9): it voids intactness for goods whose category carries a hygienic seal (food,
 * cosmetics …), and is mere inspection for the others (a phone box); unknown when the table does
 * not know the category (null: a person decides, never a guess either way).
 */
export function goodsIntact(condition: RequestedLine["goodsCondition"], category: SanbaoCategory | undefined): boolean | null {
  switch (condition) {
    case null:
      return null;
    case "unopened":
    case "opened_for_inspection":
      return true;
    case "seal_broken":
      return category === undefined ? null : !category.oneTimeSeal;
    default:
      return false;
  }
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
