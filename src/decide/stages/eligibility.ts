import type { CaseContext } from "../deriveFacts.js";
import { dayWindowDeadline, formatInZone, monthWindowDeadline, type Zone } from "../../time/index.js";
import { type EventParams, type RemedyT, type RemedyWindowT } from "../../policy/format/eventSchemas.js";
import { perEvent, sourceOf, type StageEvent } from "../stageEvents.js";
import type { Basis, Denial, ReviewReason, Verdict } from "../types.js";

type Allowed = StageEvent & { params: EventParams<"remedy.allowed"> };

const denialOf = perEvent((e): Denial => {
  const p = e.params as EventParams<"remedy.denied">;
  return { ...sourceOf(e), code: p.code, message: p.message, ...(p.missing ? { missing: p.missing } : {}), ...(p.citation ? { citation: p.citation } : {}) };
});
const reviewOf = perEvent((e): ReviewReason => {
  const p = e.params as EventParams<"review.required">;
  return { stage: "eligibility", code: p.code, message: p.message, ...(p.missing ? { missing: p.missing } : {}), ...sourceOf(e) };
});
const basisOf = perEvent((e): Basis => ({ ...sourceOf(e), citation: (e.params as EventParams<"remedy.allowed">).citation }));

/**
 * Verdicts per remedy. Layers only add: a remedy is allowed when any rule of any layer
 * allows it (the law is a floor, a merchant may be more generous); its deadline is the
 * latest among the allowing rules; the merchant pays return shipping when any allowing
 * basis says so. Only a remedy no rule allows carries its denials.
 */
export function interpretEligibility(
  events: readonly StageEvent[],
  context: CaseContext,
  z: Zone,
): { verdicts: Record<RemedyT, Verdict>; reviewReasons: ReviewReason[] } {
  // One pass: events into per-remedy buckets, in event order.
  const buckets: Record<RemedyT, Bucket | undefined> = { return: undefined, exchange: undefined, repair: undefined, refundOnly: undefined, reship: undefined };
  const reviewReasons: ReviewReason[] = [];
  for (const e of events) {
    if (e.type === "review.required") {
      reviewReasons.push(reviewOf(e));
      continue;
    }
    const remedy = (e.params as { remedy: RemedyT }).remedy;
    const bucket = (buckets[remedy] ??= { allowing: [], against: [], undetermined: [] });
    if (e.type === "remedy.allowed") bucket.allowing.push(e as Allowed);
    else if (e.type === "remedy.denied" || e.type === "remedy.undetermined") {
      bucket.against.push(denialOf(e));
      // Missing input the law needs: not allowed, and a person decides.
      if (e.type === "remedy.undetermined") bucket.undetermined.push(reviewOf(e));
    }
  }

  let remedyReview: ReviewReason[] | undefined;
  const verdictOf = (remedy: RemedyT): Verdict => {
    const bucket = buckets[remedy];
    if (bucket !== undefined && bucket.allowing.length > 0) return allowedVerdict(bucket.allowing);
    if (bucket !== undefined && bucket.undetermined.length > 0) (remedyReview ??= []).push(...bucket.undetermined);
    return bucket === undefined ? NOTHING_FIRED : { allowed: false, basis: NONE, deniedBecause: bucket.against };
  };
  // A literal in REMEDIES order (one shape for every decision; review reasons in that order too).
  const verdicts: Record<RemedyT, Verdict> = {
    return: verdictOf("return"),
    exchange: verdictOf("exchange"),
    repair: verdictOf("repair"),
    refundOnly: verdictOf("refundOnly"),
    reship: verdictOf("reship"),
  };
  return { verdicts, reviewReasons: remedyReview === undefined ? reviewReasons : [...remedyReview, ...reviewReasons] };

  function allowedVerdict(allowed: readonly Allowed[]): Verdict {
    let latest = -Infinity;
    let paidBy: "customer" | "merchant" | undefined;
    const basis: Basis[] = [];
    for (const e of allowed) {
      // A basis without a window keeps the remedy open with no deadline.
      const d = deadlineOf(e.params.window);
      latest = d === undefined ? Infinity : Math.max(latest, d);
      const payer = e.params.returnShippingPaidBy;
      if (payer === "merchant" || (payer === "customer" && paidBy === undefined)) paidBy = payer;
      basis.push(basisOf(e));
    }
    // Keys in one order whatever is present: allowed, deadline, basis, returnShippingPaidBy, deniedBecause.
    const deadline = Number.isFinite(latest) ? formatInZone(new Date(latest), z) : undefined;
    if (deadline !== undefined) {
      return paidBy === undefined
        ? { allowed: true, deadline, basis, deniedBecause: NONE }
        : { allowed: true, deadline, basis, returnShippingPaidBy: paidBy, deniedBecause: NONE };
    }
    return paidBy === undefined ? { allowed: true, basis, deniedBecause: NONE } : { allowed: true, basis, returnShippingPaidBy: paidBy, deniedBecause: NONE };
  }

  function deadlineOf(window: RemedyWindowT | undefined): number | undefined {
    if (window === undefined || context.deliveredAt === undefined) return undefined;
    if ("days" in window) {
      const extra = window.extendOverRestDays === true ? context.restDayExtension(window.days) : 0;
      return dayWindowDeadline(context.deliveredAt, window.days + extra, z).getTime();
    }
    if ("months" in window) return monthWindowDeadline(context.deliveredAt, window.months, z).getTime();
    return context.warrantyDeadline?.getTime();
  }
}

// No rule spoke about the remedy: the same frozen verdict every time.
const NONE: readonly never[] = Object.freeze([]);
const NOTHING_FIRED: Verdict = Object.freeze({ allowed: false, basis: NONE, deniedBecause: NONE });

interface Bucket {
  readonly allowing: Allowed[];
  readonly against: Denial[];
  readonly undetermined: ReviewReason[];
}
