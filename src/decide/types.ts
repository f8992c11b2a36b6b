import type { Amount } from "../money.js";
import type { ConditionTrace } from "../engine/evaluation.js";
import type { MessageT, RemedyT } from "../policy/format/eventSchemas.js";

/** Text in both languages. */
export type Message = MessageT;
export type Remedy = RemedyT;

/** Which rule of which layer produced a verdict, an amount or a tier. */
export interface Source {
  readonly layer: string;
  readonly ruleSet: string;
  readonly rule: string;
}

export interface Basis extends Source {
  readonly citation: Message;
}

export interface Denial extends Partial<Source> {
  readonly code: string;
  readonly message: Message;
  readonly citation?: Message;
  /** The input path whose absence prevented a verdict. */
  readonly missing?: string;
}

export interface Verdict {
  readonly allowed: boolean;
  /** The first instant the remedy is no longer open (e.g. day 8 00:00), with the zone's offset. */
  readonly deadline?: string;
  readonly basis: readonly Basis[];
  readonly returnShippingPaidBy?: "customer" | "merchant";
  readonly deniedBecause: readonly Denial[];
}

export interface ReviewReason extends Source {
  readonly stage: string;
  readonly code: string;
  readonly message: Message;
  readonly missing?: string;
}

export interface SlaDecision {
  readonly tier: 1 | 2 | 3;
  readonly firstResponseDue: string;
  readonly solutionDue: string;
  readonly followUps: readonly ({ readonly kind: string; readonly due: string; readonly message: Message } & Source)[];
  readonly because: readonly ({ readonly tier: 1 | 2 | 3; readonly message: Message } & Source)[];
}

export interface EligibilityDecision {
  readonly return: Verdict;
  readonly exchange: Verdict;
  readonly repair: Verdict;
  readonly refundOnly: Verdict;
  readonly reship: Verdict;
  readonly manualReview: { readonly required: boolean; readonly reasons: readonly ReviewReason[] };
}

export interface CompensationItem extends Source {
  readonly kind: "coupon" | "partial_refund" | "refund" | "voucher" | "shipping" | "points" | "gift";
  readonly amount: Amount;
  readonly label: Message;
  /** Cash items split over the requested items; the shares sum exactly to `amount`. */
  readonly allocation?: readonly { readonly sku: string; readonly amount: Amount }[];
}

export interface CompensationOption {
  readonly id: string;
  readonly label: Message;
  readonly items: readonly CompensationItem[];
  readonly total: Amount;
  /** Of `total`, what is paid in cash (refund, partial refund, shipping): never above the paid amount. */
  readonly cash: Amount;
}

export interface CapApplied {
  readonly option: string;
  readonly kind: string;
  readonly cap: "rule_cap" | "cash_not_above_paid_amount";
  readonly before: Amount;
  readonly after: Amount;
}

export interface CompensationDecision {
  readonly options: readonly CompensationOption[];
  readonly capsApplied: readonly CapApplied[];
}

/** What a rule does when it fires: its event type and the remedy or option it is about. */
export interface Effect {
  readonly type: string;
  readonly remedy?: string;
  readonly option?: string;
}

export interface TraceEntry extends Source {
  readonly stage: string;
  readonly fired: boolean;
  readonly effect: Effect;
  readonly conditions: ConditionTrace;
}

export interface Decision {
  readonly caseId: string;
  readonly policy: { readonly id: string; readonly version: string; readonly layers: readonly string[] };
  readonly decidedAt: string;
  readonly timeZone: string;
  readonly sla: SlaDecision;
  readonly eligibility: EligibilityDecision;
  readonly compensation: CompensationDecision;
  /** Every rule evaluated, fired or not, with the fact values it read (empty with `trace: false`). */
  readonly trace: readonly TraceEntry[];
}
