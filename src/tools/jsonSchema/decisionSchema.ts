import { z } from "zod";
import { COMPENSATION_KINDS, Message, Remedy } from "../../policy/format/eventSchemas.js";

/*
 * The decision's shape as a zod schema, for one purpose: the JSON Schema of a fixture's
 * `expect` (a partial decision), so an editor completes it. The decision's types are written
 * in src/decide/types.ts; a test checks that every Decision satisfies this schema (by type)
 * and that every bundled fixture's actual decision validates against the generated schema,
 * so the two cannot drift apart unnoticed.
 */

const Instant = z.string().describe("ISO-8601 with the policy zone's offset");
const Amount = z.strictObject({ amount: z.number().int().describe("fen"), currency: z.literal("CNY") }).meta({ id: "Amount" });
const source = { layer: z.string(), ruleSet: z.string(), rule: z.string() };

const Reason = z
  .strictObject({ ...partialShape(source), code: z.string(), message: Message, citation: Message.optional(), missing: z.string().optional() })
  .meta({ id: "Reason" });

const Basis = z
  .strictObject({ ...source, citation: Message, promise: z.enum(["free_return_shipping", "return_shipping_insurance", "lifetime_repair"]).optional() })
  .meta({ id: "Basis" });

const Verdict = z
  .strictObject({
    status: z.enum(["allowed", "denied", "undetermined"]),
    deadline: Instant.optional(),
    basis: z.array(Basis),
    returnShippingPaidBy: z.enum(["customer", "merchant", "insurance"]).optional(),
    returnShippingUpTo: Amount.optional(),
    reasons: z.array(Reason),
  })
  .meta({ id: "Verdict" });

const DecisionLine = z
  .strictObject({
    line: z.string(),
    sku: z.string(),
    category: z.string(),
    units: z.number().int(),
    ofUnits: z.number().int(),
    remedyWanted: Remedy.nullable(),
    paid: z.strictObject({ amount: z.number().int(), currency: z.literal("CNY"), allocated: z.boolean() }),
    refund: Amount,
    parcel: z.string().optional(),
    deliveredAt: Instant.optional(),
    unknownCategory: z.strictObject({ path: z.string(), message: Message }).optional(),
    refundDue: z.strictObject({ receivedAt: Instant, due: Instant, overdue: z.boolean(), basis: z.strictObject({ ...source, citation: Message }) }).optional(),
    eligibility: z.strictObject({ return: Verdict, exchange: Verdict, repair: Verdict, refundOnly: Verdict, reship: Verdict }),
  })
  .meta({ id: "DecisionLine" });

const RemedyRollUp = z.strictObject({ open: z.enum(["all", "some", "none"]), lines: z.array(z.string()), undetermined: z.array(z.string()) }).meta({ id: "RemedyRollUp" });

const targetStatus = { clock: z.enum(["business", "calendar"]), status: z.enum(["met", "on_track", "at_risk", "breached"]), minutesLeft: z.number().int() };
const Tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const CompensationItem = z
  .strictObject({
    ...source,
    kind: z.enum(COMPENSATION_KINDS),
    amount: Amount,
    label: Message,
    allocation: z.array(z.strictObject({ line: z.string(), amount: Amount })).optional(),
  })
  .meta({ id: "CompensationItem" });

export const DecisionSchema = z
  .strictObject({
    caseId: z.string(),
    policy: z.strictObject({ id: z.string(), version: z.string(), layers: z.array(z.string()), ruleSets: z.array(z.string()), notInForce: z.array(z.string()) }),
    decidedAt: Instant,
    timeZone: z.string(),
    calendar: z.strictObject({ id: z.string(), version: z.string(), yearsMissing: z.array(z.number().int()) }).optional(),
    sla: z.strictObject({
      tier: Tier,
      firstResponseDue: Instant,
      solutionDue: Instant,
      status: z.strictObject({ firstResponse: z.strictObject(targetStatus), solution: z.strictObject(targetStatus) }),
      followUps: z.array(z.strictObject({ ...source, ...targetStatus, kind: z.string(), due: Instant, message: Message })),
      because: z.array(z.strictObject({ ...source, tier: Tier, message: Message })),
    }),
    lines: z.array(DecisionLine),
    eligibility: z.strictObject({
      return: RemedyRollUp,
      exchange: RemedyRollUp,
      repair: RemedyRollUp,
      refundOnly: RemedyRollUp,
      reship: RemedyRollUp,
      manualReview: z.strictObject({
        required: z.boolean(),
        reasons: z.array(z.strictObject({ ...partialShape(source), stage: z.string(), line: z.string().optional(), code: z.string(), message: Message, missing: z.string().optional() })),
      }),
    }),
    compensation: z.strictObject({
      options: z.array(z.strictObject({ id: z.string(), label: Message, items: z.array(CompensationItem), total: Amount, cash: Amount })),
      capsApplied: z.array(
        z.strictObject({ option: z.string(), kind: z.string(), cap: z.enum(["rule_cap", "option_cap", "cash_not_above_paid_amount"]), before: Amount, after: Amount }),
      ),
    }),
    // The trace is the engine's record (conditions nest arbitrarily): fixtures assert verdicts, not traces.
    trace: z.array(z.unknown()),
  })
  .meta({ id: "Decision" });

function partialShape<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof S]: z.ZodOptional<S[K]> };
}
