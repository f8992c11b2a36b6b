import type { Case } from "../case/caseSchema.js";
import { deriveFacts } from "./deriveFacts.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import type { Policy } from "../policy/policy.js";
import type { Facts } from "../engine/evaluation.js";
import type { RuleSetKindT } from "../engine/ruleSetSchema.js";
import { formatInZone, type Zone } from "../time/index.js";
import { interpretCompensation } from "./stages/compensation.js";
import { interpretEligibility } from "./stages/eligibility.js";
import { interpretSla } from "./stages/sla.js";
import type { StageOutcome } from "./stageEvents.js";
import type { Decision, TraceEntry } from "./types.js";

/** A request from the pipeline to evaluate one stage's rule sets (all layers) on `facts`. */
export interface StageRequest {
  readonly kind: RuleSetKindT;
  readonly facts: Facts;
}

/**
 * The flow, one direction: case → facts → sla → eligibility → compensation → decision.
 * Written as a generator so one pipeline serves both evaluators: the compiled one drives
 * it synchronously, json-rules-engine's `Engine` (the reference) asynchronously.
 */
export function* decisionSteps(c: Case, policy: Policy, z: Zone, decidedAt: Date): Generator<StageRequest, Decision, StageOutcome> {
  const { facts, context } = deriveFacts(c, z, policy);

  const slaOutcome = yield { kind: "sla", facts };
  const sla = interpretSla(slaOutcome.events, context.reportedAt, z);

  const eligibilityOutcome = yield { kind: "eligibility", facts };
  const { verdicts, reviewReasons: eligibilityReview } = interpretEligibility(eligibilityOutcome.events, context, z);

  // Compensation reads eligibility's verdicts as facts; nothing reads a later stage.
  facts.returnAllowed = verdicts.return.allowed;
  facts.exchangeAllowed = verdicts.exchange.allowed;
  facts.repairAllowed = verdicts.repair.allowed;
  facts.refundOnlyAllowed = verdicts.refundOnly.allowed;
  facts.reshipAllowed = verdicts.reship.allowed;
  facts.manualReviewRequired = eligibilityReview.length > 0;
  const compensationOutcome = yield { kind: "compensation", facts };
  const { compensation, reviewReasons: compensationReview } = interpretCompensation(
    compensationOutcome.events,
    { paidAmount: c.order.paidAmount, requestedAmount: facts.requestedAmount as number, shippingFee: facts.shippingFee as number },
    context,
  );

  const reasons = compensationReview.length === 0 ? eligibilityReview : [...eligibilityReview, ...compensationReview];
  return {
    caseId: c.caseId,
    policy: policyRef(policy),
    decidedAt: formatInZone(decidedAt, z),
    timeZone: z.name,
    sla,
    eligibility: {
      return: verdicts.return,
      exchange: verdicts.exchange,
      repair: verdicts.repair,
      refundOnly: verdicts.refundOnly,
      reship: verdicts.reship,
      manualReview: { required: reasons.length > 0, reasons },
    },
    compensation,
    trace: traceOf(slaOutcome, eligibilityOutcome, compensationOutcome),
  };
}

function traceOf(sla: StageOutcome, eligibility: StageOutcome, compensation: StageOutcome): TraceEntry[] {
  const trace: TraceEntry[] = [];
  for (const t of sla.trace) trace.push({ stage: "sla", ...t });
  for (const t of eligibility.trace) trace.push({ stage: "eligibility", ...t });
  for (const t of compensation.trace) trace.push({ stage: "compensation", ...t });
  return trace;
}

// A policy is immutable: its reference in decisions is built once and shared, frozen.
const policyRefs = new WeakMap<Policy, Decision["policy"]>();
function policyRef(policy: Policy): Decision["policy"] {
  let ref = policyRefs.get(policy);
  if (ref === undefined) {
    ref = deepFreeze({ id: policy.id, version: policy.version, layers: policy.layers.map((l) => l.name) });
    policyRefs.set(policy, ref);
  }
  return ref;
}
