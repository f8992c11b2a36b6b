import type { CaseContext } from "../case/deriveFacts.js";
import { dayWindowDeadline, formatInZone, monthWindowDeadline, type Zone } from "../time.js";
import { REMEDIES, type EventParams, type RemedyWindowT } from "./eventSchemas.js";
import { eventsOfType, sourceOf, type StageEvent } from "./stageEvents.js";
import type { Denial, EligibilityDecision, ReviewReason, Verdict } from "./types.js";

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
): Omit<EligibilityDecision, "manualReview"> & { reviewReasons: ReviewReason[] } {
  const allowed = eventsOfType<EventParams<"remedy.allowed">>(events, "remedy.allowed");
  const denied = eventsOfType<EventParams<"remedy.denied">>(events, "remedy.denied");
  const undetermined = eventsOfType<EventParams<"remedy.undetermined">>(events, "remedy.undetermined");
  const reviewReasons: ReviewReason[] = [];

  const verdicts = Object.fromEntries(
    REMEDIES.map((remedy): [string, Verdict] => {
      const allowing = allowed.filter((e) => e.params.remedy === remedy);
      if (allowing.length > 0) {
        const deadlines = allowing.map((e) => deadlineOf(e.params.window, context));
        // A basis without a window keeps the remedy open with no deadline.
        const latest = deadlines.some((d) => d === undefined) ? undefined : Math.max(...(deadlines as number[]));
        const payers = allowing.map((e) => e.params.returnShippingPaidBy).filter((p) => p !== undefined);
        const paidBy = payers.includes("merchant") ? "merchant" : payers.includes("customer") ? "customer" : undefined;
        return [
          remedy,
          {
            allowed: true,
            ...(latest === undefined ? {} : { deadline: formatInZone(new Date(latest), z) }),
            basis: allowing.map((e) => ({ ...sourceOf(e), citation: e.params.citation })),
            ...(paidBy === undefined ? {} : { returnShippingPaidBy: paidBy }),
            deniedBecause: [],
          },
        ];
      }
      const deniedBecause: Denial[] = [
        ...denied
          .filter((e) => e.params.remedy === remedy)
          .map((e) => ({
            ...sourceOf(e),
            code: e.params.code,
            message: e.params.message,
            ...(e.params.missing ? { missing: e.params.missing } : {}),
            ...(e.params.citation ? { citation: e.params.citation } : {}),
          })),
        ...undetermined
          .filter((e) => e.params.remedy === remedy)
          .map((e) => ({ ...sourceOf(e), code: e.params.code, message: e.params.message, missing: e.params.missing, ...(e.params.citation ? { citation: e.params.citation } : {}) })),
      ];
      // Missing input the law needs: not allowed, and a person decides.
      for (const e of undetermined.filter((u) => u.params.remedy === remedy)) {
        reviewReasons.push({ stage: "eligibility", code: e.params.code, message: e.params.message, missing: e.params.missing, ...sourceOf(e) });
      }
      return [remedy, { allowed: false, basis: [], deniedBecause }];
    }),
  ) as Record<(typeof REMEDIES)[number], Verdict>;

  for (const e of eventsOfType<EventParams<"review.required">>(events, "review.required")) {
    reviewReasons.push({ stage: "eligibility", code: e.params.code, message: e.params.message, ...(e.params.missing ? { missing: e.params.missing } : {}), ...sourceOf(e) });
  }
  return { ...verdicts, reviewReasons };

  function deadlineOf(window: RemedyWindowT | undefined, ctx: CaseContext): number | undefined {
    if (window === undefined || ctx.deliveredAt === undefined) return undefined;
    if ("days" in window) return dayWindowDeadline(ctx.deliveredAt, window.days, z).getTime();
    if ("months" in window) return monthWindowDeadline(ctx.deliveredAt, window.months, z).getTime();
    return ctx.warrantyDeadline?.getTime();
  }
}
