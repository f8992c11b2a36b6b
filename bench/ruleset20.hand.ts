import type { Facts } from "../src/index.js";

/** The 20-rule bench set written as a plain function: the floor the compiled path is measured against. */
export function handWritten(f: Facts): string[] {
  const events: string[] = [];
  const reason = f.reason;
  const days = f.daysSinceDelivery as number;
  if (f.suspectedAbuse === true || (Array.isArray(f.categoryTags) && f.categoryTags.includes("high_risk"))) events.push("review.required");
  if (f.safetyHazard === true || (f.batchComplaintCount as number) >= 5) events.push("sla.tier");
  if (f.customerTier === "vip" || (f.orderValue as number) >= 500000) events.push("sla.tier");
  if (reason === "quality_fault" || reason === "wrong_item" || reason === "missing_item") events.push("sla.tier");
  if (f.requestType === "logistics" && (f.hoursPastPromise as number) > 0) events.push("sla.escalate");
  if (reason === "quality_fault" && (f.priorRepairs as number) >= 2 && f.withinWarranty === true) events.push("exchange.allowed");
  if (f.shipped === false && (f.requestType === "refund_only" || f.requestType === "return")) events.push("refundOnly.allowed");
  if ((reason === "quality_fault" || reason === "not_as_described") && days <= 7) events.push("return.allowed");
  if (reason === "quality_fault" && f.inSanbaoCatalogue === true && days <= 15) events.push("exchange.allowed");
  if (reason === "quality_fault" && f.withinWarranty === true) events.push("repair.allowed");
  if (reason === "quality_fault" && f.inSanbaoCatalogue === false && days > 7) events.push("exchange.allowed");
  if (reason === "wrong_item" || reason === "not_as_described") events.push("exchange.allowed");
  if (reason === "missing_item") events.push("reship.allowed");
  if ((reason === "lost_in_transit" || reason === "damaged_in_transit") && f.delivered === false) events.push("reship.allowed");
  if (reason === "no_reason" && days <= 7 && f.goodsIntact === true && f.excludedFromNoReason === false) events.push("return.allowed");
  if (reason === "no_reason" && days > 7) events.push("return.denied");
  if (reason === "no_reason" && f.excludedFromNoReason === true) events.push("return.denied");
  if (reason === "no_reason" && f.goodsIntact === false) events.push("return.denied");
  if (reason === "quality_fault" && (f.orderValue as number) > 0 && !(f.suspectedAbuse === true)) events.push("compensation.coupon");
  if (f.keepsGoods === true && (reason === "quality_fault" || reason === "not_as_described")) events.push("compensation.partialRefund");
  return events;
}

const REASONS = ["no_reason", "quality_fault", "not_as_described", "wrong_item", "missing_item", "lost_in_transit", "damaged_in_transit", "logistics_delay"];
const TYPES = ["return", "exchange", "repair", "refund_only", "logistics", "complaint"];

/** Deterministic fact objects (a small LCG, fixed seed) for the bench. */
export function benchFacts(count: number, seed = 42): Facts[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: count }, () => ({
    reason: pick(REASONS),
    requestType: pick(TYPES),
    daysSinceDelivery: Math.floor(next() * 30),
    goodsIntact: next() < 0.8,
    excludedFromNoReason: next() < 0.1,
    inSanbaoCatalogue: next() < 0.4,
    withinWarranty: next() < 0.7,
    priorRepairs: Math.floor(next() * 3),
    delivered: next() < 0.9,
    shipped: next() < 0.95,
    safetyHazard: next() < 0.02,
    batchComplaintCount: Math.floor(next() * 6),
    customerTier: next() < 0.1 ? "vip" : "normal",
    orderValue: Math.floor(next() * 800000),
    hoursPastPromise: Math.floor(next() * 48) - 24,
    keepsGoods: next() < 0.2,
    suspectedAbuse: next() < 0.05,
    categoryTags: next() < 0.1 ? ["high_risk"] : ["apparel"],
  }));
}
