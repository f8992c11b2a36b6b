import type { Case } from "../case/caseSchema.js";
import type { Policy, StageRuleSet } from "../policy/policy.js";
import type { Facts } from "../engine/evaluation.js";
import type { RuleSetKindT } from "../engine/ruleSetSchema.js";
import { formatInZone, parseInstant, zoneDay, type Zone } from "../time/index.js";
import { amountOf } from "../money.js";
import { deriveCaseFacts, deriveLineFacts, type CaseFacts } from "./deriveFacts.js";
import { requestedLines, type RequestedLine } from "./requestedLines.js";
import { ruleSetsInForce } from "./ruleSetsInForce.js";
import { caseAttributeIssues } from "./caseAttributes.js";
import { interpretCompensation, type AmountBasis, type CompensationBases } from "./stages/compensation.js";
import { interpretLineEligibility, rollUpEligibility, unidentifiedUnits } from "./stages/eligibility.js";
import { interpretSla, slaHistoryAfter } from "./stages/sla.js";
import { CaseValidationError } from "./errors.js";
import type { StageOutcome } from "./stageEvents.js";
import type { Decision, DecisionLine, LineEligibility, RefundDue, ReviewReason, TraceEntry, UnknownCategory } from "./types.js";
import { unknownCategoryOf } from "./unknownCategory.js";
import { refundDueOf, refundOverdue } from "./refundDue.js";
import { windowEnds, type WindowEnds } from "./windowEnds.js";
import { builtWhenRead } from "../_lib/builtWhenRead.js";

/** A request from the pipeline to evaluate one stage's rule sets (all layers) on `facts`. */
export interface StageRequest {
  readonly kind: RuleSetKindT;
  readonly facts: Facts;
  /** The stage's rule sets in force for this case, in layer order. */
  readonly ruleSets: readonly StageRuleSet[];
}

/**
 * The flow, one direction: case → requested lines → facts → sla (once per case) →
 * eligibility (once per requested line) → compensation (once per case, reading the lines'
 * verdicts rolled up) → decision. Written as a generator so one pipeline serves both
 * evaluators: the compiled one drives it synchronously, json-rules-engine's `Engine` (the
 * reference) asynchronously.
 */
export function* decisionSteps(c: Case, policy: Policy, z: Zone, decidedAt: Date, traced = true): Generator<StageRequest, Decision, StageOutcome> {
  const reportedAt = new Date(parseInstant(c.reportedAt));
  const lines = requestedLines(c);
  const attributeIssues = caseAttributeIssues(c, policy.attributes);
  if (attributeIssues.length > 0) throw new CaseValidationError(attributeIssues);
  const facts = deriveCaseFacts(c, lines, reportedAt, z, policy.attributes);
  // Effective dates are civil dates in the policy's zone: the order's and the request's select.
  const placedDay = zoneDay(parseInstant(c.order.placedAt), z);
  const reportedDay = zoneDay(reportedAt.getTime(), z);
  const inForce = ruleSetsInForce(policy, placedDay, reportedDay);

  if (c.sla !== undefined) {
    const late = slaHistoryAfter(c.sla, decidedAt);
    if (late.length > 0) throw new CaseValidationError(late);
  }
  // With a calendar, the zone-days it is read for (SLA business time, rest days of windows).
  const consulted = policy.calendar === undefined ? undefined : { first: Infinity, last: -Infinity };
  const factData = consulted !== undefined && policy.isRestDay !== undefined ? { sanbao: policy.sanbao, attributes: policy.attributes, isRestDay: noting(policy.isRestDay, consulted) } : policy;

  const slaOutcome = yield { kind: "sla", facts, ruleSets: inForce.stages.sla };
  const sla = interpretSla(slaOutcome.events, reportedAt, z, { now: decidedAt, calendar: policy.calendar, caseSla: c.sla, consulted });

  const decisionLines: DecisionLine[] = [];
  const lineOutcomes: StageOutcome[] = [];
  // Lines signed for together share their windows' ends: each computed once per decision.
  const ends = windowEnds(z, factData.isRestDay);
  let reviewReasons: ReviewReason[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    let judged: ReturnType<typeof interpretLineEligibility>;
    if (line.deliveryAmbiguous) {
      // Which units are meant is unknown: no rule runs for this line (in either evaluator).
      lineOutcomes.push(NOT_RUN);
      judged = unidentifiedUnits(line);
    } else {
      const { facts: lineFacts, context } = deriveLineFacts(facts, line, reportedAt, z, factData);
      const outcome = yield { kind: "eligibility", facts: lineFacts, ruleSets: inForce.stages.eligibility };
      lineOutcomes.push(outcome);
      judged = interpretLineEligibility(outcome.events, context, ends);
    }
    const { verdicts, reviewReasons: lineReview } = judged;
    if (lineReview.length > 0) reviewReasons = reviewReasons.length === 0 ? lineReview : [...reviewReasons, ...lineReview];
    const refundDue = refundDueOf(line, judged, decidedAt, z);
    if (refundDue?.overdue === true) reviewReasons = [...reviewReasons, refundOverdue(line, refundDue)];
    decisionLines.push(decisionLineOf(line, verdicts, ends, refundDue, unknownCategoryOf(line, policy.sanbao)));
  }
  const eligibility = rollUpEligibility(decisionLines);

  // Compensation reads eligibility's roll-up as facts (open for some requested line, and
  // priced over exactly those lines); nothing reads a later stage. A copy with them filled in
  // (same keys, same order): the SLA stage's facts stay as it read them, for its trace.
  const compensationFacts: CaseFacts = {
    ...facts,
    returnAllowed: eligibility.return.open !== "none",
    exchangeAllowed: eligibility.exchange.open !== "none",
    repairAllowed: eligibility.repair.open !== "none",
    refundOnlyAllowed: eligibility.refundOnly.open !== "none",
    reshipAllowed: eligibility.reship.open !== "none",
    manualReviewRequired: reviewReasons.length > 0,
  };
  const compensationOutcome = yield { kind: "compensation", facts: compensationFacts, ruleSets: inForce.stages.compensation };
  const { compensation, reviewReasons: compensationReview } = interpretCompensation(
    compensationOutcome.events,
    compensationBases(c, lines, decisionLines, () => reportedDay - placedDay),
    lines,
  );

  const reasons = compensationReview.length === 0 ? reviewReasons : [...reviewReasons, ...compensationReview];
  const calendar = policy.calendar;
  const calendarUse =
    calendar !== undefined && consulted !== undefined
      ? { id: calendar.id, version: calendar.version, yearsMissing: consulted.first <= consulted.last ? calendar.yearsMissing(consulted.first, consulted.last) : [] }
      : undefined;
  const caseId = c.caseId;
  const ref = inForce.ref;
  const decidedAtText = formatInZone(decidedAt, z);
  const timeZone = z.name;
  const eligibilityOut = {
    return: eligibility.return,
    exchange: eligibility.exchange,
    repair: eligibility.repair,
    refundOnly: eligibility.refundOnly,
    reship: eligibility.reship,
    manualReview: { required: reasons.length > 0, reasons },
  };
  // Literals with keys in one order and no spreads or accessors: an accessor (or a spread)
  // in a literal this size costs V8 several microseconds.
  if (!traced) {
    return calendarUse === undefined
      ? { caseId, policy: ref, decidedAt: decidedAtText, timeZone, sla, lines: decisionLines, eligibility: eligibilityOut, compensation, trace: NO_TRACE_ENTRIES }
      : { caseId, policy: ref, decidedAt: decidedAtText, timeZone, calendar: calendarUse, sla, lines: decisionLines, eligibility: eligibilityOut, compensation, trace: NO_TRACE_ENTRIES };
  }
  const decision: Omit<Decision, "trace"> =
    calendarUse === undefined
      ? { caseId, policy: ref, decidedAt: decidedAtText, timeZone, sla, lines: decisionLines, eligibility: eligibilityOut, compensation }
      : { caseId, policy: ref, decidedAt: decidedAtText, timeZone, calendar: calendarUse, sla, lines: decisionLines, eligibility: eligibilityOut, compensation };
  // The trace is built when it is first read (JSON.stringify reads it as any property),
  // from the stages' outcomes (each records its rule sets then, or did while deciding: see
  // runStage.ts); it is the last key, as it always was.
  return traceWhenRead(decision, { sla: slaOutcome, lines, eligibility: lineOutcomes, compensation: compensationOutcome });
}

interface Recorded {
  readonly sla: StageOutcome;
  readonly lines: readonly RequestedLine[];
  readonly eligibility: readonly StageOutcome[];
  readonly compensation: StageOutcome;
}

const traceWhenRead = builtWhenRead("trace", (r: Recorded): TraceEntry[] => traceOf(r.sla, r.lines, r.eligibility, r.compensation));

/** The trace of a decision made with the trace off: none, shared (decisions are read-only). */
const NO_TRACE_ENTRIES: readonly TraceEntry[] = Object.freeze([]);

/** The amounts compensation prices from, each computed once and only when a rule asks for it. */
function compensationBases(c: Case, lines: readonly RequestedLine[], decided: readonly DecisionLine[], daysSinceOrder: () => number): CompensationBases {
  const perLineCache = new Map<AmountBasis, readonly number[]>();
  const remedyOf = { returnAmount: "return", exchangeAmount: "exchange", refundOnlyAmount: "refundOnly" } as const;
  const perLine = (basis: AmountBasis): readonly number[] => {
    let fen = perLineCache.get(basis);
    if (fen === undefined) {
      // A remedy's amount is the requested units of the lines it is allowed for; the others are all requested units.
      const remedy = Object.hasOwn(remedyOf, basis) ? remedyOf[basis as keyof typeof remedyOf] : undefined;
      fen = lines.map((l, k) => (remedy === undefined || decided[k]!.eligibility[remedy].status === "allowed" ? l.refund : 0));
      perLineCache.set(basis, fen);
    }
    return fen;
  };
  return {
    amount(basis) {
      if (basis === "paidAmount") return c.order.paidAmount;
      if (basis === "shippingFee") return c.order.shippingFee ?? 0;
      let total = 0;
      for (const fen of perLine(basis)) total += fen;
      return total;
    },
    perLine,
    daysSinceOrder,
  };
}

function decisionLineOf(line: RequestedLine, eligibility: LineEligibility, ends: WindowEnds, refundDue: RefundDue | undefined, unknownCategory: UnknownCategory | undefined): DecisionLine {
  const item = line.item;
  const paid = { amount: line.linePaid, currency: "CNY" as const, allocated: line.linePaidAllocated };
  const refund = amountOf(line.refund);
  const deliveredAt = line.deliveredAt === undefined ? undefined : ends.text(line.deliveredAt.getTime());
  // Literals with keys in one order whatever is present (no spreads: this runs per line).
  const { id, units, remedyWanted, parcelId: parcel } = line;
  const { sku, category, quantity: ofUnits } = item;
  if (refundDue !== undefined || unknownCategory !== undefined) {
    // Rare (a return already received, a category the table lacks): the optional keys in the usual order.
    return {
      line: id, sku, category, units, ofUnits, remedyWanted, paid, refund,
      ...(parcel !== undefined ? { parcel } : {}),
      ...(deliveredAt !== undefined ? { deliveredAt } : {}),
      ...(unknownCategory !== undefined ? { unknownCategory } : {}),
      ...(refundDue !== undefined ? { refundDue } : {}),
      eligibility,
    };
  }
  if (parcel !== undefined && deliveredAt !== undefined) return { line: id, sku, category, units, ofUnits, remedyWanted, paid, refund, parcel, deliveredAt, eligibility };
  if (parcel !== undefined) return { line: id, sku, category, units, ofUnits, remedyWanted, paid, refund, parcel, eligibility };
  if (deliveredAt !== undefined) return { line: id, sku, category, units, ofUnits, remedyWanted, paid, refund, deliveredAt, eligibility };
  return { line: id, sku, category, units, ofUnits, remedyWanted, paid, refund, eligibility };
}

function traceOf(sla: StageOutcome, lines: readonly RequestedLine[], eligibility: readonly StageOutcome[], compensation: StageOutcome): TraceEntry[] {
  const trace: TraceEntry[] = [];
  for (const t of sla.trace()) trace.push({ stage: "sla", ...t });
  for (let i = 0; i < lines.length; i++) for (const t of eligibility[i]!.trace()) trace.push({ stage: "eligibility", line: lines[i]!.id, ...t });
  for (const t of compensation.trace()) trace.push({ stage: "compensation", ...t });
  return trace;
}

/** A rest-day predicate that notes which zone-days it was asked about. */
function noting(isRestDay: (day: number) => boolean, consulted: { first: number; last: number }): (day: number) => boolean {
  return (day) => {
    if (day < consulted.first) consulted.first = day;
    if (day > consulted.last) consulted.last = day;
    return isRestDay(day);
  };
}

const NO_TRACE = Object.freeze([]);
const NOT_RUN: StageOutcome = Object.freeze({ events: Object.freeze([]), trace: () => NO_TRACE });
