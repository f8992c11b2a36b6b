import { formatInZone, plusHours, plusMinutes, type Zone } from "../time.js";
import type { EventParams } from "./eventSchemas.js";
import { eventsOfType, sourceOf, type StageEvent } from "./stageEvents.js";
import type { SlaDecision } from "./types.js";

/**
 * The SLA tier is the most urgent tier any rule gave (1 beats 2 beats 3); its solution
 * time applies, and the first response is due by the shortest promise among them, and
 * never after the solution.
 * With no tier rule fired the case is a consultation (tier 3, 24 h) — a policy without a
 * catch-all rule still gets a due time, never none.
 */
export function interpretSla(events: readonly StageEvent[], reportedAt: Date, z: Zone): SlaDecision {
  const tiers = eventsOfType<EventParams<"sla.tier">>(events, "sla.tier");
  const tier = tiers.reduce<1 | 2 | 3>((t, e) => (e.params.tier < t ? e.params.tier : t), 3);
  const atTier = tiers.filter((e) => e.params.tier === tier);
  const solutionHours = atTier.length > 0 ? Math.min(...atTier.map((e) => e.params.solutionWithinHours)) : 24;
  // A solution direction is itself a response, so the first response is never due later.
  const firstResponseHours = Math.min(solutionHours, ...tiers.map((e) => e.params.firstResponseWithinHours));
  const followUps = eventsOfType<EventParams<"sla.followUp">>(events, "sla.followUp").map((e) => ({
    kind: e.params.kind,
    due: formatInZone(plusMinutes(reportedAt, e.params.afterMinutes), z),
    message: e.params.message,
    ...sourceOf(e),
  }));
  return {
    tier,
    firstResponseDue: formatInZone(plusHours(reportedAt, firstResponseHours), z),
    solutionDue: formatInZone(plusHours(reportedAt, solutionHours), z),
    followUps,
    because: [...tiers]
      .sort((a, b) => a.params.tier - b.params.tier)
      .map((e) => ({ tier: e.params.tier, message: e.params.because, ...sourceOf(e) })),
  };
}
