import type { WindowEnds } from "../windowEnds.js";
import { append } from "../../_lib/append.js";
import { type EventParams, type RemedyT, type RemedyWindowT } from "../../policy/format/eventSchemas.js";
import type { LineContext } from "../deriveFacts.js";
import { perEvent, sourceOf, type StageEvent } from "../stageEvents.js";
import { RETURN_SHIPPING_PROMISES, withReturnShippingPromises } from "./returnShippingPromises.js";
import type { Basis, LineEligibility, Reason, RemedyRollUp, ReviewReason, Verdict } from "../types.js";

type Allowed = StageEvent & { params: EventParams<"remedy.allowed"> };

const reasonOf = perEvent((e): Reason => {
  const p = e.params as EventParams<"remedy.denied">;
  return { ...sourceOf(e), code: p.code, message: p.message, ...(p.missing ? { missing: p.missing } : {}), ...(p.citation ? { citation: p.citation } : {}) };
});
// A lifetime-repair promise is an allowing basis without a window, marked as the promise it is.
const basisOf = perEvent((e): Basis =>
  e.type === "promise.lifetimeRepair"
    ? { ...sourceOf(e), citation: (e.params as EventParams<"promise.lifetimeRepair">).citation, promise: "lifetime_repair" }
    : { ...sourceOf(e), citation: (e.params as EventParams<"remedy.allowed">).citation },
);

/**
 * One requested line's verdicts per remedy. Layers only add: a remedy is allowed when any
 * rule of any layer allows it (the law is a floor, a merchant may be more generous); its
 * deadline is the latest among the allowing rules; the merchant pays return shipping when
 * any allowing basis says so. A remedy no rule allows is undetermined when a rule says the
 * law needs an input the case lacks, else denied, and either way says why.
 *
 * Review: an undetermined remedy the customer asked for on this line, and every
 * `review.required`, go to a person. An undetermined remedy nobody asked for is shown as
 * undetermined (never as denied) without holding up the case.
 *
 * Promises (实施条例 art. 12) only add: lifetime repair is one more allowing basis of repair,
 * without a window; the return-shipping promises say who pays on a return or exchange that
 * is allowed, and open nothing.
 */
export function interpretLineEligibility(events: readonly StageEvent[], context: LineContext, ends: WindowEnds): JudgedLine {
  // First the review requests, in event order; then each remedy's verdict from the events
  // about it (a scan per remedy over the line's few events: no per-remedy lists to build).
  const review: ReviewReason[] = [];
  const line = context.line;
  let shippingPromises: StageEvent[] | undefined;
  for (const e of events) {
    if (RETURN_SHIPPING_PROMISES.has(e.type)) shippingPromises = append(shippingPromises, e);
    else if (e.type === "review.required") {
      const missing = (e.params as EventParams<"review.required">).missing;
      review.push(reviewOf(e, line.id, missing === undefined ? undefined : pathInCase(missing, line)));
    }
  }
  // A literal in REMEDIES order (one shape for every decision; review reasons in that order too).
  const returnVerdict = verdictOf(events, "return", context, ends, review);
  const exchangeVerdict = verdictOf(events, "exchange", context, ends, review);
  const verdicts: LineEligibility = {
    return: shippingPromises === undefined ? returnVerdict : withReturnShippingPromises(returnVerdict, "return", shippingPromises),
    exchange: shippingPromises === undefined ? exchangeVerdict : withReturnShippingPromises(exchangeVerdict, "exchange", shippingPromises),
    repair: verdictOf(events, "repair", context, ends, review),
    refundOnly: verdictOf(events, "refundOnly", context, ends, review),
    reship: verdictOf(events, "reship", context, ends, review),
  };
  const refundWithin = verdicts.return.status === "allowed" ? refundWithinOf(events, context, ends) : undefined;
  return refundWithin === undefined ? { verdicts, reviewReasons: review } : { verdicts, reviewReasons: review, refundWithin };
}

/** Whether an event is about `remedy`, and how. A lifetime-repair promise allows repair (its params have no window, payer or refund period). */
function roleOf(e: StageEvent, remedy: RemedyT): "allowing" | "against" | "undetermined" | undefined {
  const type = e.type;
  if (type === "promise.lifetimeRepair") return remedy === "repair" ? "allowing" : undefined;
  if ((e.params as { remedy?: unknown }).remedy !== remedy) return undefined;
  return type === "remedy.allowed" ? "allowing" : type === "remedy.denied" ? "against" : type === "remedy.undetermined" ? "undetermined" : undefined;
}

/** A line's verdicts, why it goes to review, and when an allowed return's refund falls due. */
export interface JudgedLine {
  readonly verdicts: LineEligibility;
  readonly reviewReasons: ReviewReason[];
  /** The shortest refund period among the open bases of an allowed return that set one. */
  readonly refundWithin?: { readonly days: number; readonly basis: Basis };
}

// The law is a floor: of the open bases that set a refund period, the shortest binds.
function refundWithinOf(events: readonly StageEvent[], context: LineContext, ends: WindowEnds): JudgedLine["refundWithin"] {
  let best: Allowed | undefined;
  for (const event of events) {
    if (roleOf(event, "return") !== "allowing") continue;
    const e = event as Allowed;
    const days = e.params.refundWithinDays;
    if (days === undefined || (best !== undefined && days >= best.params.refundWithinDays!)) continue;
    const d = deadlineOf(e.params.window, context, ends);
    if (d === undefined || d > context.reportedAt.getTime()) best = e;
  }
  return best === undefined ? undefined : { days: best.params.refundWithinDays!, basis: basisOf(best) };
}

// Module-level functions, not closures: this runs once per requested line and remedy.
function verdictOf(events: readonly StageEvent[], remedy: RemedyT, context: LineContext, ends: WindowEnds, review: ReviewReason[]): Verdict {
  const line = context.line;
  // A window that has closed allows nothing: a basis is open only before its deadline
  // (an "allowed" verdict whose deadline is already past would contradict itself).
  // The open bases: the latest deadline among them (none if one has no window), who pays
  // return shipping (the merchant when any basis says so), and the bases themselves.
  let basis: Basis[] | undefined;
  let latest = -Infinity;
  let paidBy: "customer" | "merchant" | undefined;
  let closed: Reason[] | undefined;
  let denied: Reason[] | undefined;
  let undetermined: StageEvent[] | undefined;
  for (const event of events) {
    const role = roleOf(event, remedy);
    if (role === undefined) continue;
    if (role === "allowing") {
      const e = event as Allowed;
      const d = deadlineOf(e.params.window, context, ends);
      if (d === undefined || d > context.reportedAt.getTime()) {
        latest = d === undefined ? Infinity : Math.max(latest, d);
        const payer = e.params.returnShippingPaidBy;
        if (payer === "merchant" || (payer === "customer" && paidBy === undefined)) paidBy = payer;
        basis = append(basis, basisOf(e));
      } else closed = append(closed, windowClosed(e, ends.text(d)));
    } else if (role === "against") denied = append(denied, located(reasonOf(event), line));
    else undetermined = append(undetermined, event);
  }
  if (basis !== undefined) return allowedVerdict(basis, latest, paidBy, ends);
  // Why not: the denials in event order, then the windows that closed.
  const against = closed === undefined ? (denied ?? NONE) : denied === undefined ? closed : [...denied, ...closed];
  if (undetermined !== undefined) {
    const reasons = undetermined.map((e) => located(reasonOf(e), line));
    if (line.remedyWanted === remedy) for (let i = 0; i < reasons.length; i++) review.push(reviewOf(undetermined[i]!, line.id, reasons[i]!.missing));
    return { status: "undetermined", basis: NONE, reasons: against.length === 0 ? reasons : [...reasons, ...against] };
  }
  return against.length === 0 ? NOTHING_FIRED : { status: "denied", basis: NONE, reasons: against };
}

/** Why a rule's allowance no longer holds: its window closed before the request. */
function windowClosed(e: Allowed, at: string): Reason {
  return {
    ...sourceOf(e),
    code: "window_closed",
    message: { "zh-CN": `该项期限已于 ${at} 届满`, en: `This window closed at ${at}` },
    citation: e.params.citation,
  };
}

// A rule names the logical input it lacks (`order.deliveredAt`, `request.goodsCondition`,
// `order.items.category`); the reason names where this line's value lives in the case (its
// parcel, its request line, its order item).
function located(reason: Reason, line: LineContext["line"]): Reason {
  const missing = reason.missing;
  if (missing === undefined) return reason;
  const at = pathInCase(missing, line);
  return at === missing ? reason : { ...reason, missing: at };
}

function pathInCase(missing: string, line: LineContext["line"]): string {
  if (missing === "order.deliveredAt") return line.deliveredAtPath;
  if (missing === "request.goodsCondition") return line.goodsConditionPath;
  if (missing === "order.items.category") return `order.items[${line.itemIndex}].category`;
  if (missing === "request.failedPart") return line.failedPartPath;
  return missing;
}

function allowedVerdict(basis: Basis[], latest: number, paidBy: "customer" | "merchant" | undefined, ends: WindowEnds): Verdict {
  // Keys in one order whatever is present: status, deadline, basis, returnShippingPaidBy, reasons.
  const deadline = Number.isFinite(latest) ? ends.text(latest) : undefined;
  if (deadline !== undefined) {
    return paidBy === undefined
      ? { status: "allowed", deadline, basis, reasons: NONE }
      : { status: "allowed", deadline, basis, returnShippingPaidBy: paidBy, reasons: NONE };
  }
  return paidBy === undefined ? { status: "allowed", basis, reasons: NONE } : { status: "allowed", basis, returnShippingPaidBy: paidBy, reasons: NONE };
}

/**
 * A window's end. With the policy's rest-day extension on, every window whose last day is a
 * rest day runs on to the next working day (民法典 art. 203 ¶1; windowEnds); the 三包 period
 * arrives already run on (deriveFacts), as `withinWarranty` reads it.
 */
function deadlineOf(window: RemedyWindowT | undefined, context: LineContext, ends: WindowEnds): number | undefined {
  const deliveredAt = context.line.deliveredAt;
  if (window === undefined || deliveredAt === undefined) return undefined;
  // Counted from installation for goods the merchant installs (部分商品三包 art. 14), else from signing.
  if ("days" in window) return ends.days(window.from === "installation" ? (context.installedAt ?? deliveredAt) : deliveredAt, window.days);
  if ("months" in window) return ends.months(deliveredAt, window.months);
  return context.warrantyDeadline?.getTime();
}

function reviewOf(e: StageEvent, line: string, missing: string | undefined): ReviewReason {
  const p = e.params as EventParams<"review.required">;
  const at = missing ?? p.missing;
  return { stage: "eligibility", line, code: p.code, message: p.message, ...(at ? { missing: at } : {}), ...sourceOf(e) };
}

/**
 * The roll-up over the requested lines: for each remedy, whether it is open for all of
 * them, some (which) or none, and where it is undetermined.
 */
export function rollUpEligibility(lines: readonly { readonly line: string; readonly eligibility: LineEligibility }[]): Record<RemedyT, RemedyRollUp> {
  return {
    return: rollUp(lines, "return"),
    exchange: rollUp(lines, "exchange"),
    repair: rollUp(lines, "repair"),
    refundOnly: rollUp(lines, "refundOnly"),
    reship: rollUp(lines, "reship"),
  };
}

function rollUp(lines: readonly { readonly line: string; readonly eligibility: LineEligibility }[], remedy: RemedyT): RemedyRollUp {
  let allowed: string[] | undefined;
  let undetermined: string[] | undefined;
  for (const l of lines) {
    const status = l.eligibility[remedy].status;
    if (status === "allowed") allowed = append(allowed, l.line);
    else if (status === "undetermined") undetermined = append(undetermined, l.line);
  }
  const open = allowed === undefined ? "none" : allowed.length === lines.length ? "all" : "some";
  return { open, lines: allowed ?? [], undetermined: undetermined ?? [] };
}

/**
 * A line whose units are in different states (parcels signed at different times, or some not
 * shipped) and whose request does not say which: no rule can be judged, so every remedy is
 * undetermined, naming what the request must add; a remedy asked for goes to a person.
 */
export function unidentifiedUnits(line: LineContext["line"]): JudgedLine {
  const reason: Reason = { code: "units_not_identified", message: UNITS_NOT_IDENTIFIED, missing: line.deliveredAtPath };
  const verdict: Verdict = { status: "undetermined", basis: NONE, reasons: [reason] };
  const verdicts: LineEligibility = { return: verdict, exchange: verdict, repair: verdict, refundOnly: verdict, reship: verdict };
  const reviewReasons: ReviewReason[] =
    line.remedyWanted === null ? [] : [{ stage: "eligibility", line: line.id, code: reason.code, message: reason.message, missing: line.deliveredAtPath }];
  return { verdicts, reviewReasons };
}

const UNITS_NOT_IDENTIFIED = Object.freeze({
  "zh-CN": "该商品行的各件分属不同包裹（签收时间不同或部分未发货），申请未指明是哪个包裹的商品：请按包裹拆分申请（request.lines[].parcel）或人工判断",
  en: "The line's units are in different parcels (signed at different times, or some not shipped) and the request does not say which: split the request by parcel (request.lines[].parcel), or a person decides",
});

// No rule spoke about the remedy: the same frozen verdict every time, and it says so.
const NONE: readonly never[] = Object.freeze([]);
const NOTHING_FIRED: Verdict = Object.freeze({
  status: "denied",
  basis: NONE,
  reasons: Object.freeze([
    Object.freeze({
      code: "no_rule_allows",
      message: Object.freeze({
        "zh-CN": "政策中没有规则就该商品给予此项售后（法定情形以外的申请由商家自行决定）",
        en: "No rule of the policy grants this remedy for this line (outside the statutory situations it is the merchant's choice)",
      }),
    }),
  ]),
}) as Verdict;

