import { issue, type RawIssue } from "../../_lib/issues.js";
import type { CaseSlaT } from "../../case/caseSchema.js";
import { countedTimeBetween, dueAfterPauses, formatInZone, parseInstant, zoneDay, type Pause, type WorkingHours, type Zone } from "../../time/index.js";
import type { EventParams, SlaClockT } from "../../policy/format/eventSchemas.js";
import type { Calendar } from "../../policy/format/businessCalendar.js";
import { perEvent, sourceOf, type StageEvent } from "../stageEvents.js";
import type { SlaDecision, SlaFollowUp, SlaStatus, SlaTargetStatus } from "../types.js";

type TierEvent = StageEvent & { params: EventParams<"sla.tier"> };

const becauseOf = perEvent((e) => ({ tier: (e.params as EventParams<"sla.tier">).tier, message: (e.params as EventParams<"sla.tier">).because, ...sourceOf(e) }));

/** What the SLA stage reads besides the fired events: the clock, the calendar, the case's SLA history. */
export interface SlaClockContext {
  /** The decision instant (the injected clock): statuses are as of now. */
  readonly now: Date;
  readonly calendar?: Calendar | undefined;
  readonly caseSla?: CaseSlaT | undefined;
  /** Zone-days the calendar was read for, widened here (the decision reports missing years). */
  readonly consulted?: { first: number; last: number } | undefined;
}

/** One candidate due time of a target: its length, clock, pausing and at-risk threshold. */
interface Target {
  readonly due: number;
  readonly clock: SlaClockT;
  readonly pausable: boolean;
  readonly atRiskMinutesLeft: number | undefined;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The SLA tier is the most urgent tier any rule gave (1 beats 2 beats 3); its solution
 * time applies, and the first response is due by the earliest promise among them, and
 * never after the solution.
 * With no tier rule fired the case is a consultation (tier 3, 24 h) — a policy without a
 * catch-all rule still gets a due time, never none.
 *
 * Each target counts on its own clock (policy data): every minute, or the calendar's working
 * hours; the case's pauses stop a pausable target's clock, so its due time moves on by the
 * paused time that clock would have counted. Statuses are as of the decision instant.
 */
export function interpretSla(events: readonly StageEvent[], reportedAt: Date, z: Zone, context: SlaClockContext): SlaDecision {
  const start = reportedAt.getTime();
  const pauses = pausesOf(context.caseSla);
  const hours = context.calendar?.hours;
  const tiers: TierEvent[] = [];
  const followUpEvents: StageEvent[] = [];
  let tier: 1 | 2 | 3 = 3;
  for (const e of events) {
    if (e.type === "sla.tier") {
      const t = e as TierEvent;
      tiers.push(t);
      if (t.params.tier < tier) tier = t.params.tier;
    } else if (e.type === "sla.followUp") followUpEvents.push(e);
  }
  // The earliest due among the candidates; a solution direction is itself a response.
  let solution: Target | undefined;
  for (const e of tiers) {
    if (e.params.tier !== tier) continue;
    const p = e.params;
    solution = earlier(solution, targetOf(start, p.solutionWithinHours * HOUR, p.solutionClock, p, pauses, hours, z));
  }
  solution ??= targetOf(start, 24 * HOUR, undefined, {}, pauses, hours, z);
  let firstResponse = solution;
  for (const e of tiers) {
    const p = e.params;
    firstResponse = earlier(firstResponse, targetOf(start, p.firstResponseWithinHours * HOUR, p.firstResponseClock, p, pauses, hours, z))!;
  }
  const now = context.now.getTime();
  const caseSla = context.caseSla;
  const solvedAt = caseSla?.solutionAt === undefined ? undefined : parseInstant(caseSla.solutionAt);
  const respondedAt = caseSla?.firstResponseAt === undefined ? solvedAt : Math.min(parseInstant(caseSla.firstResponseAt), solvedAt ?? Infinity);
  const followUps: SlaFollowUp[] = [];
  let latest = Math.max(solution.due, firstResponse.due);
  for (const e of followUpEvents) {
    const p = e.params as EventParams<"sla.followUp">;
    const target = targetOf(start, p.afterMinutes * MINUTE, p.clock, p, pauses, hours, z);
    latest = Math.max(latest, target.due);
    followUps.push({ kind: p.kind, due: formatInZone(new Date(target.due), z), message: p.message, ...statusOf(target, undefined, now, pauses, hours, z), layer: e.layer, ruleSet: e.ruleSet, rule: e.rule });
  }
  const consulted = context.consulted;
  if (consulted !== undefined && (solution.clock === "business" || firstResponse.clock === "business" || followUps.some((f) => f.clock === "business"))) {
    consulted.first = Math.min(consulted.first, zoneDay(start, z));
    consulted.last = Math.max(consulted.last, zoneDay(Math.max(latest, now), z));
  }
  return {
    tier,
    firstResponseDue: formatInZone(new Date(firstResponse.due), z),
    solutionDue: formatInZone(new Date(solution.due), z),
    status: { firstResponse: statusOf(firstResponse, respondedAt, now, pauses, hours, z), solution: statusOf(solution, solvedAt, now, pauses, hours, z) },
    followUps,
    because: (tiers.length > 1 ? tiers.sort((a, b) => a.params.tier - b.params.tier) : tiers).map(becauseOf),
  };
}

function targetOf(
  start: number,
  length: number,
  clock: SlaClockT | undefined,
  p: { readonly pausable?: boolean | undefined; readonly atRiskMinutesLeft?: number | undefined },
  pauses: readonly Pause[],
  hours: WorkingHours | undefined,
  z: Zone,
): Target {
  const business = clock === "business";
  const pausable = p.pausable !== false;
  // A business clock without a calendar is refused when the policy loads (calendar_required).
  const due = !pausable || pauses.length === 0 ? (business ? dueAfterPauses(start, length, NO_PAUSES, hours, z) : start + length) : dueAfterPauses(start, length, pauses, business ? hours : undefined, z);
  return { due, clock: business ? "business" : "calendar", pausable, atRiskMinutesLeft: p.atRiskMinutesLeft };
}

/** The earlier target; the first one on a tie (event order). */
function earlier(a: Target | undefined, b: Target): Target {
  return a === undefined || b.due < a.due ? b : a;
}

function statusOf(target: Target, doneAt: number | undefined, now: number, pauses: readonly Pause[], hours: WorkingHours | undefined, z: Zone): SlaTargetStatus {
  const from = doneAt ?? now;
  const left = countedTimeBetween(from, target.due, target.pausable ? pauses : NO_PAUSES, target.clock === "business" ? hours : undefined, z);
  let status: SlaStatus;
  if (doneAt !== undefined) status = doneAt <= target.due ? "met" : "breached";
  else if (now >= target.due) status = "breached";
  else status = target.atRiskMinutesLeft !== undefined && left <= target.atRiskMinutesLeft * MINUTE ? "at_risk" : "on_track";
  return { clock: target.clock, status, minutesLeft: Math.floor(left / MINUTE) };
}

/** The case's pauses as instants (checked: in order, apart, within reportedAt – now). */
function pausesOf(caseSla: CaseSlaT | undefined): readonly Pause[] {
  const pauses = caseSla?.pauses;
  if (pauses === undefined || pauses.length === 0) return NO_PAUSES;
  return pauses.map((p) => ({ from: parseInstant(p.from), to: parseInstant(p.to) }));
}

/**
 * What the case says happened after the decision instant: a pause ending later, a target
 * met later. The case schema cannot know the clock, so deciding checks it; a pause still
 * going on is written as ending at the decision instant.
 */
export function slaHistoryAfter(caseSla: CaseSlaT, now: Date): RawIssue[] {
  const issues: RawIssue[] = [];
  const at = now.getTime();
  caseSla.pauses?.forEach((p, i) => {
    if (parseInstant(p.to) > at) issues.push(issue("inconsistent_case", ["sla", "pauses", i, "to"], { rule: "after_decision_instant", field: "pause" }));
  });
  for (const key of ["firstResponseAt", "solutionAt"] as const) {
    const t = caseSla[key];
    if (t !== undefined && parseInstant(t) > at) issues.push(issue("inconsistent_case", ["sla", key], { rule: "after_decision_instant", field: key }));
  }
  return issues;
}

const NO_PAUSES: readonly Pause[] = Object.freeze([]);
