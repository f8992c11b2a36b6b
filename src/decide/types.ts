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
  /**
   * Present when the basis is a merchant's promise (实施条例 art. 12): `lifetime_repair` opened
   * the remedy; `free_return_shipping` and `return_shipping_insurance` only say who pays return
   * shipping on a remedy other bases opened.
   */
  readonly promise?: "free_return_shipping" | "return_shipping_insurance" | "lifetime_repair";
}

/** Why a remedy is denied or undetermined. */
export interface Reason extends Partial<Source> {
  readonly code: string;
  readonly message: Message;
  readonly citation?: Message;
  /** The input path whose absence (or dispute) prevented a verdict, e.g. `order.parcels[1].deliveredAt`. */
  readonly missing?: string;
}

/**
 * A remedy's verdict for one order line, in three states:
 * - `allowed`: some rule of some layer grants it (the law is a floor, layers only add);
 * - `denied`: no rule grants it, and `reasons` say why (never empty);
 * - `undetermined`: no rule grants it and the law needs an input the case lacks or that is
 *   disputed (`reasons[].missing` names it); a person decides. Never read it as a denial.
 */
export interface Verdict {
  readonly status: "allowed" | "denied" | "undetermined";
  /** The first instant the remedy is no longer open (e.g. day 8 00:00), with the zone's offset. */
  readonly deadline?: string;
  readonly basis: readonly Basis[];
  /**
   * Who pays return shipping on an allowed remedy, when a rule says: the merchant (a rule or a
   * free-return-shipping promise), the return-shipping insurance (运费险, up to
   * `returnShippingUpTo`), or the customer.
   */
  readonly returnShippingPaidBy?: "customer" | "merchant" | "insurance";
  /** With `returnShippingPaidBy: "insurance"`: the most the insurance pays. */
  readonly returnShippingUpTo?: Amount;
  /** Why it is denied or undetermined; empty when allowed. */
  readonly reasons: readonly Reason[];
}

/** One remedy's verdicts for one requested line. */
export interface LineEligibility {
  readonly return: Verdict;
  readonly exchange: Verdict;
  readonly repair: Verdict;
  readonly refundOnly: Verdict;
  readonly reship: Verdict;
}

/** One order line the request is about, decided on its own. */
export interface DecisionLine {
  /** The order line's id (its lineId, else its sku). */
  readonly line: string;
  readonly sku: string;
  readonly category: string;
  /** Units the request is about, of `ofUnits` on the line. */
  readonly units: number;
  readonly ofUnits: number;
  /** The remedy asked for on this line; null for a complaint, inquiry or logistics request. */
  readonly remedyWanted: Remedy | null;
  /** Fen paid for the whole line; `allocated` when the library allocated it from the order's paid amount. */
  readonly paid: Amount & { readonly allocated: boolean };
  /** What refunding the requested units returns: their share of the line's paid amount. */
  readonly refund: Amount;
  /** The parcel the units came in, when the order has parcels and it is known. */
  readonly parcel?: string;
  /** 签收 of these units (in the policy's zone), when known: the line's windows run from the next day. */
  readonly deliveredAt?: string;
  /** Present when the policy's category table does not know the line's category (reported, never read as outside the 三包 catalogue). */
  readonly unknownCategory?: UnknownCategory;
  /** When the returned units came back and the refund falls due (an allowed return whose goods the case says came back). */
  readonly refundDue?: RefundDue;
  readonly eligibility: LineEligibility;
}

/** A category the table does not know: where it is in the case, and what to do. */
export interface UnknownCategory {
  readonly path: string;
  readonly message: Message;
}

/** The refund of a returned line: due within N days of receiving the goods back (消保法 art. 25 ¶3). */
export interface RefundDue {
  /** When the merchant received the returned units (from the case), in the policy's zone. */
  readonly receivedAt: string;
  /** The first instant the refund is late (day N + 1 00:00 after the receipt). */
  readonly due: string;
  /** The refund was due before the decision was made (`decidedAt`). */
  readonly overdue: boolean;
  /** The rule that set the period, with its citation. */
  readonly basis: Basis;
}

/** Over the requested lines: is the remedy open for all of them, some (which), or none. */
export interface RemedyRollUp {
  readonly open: "all" | "some" | "none";
  /** Lines where it is allowed. */
  readonly lines: readonly string[];
  /** Lines where it is undetermined (a person decides). */
  readonly undetermined: readonly string[];
}

/** Why a case goes to a person; the rule that said so, unless the case itself is ambiguous. */
export interface ReviewReason extends Partial<Source> {
  readonly stage: string;
  /** The order line it is about; absent for a reason about the whole case. */
  readonly line?: string;
  readonly code: string;
  readonly message: Message;
  readonly missing?: string;
}

/**
 * Where an SLA target stands at the decision instant (the injected clock), or when the case
 * says it was met:
 * - `met`: done by its due time;
 * - `on_track`: not done, more time left than the policy's at-risk threshold;
 * - `at_risk`: not done, at most `atRiskMinutesLeft` minutes left (policy data);
 * - `breached`: not done by its due time, or done after it.
 */
export type SlaStatus = "met" | "on_track" | "at_risk" | "breached";

export interface SlaTargetStatus {
  /** `business`: only the calendar's working hours count; `calendar`: every minute does. */
  readonly clock: "business" | "calendar";
  readonly status: SlaStatus;
  /**
   * Whole minutes on the target's clock (business minutes on the business clock) from the
   * decision instant, or from when it was met, to the due time, less paused time; negative
   * past due.
   */
  readonly minutesLeft: number;
}

export interface SlaFollowUp extends Source, SlaTargetStatus {
  readonly kind: string;
  readonly due: string;
  readonly message: Message;
}

export interface SlaDecision {
  readonly tier: 1 | 2 | 3;
  /** Due times, moved on by the case's pauses where the target may be paused. */
  readonly firstResponseDue: string;
  readonly solutionDue: string;
  /** Each target's clock and standing at the decision instant. */
  readonly status: { readonly firstResponse: SlaTargetStatus; readonly solution: SlaTargetStatus };
  readonly followUps: readonly SlaFollowUp[];
  readonly because: readonly ({ readonly tier: 1 | 2 | 3; readonly message: Message } & Source)[];
}

/**
 * The business calendar a decision read (SLA business time, rest days of windows): its id
 * and version, and the years it was asked about that it does not list, for which the weekly
 * plan (and weekends as rest days) stood in.
 */
export interface CalendarUse {
  readonly id: string;
  readonly version: string;
  readonly yearsMissing: readonly number[];
}

/** The eligibility roll-up over the requested lines (each line's verdicts are in `Decision.lines`). */
export interface EligibilityDecision {
  readonly return: RemedyRollUp;
  readonly exchange: RemedyRollUp;
  readonly repair: RemedyRollUp;
  readonly refundOnly: RemedyRollUp;
  readonly reship: RemedyRollUp;
  readonly manualReview: { readonly required: boolean; readonly reasons: readonly ReviewReason[] };
}

export interface CompensationItem extends Source {
  readonly kind: "coupon" | "partial_refund" | "refund" | "voucher" | "shipping" | "points" | "gift" | "price_difference";
  readonly amount: Amount;
  readonly label: Message;
  /** Cash items split over the requested lines by their refund; the shares sum exactly to `amount`. */
  readonly allocation?: readonly { readonly line: string; readonly amount: Amount }[];
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
  /** The rule's own cap, an option cap (`compensation.cap`), or cash limited to what was paid. */
  readonly cap: "rule_cap" | "option_cap" | "cash_not_above_paid_amount";
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
  /** The requested order line an eligibility rule was evaluated for. */
  readonly line?: string;
  readonly fired: boolean;
  readonly effect: Effect;
  readonly conditions: ConditionTrace;
}

export interface Decision {
  readonly caseId: string;
  readonly policy: {
    readonly id: string;
    readonly version: string;
    readonly layers: readonly string[];
    /** The rule-set versions the case was decided by (`id@version`), by stage, in layer order within a stage. */
    readonly ruleSets: readonly string[];
    /** The policy's other rule-set versions: not in force on the order's date nor (by default) the request's. */
    readonly notInForce: readonly string[];
  };
  readonly decidedAt: string;
  readonly timeZone: string;
  /** The policy's business calendar, when it has one. */
  readonly calendar?: CalendarUse;
  readonly sla: SlaDecision;
  /** The requested order lines, in request order, each with its own verdicts and money. */
  readonly lines: readonly DecisionLine[];
  readonly eligibility: EligibilityDecision;
  readonly compensation: CompensationDecision;
  /** Every rule evaluated, fired or not, with the fact values it read (empty with `trace: false`). */
  readonly trace: readonly TraceEntry[];
}
