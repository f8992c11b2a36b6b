import { formatInZone, plusHours, plusMinutes, type Zone } from "../../time/index.js";
import type { EventParams } from "../../policy/format/eventSchemas.js";
import { perEvent, sourceOf, type StageEvent } from "../stageEvents.js";
import type { SlaDecision } from "../types.js";

const becauseOf = perEvent((e) => ({ tier: (e.params as EventParams<"sla.tier">).tier, message: (e.params as EventParams<"sla.tier">).because, ...sourceOf(e) }));

/**
 * The SLA tier is the most urgent tier any rule gave (1 beats 2 beats 3); its solution
 * time applies, and the first response is due by the shortest promise among them, and
 * never after the solution.
 * With no tier rule fired the case is a consultation (tier 3, 24 h) — a policy without a
 * catch-all rule still gets a due time, never none.
 */
export function interpretSla(events: readonly StageEvent[], reportedAt: Date, z: Zone): SlaDecision {
  // One pass: the most urgent tier, the shortest response promise, the follow-ups.
  const tiers: (StageEvent & { params: EventParams<"sla.tier"> })[] = [];
  const followUps: SlaDecision["followUps"][number][] = [];
  let tier: 1 | 2 | 3 = 3;
  let firstResponseHours = Infinity;
  for (const e of events) {
    if (e.type === "sla.tier") {
      const t = e as StageEvent & { params: EventParams<"sla.tier"> };
      tiers.push(t);
      if (t.params.tier < tier) tier = t.params.tier;
      firstResponseHours = Math.min(firstResponseHours, t.params.firstResponseWithinHours);
    } else if (e.type === "sla.followUp") {
      const p = e.params as EventParams<"sla.followUp">;
      followUps.push({ kind: p.kind, due: formatInZone(plusMinutes(reportedAt, p.afterMinutes), z), message: p.message, layer: e.layer, ruleSet: e.ruleSet, rule: e.rule });
    }
  }
  let solutionHours = Infinity;
  for (const e of tiers) if (e.params.tier === tier) solutionHours = Math.min(solutionHours, e.params.solutionWithinHours);
  if (solutionHours === Infinity) solutionHours = 24;
  // A solution direction is itself a response, so the first response is never due later.
  firstResponseHours = Math.min(firstResponseHours, solutionHours);
  return {
    tier,
    firstResponseDue: formatInZone(plusHours(reportedAt, firstResponseHours), z),
    solutionDue: formatInZone(plusHours(reportedAt, solutionHours), z),
    followUps,
    because: (tiers.length > 1 ? tiers.sort((a, b) => a.params.tier - b.params.tier) : tiers).map(becauseOf),
  };
}
